import { escapeHtml } from '../../i18n.js'
import { CAPTION_LIMIT, parseTelegramHtml, TEXT_LIMIT } from '../../transport/telegram-rules.js'

export { CAPTION_LIMIT, TEXT_LIMIT }

/** Visible length of our own HTML (a header), as Telegram counts it: UTF-16, tags removed. */
export function htmlLength(html: string): number {
  const parsed = parseTelegramHtml(html)
  return parsed.ok ? parsed.text.length : html.length
}

/** Cuts plain text into pieces of at most `size` UTF-16 units, at a line break or space when one is near, never inside a surrogate pair. */
export function splitPlain(text: string, size: number): string[] {
  const pieces: string[] = []
  let rest = text
  while (rest.length > size) {
    let cut = size
    const soft = Math.max(rest.lastIndexOf('\n', size), rest.lastIndexOf(' ', size))
    if (soft > size * 0.7) cut = soft
    else if (/[\uD800-\uDBFF]/.test(rest[cut - 1]!)) cut -= 1
    pieces.push(rest.slice(0, cut))
    rest = rest.slice(cut).replace(/^[ \n]/, '')
  }
  pieces.push(rest)
  return pieces
}

/**
 * A header (our HTML) and a person's plain text as messages within `limit`: one message when it
 * fits, else the text split over several, each with the header and "(2/3)" so lawyers can follow.
 */
export function fitMessages(headerHtml: string, body: string, limit = TEXT_LIMIT): string[] {
  if (htmlLength(headerHtml) + 1 + body.length <= limit) return [`${headerHtml}\n${escapeHtml(body)}`]
  const room = limit - htmlLength(headerHtml) - ' (99/99)'.length - 1
  const pieces = splitPlain(body, room)
  return pieces.map((piece, i) => `${headerHtml} (${i + 1}/${pieces.length})\n${escapeHtml(piece)}`)
}

/** For an edit, which cannot be split: the text clipped with "…" to fit. */
export function clipToFit(headerHtml: string, body: string, limit: number): string {
  const room = limit - htmlLength(headerHtml) - 1
  if (body.length <= room) return `${headerHtml}\n${escapeHtml(body)}`
  const cut = /[\uD800-\uDBFF]/.test(body[room - 2] ?? '') ? room - 2 : room - 1
  return `${headerHtml}\n${escapeHtml(body.slice(0, cut))}…`
}

/** A caption with the header when the whole fits; else the header alone and the text in messages after it. */
export function fitCaption(headerHtml: string, body: string): { caption: string; followUps: string[] } {
  if (htmlLength(headerHtml) + 1 + body.length <= CAPTION_LIMIT) return { caption: `${headerHtml}\n${escapeHtml(body)}`, followUps: [] }
  return { caption: headerHtml, followUps: fitMessages(headerHtml, body) }
}
