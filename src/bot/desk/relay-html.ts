import type { MessageEntity } from 'grammy/types'
import { escapeHtml } from '../../i18n.js'
import { CAPTION_LIMIT, TEXT_LIMIT, visibleLength as telegramVisibleLength } from '../../transport/telegram-rules.js'

export { CAPTION_LIMIT, TEXT_LIMIT }

/** The formatting a relayed message keeps; anything else (mentions, hashtags, …) stays plain text. */
const TAGS: Partial<Record<MessageEntity['type'], (e: MessageEntity) => [string, string]>> = {
  bold: () => ['<b>', '</b>'],
  italic: () => ['<i>', '</i>'],
  underline: () => ['<u>', '</u>'],
  strikethrough: () => ['<s>', '</s>'],
  spoiler: () => ['<tg-spoiler>', '</tg-spoiler>'],
  code: () => ['<code>', '</code>'],
  pre: () => ['<pre>', '</pre>'],
  blockquote: () => ['<blockquote>', '</blockquote>'],
  expandable_blockquote: () => ['<blockquote>', '</blockquote>'],
  text_link: (e) => [`<a href="${escapeHtml('url' in e ? e.url : '')}">`, '</a>'],
}

/** The visible length of a piece of our own HTML, as Telegram counts it (tags removed, UTF-16). */
export function visibleLength(html: string): number {
  return telegramVisibleLength(html, 'HTML')
}

/** Cuts text to `max` UTF-16 units with "…", never inside a surrogate pair. */
export function clipUtf16(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = Math.max(0, max - 1)
  if (cut > 0 && /[\uD800-\uDBFF]/.test(text[cut - 1]!)) cut--
  return `${text.slice(0, cut)}…`
}

/** The entities that fall inside text[from, to), with offsets relative to `from`. */
export function sliceEntities(entities: readonly MessageEntity[] | undefined, from: number, to: number): MessageEntity[] {
  return (entities ?? [])
    .filter((e) => e.offset < to && e.offset + e.length > from)
    .map((e) => {
      const start = Math.max(e.offset, from)
      return { ...e, offset: start - from, length: Math.min(e.offset + e.length, to) - start }
    })
}

/**
 * A message's text with its formatting as Telegram HTML, everything else escaped. Each piece
 * between two entity boundaries is wrapped in the entities covering it, so the HTML is always
 * well nested whatever the entities overlap.
 */
export function entitiesToHtml(text: string, entities: readonly MessageEntity[] = []): string {
  const kept = entities
    .filter((e) => TAGS[e.type] && e.length > 0 && e.offset < text.length)
    .sort((a, b) => a.offset - b.offset || b.length - a.length)
  const cuts = new Set([0, text.length])
  for (const e of kept) {
    cuts.add(e.offset)
    cuts.add(Math.min(text.length, e.offset + e.length))
  }
  const points = [...cuts].sort((a, b) => a - b)
  let html = ''
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i]!, points[i + 1]!]
    const covering = kept.filter((e) => e.offset <= from && e.offset + e.length >= to)
    // Code and pre take no other tags inside them.
    const inner = covering.some((e) => e.type === 'code' || e.type === 'pre') ? covering.filter((e) => e.type === 'code' || e.type === 'pre').slice(0, 1) : covering
    const tags = inner.map((e) => TAGS[e.type]!(e))
    html += tags.map((t) => t[0]).join('') + escapeHtml(text.slice(from, to)) + tags.map((t) => t[1]).reverse().join('')
  }
  return html
}

/**
 * A relayed message: our header (HTML), a line break, then the sender's text with its formatting,
 * cut so that the whole stays within `limit` as Telegram counts it.
 */
export function relayBody(headerHtml: string, text: string, entities: readonly MessageEntity[] | undefined, limit: number): string {
  const budget = limit - visibleLength(headerHtml) - 1
  const clipped = clipUtf16(text, budget)
  const body = entitiesToHtml(clipped, sliceEntities(entities, 0, Math.min(text.length, clipped.length)))
  return body ? `${headerHtml}\n${body}` : headerHtml
}
