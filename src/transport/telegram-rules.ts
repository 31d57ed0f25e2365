/**
 * What Telegram refuses, as Telegram says it: the HTML subset of parse_mode HTML (parsed the way
 * TDLib's parse_html does), the length limits counted in UTF-16 on the text after the tags are
 * removed, and callback data in bytes. Pure; the fake Bot API and the outbox both use it.
 */

export const TEXT_LIMIT = 4096
export const CAPTION_LIMIT = 1024
export const CALLBACK_DATA_LIMIT = 64

const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'blockquote', 'tg-spoiler', 'span', 'tg-emoji'])
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' }

export type ParsedHtml = { ok: true; text: string } | { ok: false; description: string }

/** The visible text of Telegram HTML, or Telegram's "can't parse entities" error. */
export function parseTelegramHtml(html: string): ParsedHtml {
  const fail = (reason: string): ParsedHtml => ({ ok: false, description: `Bad Request: can't parse entities: ${reason}` })
  const byteOffset = (i: number) => Buffer.byteLength(html.slice(0, i), 'utf8')
  const open: string[] = []
  let text = ''
  let i = 0
  while (i < html.length) {
    const ch = html[i]!
    if (ch === '&') {
      // Unknown entities stay literal, as in TDLib.
      const entity = /^&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/.exec(html.slice(i, i + 12))
      const name = entity?.[1]
      const decoded = name === undefined ? undefined : name.startsWith('#') ? decodeNumeric(name) : NAMED_ENTITIES[name]
      if (entity && decoded !== undefined) {
        text += decoded
        i += entity[0].length
        continue
      }
      text += ch
      i++
      continue
    }
    if (ch !== '<') {
      text += ch
      i++
      continue
    }
    // As TDLib: the tag name runs to a space or ">"; an unknown name is refused before the tag's end is looked for.
    const closing = html[i + 1] === '/'
    const name = (/^[^\s>]*/.exec(html.slice(i + (closing ? 2 : 1)))?.[0] ?? '').toLowerCase()
    const end = html.indexOf('>', i)
    if (!closing && !TAGS.has(name)) return fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(i)}`)
    if (end < 0) return fail(`Unclosed ${closing ? 'end' : 'start'} tag at byte offset ${byteOffset(i)}`)
    const inner = html.slice(i + 1, end)
    if (closing) {
      const expected = open.pop()
      if (expected === undefined) return fail(`Unexpected end tag at byte offset ${byteOffset(i)}`)
      if (name !== expected) return fail(`Unmatched end tag at byte offset ${byteOffset(i)}, expected "</${expected}>", found "</${name}>"`)
    } else {
      const attributes = inner.slice(name.length)
      if (name === 'span' && !/class\s*=\s*"tg-spoiler"/.test(attributes)) return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(i)}`)
      if (name === 'a' && !/^\s+href\s*=\s*"[^"]*"\s*$/.test(attributes)) return fail(`Unsupported start tag "a" at byte offset ${byteOffset(i)}`)
      if (attributes.includes('<')) return fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(i)}`)
      open.push(name)
    }
    i = end + 1
  }
  if (open.length > 0) return fail(`Can't find end tag corresponding to start tag "${open[open.length - 1]}"`)
  return { ok: true, text }
}

function decodeNumeric(name: string): string | undefined {
  const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined
}

/** The text a person sees, as Telegram measures it (JavaScript strings are UTF-16 already). */
export function visibleLength(text: string, parseMode: string | undefined): number {
  if (parseMode !== 'HTML') return text.length
  const parsed = parseTelegramHtml(text)
  return parsed.ok ? parsed.text.trim().length : text.length
}

/** Telegram's answer to buttons whose data is over 64 bytes (UTF-8). */
export function invalidCallbackData(replyMarkup: unknown): boolean {
  const rows = (replyMarkup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? []
  return rows.flat().some((b) => typeof b.callback_data === 'string' && (Buffer.byteLength(b.callback_data, 'utf8') > CALLBACK_DATA_LIMIT || b.callback_data.length === 0))
}

/**
 * What Telegram refuses in a call's content before doing anything, in its own words: HTML outside
 * the subset, empty or too long texts and captions, bad button data. The fake Telegram and the web
 * transport both answer with it, so a message that fails on Telegram fails on the web too.
 */
export function contentRefusal(method: string, p: Record<string, any>): { error_code: number; description: string } | undefined {
  const bad = (description: string) => ({ error_code: 400, description })
  const isText = method === 'sendMessage' || method === 'editMessageText'
  // editMessageMedia carries its caption (and parse mode) inside the media object.
  const media = method === 'editMessageMedia' ? (p.media ?? {}) : p
  const body = isText ? p.text : media.caption
  if (typeof body === 'string' || isText) {
    const raw = String(body ?? '')
    let visible = raw
    const parseMode = isText ? p.parse_mode : media.parse_mode
    if (parseMode === 'HTML') {
      const parsed = parseTelegramHtml(raw)
      if (!parsed.ok) return bad(parsed.description)
      visible = parsed.text
    } else if (parseMode !== undefined) {
      return bad(`Bad Request: unsupported parse_mode ${parseMode}`)
    }
    visible = visible.trim()
    if (isText && visible.length === 0) return bad('Bad Request: message text is empty')
    if (isText && visible.length > TEXT_LIMIT) return bad('Bad Request: message is too long')
    if (!isText && visible.length > CAPTION_LIMIT) return bad('Bad Request: message caption is too long')
  }
  if (invalidCallbackData(p.reply_markup)) return bad('Bad Request: BUTTON_DATA_INVALID')
  return undefined
}

/** Telegram's answer to an edit that changes nothing. */
export const NOT_MODIFIED = 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message'
