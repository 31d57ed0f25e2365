import type { TFunction } from '../i18n.js'
import type { ReplyButton, Transcript, WebMessage } from '../transport/web-transport.js'

/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

const TAG_MAP: Record<string, string> = { b: 'b', strong: 'b', i: 'i', em: 'i', u: 'u', ins: 'u', s: 's', strike: 's', del: 's', code: 'code', pre: 'pre', blockquote: 'blockquote', a: 'a', 'tg-spoiler': 'span', span: 'span' }
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' }

/**
 * Telegram's HTML subset made safe for a page: only Telegram's tags survive (mapped to plain HTML),
 * links only to http(s) with no other attribute, and all text decoded and escaped again, so nothing
 * the bot relays from a person can become markup. Unbalanced tags are closed or dropped.
 */
export function sanitizeTelegramHtml(html: string): string {
  let out = ''
  const open: string[] = []
  const re = /<(\/?)([a-zA-Z-]+)([^>]*)>|&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);|[^<&]+|[<&]/g
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const [whole, closing, rawName, attributes, entity] = m
    if (rawName !== undefined) {
      const name = rawName.toLowerCase()
      const tag = TAG_MAP[name]
      if (!tag) continue
      if (closing) {
        const at = open.lastIndexOf(name)
        if (at < 0) continue
        while (open.length > at) out += `</${TAG_MAP[open.pop()!]}>`
        continue
      }
      if (name === 'a') {
        const href = /href\s*=\s*"([^"]*)"/i.exec(attributes ?? '')?.[1]
        const url = href ? decodeEntities(href) : ''
        out += /^https?:\/\//i.test(url) ? `<a href="${esc(url)}" rel="noopener noreferrer">` : '<a>'
      } else if (tag === 'span') {
        out += '<span class="spoiler">'
      } else {
        out += `<${tag}>`
      }
      open.push(name)
    } else if (entity !== undefined) {
      out += esc(decodeEntities(whole))
    } else {
      out += esc(whole)
    }
  }
  while (open.length) out += `</${TAG_MAP[open.pop()!]}>`
  return out
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (all, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name] ?? all
    const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all
  })
}

export const mapLink = (lat: number, lon: number) => `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`

/** One message: text, then its card (venue, file, contact) and its buttons. */
export function renderMessage(m: WebMessage, t: TFunction, csrf: string): string {
  const who = m.fromBot ? t('web:bot') : t('web:you')
  const body = m.fromBot ? sanitizeTelegramHtml(m.text) : esc(m.text)
  const parts = [`<h2 class="who">${esc(who)}</h2>`]
  if (body.trim()) parts.push(`<div class="text">${body}</div>`)
  if (m.venue) {
    const v = m.venue
    parts.push(`<div class="card"><b>${esc(v.title)}</b><br>${esc(v.address)}<br><a href="${esc(mapLink(v.latitude, v.longitude))}" rel="noopener noreferrer">${esc(t('web:map'))}</a></div>`)
  }
  if (m.location) parts.push(`<div class="card">📍 <a href="${esc(mapLink(m.location.latitude, m.location.longitude))}" rel="noopener noreferrer">${esc(t('web:map'))}</a></div>`)
  if (m.contact) parts.push(`<div class="card">📞 ${esc(m.contact)}</div>`)
  if (m.file) {
    const f = m.file
    parts.push(
      f.key
        ? `<div class="card">${f.kind === 'photo' ? '🖼' : '📎'} <a href="/file/${esc(f.key)}" download="${esc(f.name)}">${esc(f.name || t('web:photo'))}</a></div>`
        : `<div class="card">📎 ${esc(t('web:fileInTelegram'))}</div>`,
    )
  }
  if (m.inlineKeyboard?.length) parts.push(renderInlineKeyboard(m, csrf))
  return `<li class="${m.fromBot ? 'bot' : 'me'}" id="m${m.id}" tabindex="-1">${parts.join('')}</li>`
}

/** Buttons post the message id and the button's place, never its data: only what the bot sent here can be pressed. */
function renderInlineKeyboard(m: WebMessage, csrf: string): string {
  let index = 0
  const rows = m.inlineKeyboard!.map((row) => {
    const cells = row.map((b) => {
      const i = index++
      if (typeof b.callback_data === 'string') return `<button name="b" value="${i}">${esc(b.text)}</button>`
      if (typeof b.url === 'string' && /^https?:\/\//i.test(b.url)) return `<a class="button" href="${esc(b.url)}" rel="noopener noreferrer">${esc(b.text)}</a>`
      return ''
    })
    return cells.some(Boolean) ? `<div class="row">${cells.join('')}</div>` : ''
  })
  return `<form method="post" action="/press" class="keys"><input type="hidden" name="csrf" value="${esc(csrf)}"><input type="hidden" name="m" value="${m.id}">${rows.join('')}</form>`
}

/** The reply keyboard under the chat: plain buttons send their label; a phone request is a field; a location request uses the browser. */
export function renderReplyKeyboard(rows: ReplyButton[][] | undefined, t: TFunction, csrf: string): string {
  if (!rows?.length) return ''
  const hidden = `<input type="hidden" name="csrf" value="${esc(csrf)}">`
  const extra: string[] = []
  const lines = rows.map((row) => {
    const cells = row.map((b) => {
      if (b.request_contact) {
        extra.push(`<form method="post" action="/contact" class="phone">${hidden}<label for="phone">${esc(t('web:phoneLabel'))}</label><input id="phone" name="phone" type="tel" autocomplete="tel" inputmode="tel" maxlength="20" required><button>${esc(b.text)}</button></form>`)
        return ''
      }
      if (b.request_location) {
        extra.push(`<form method="post" action="/location" class="geo" hidden>${hidden}<input type="hidden" name="lat"><input type="hidden" name="lon"><button>${esc(b.text)}</button><p class="hint">${esc(t('web:locationFallback'))}</p></form><p class="hint nojs-geo">${esc(t('web:locationFallback'))}</p>`)
        return ''
      }
      return `<button name="text" value="${esc(b.text)}">${esc(b.text)}</button>`
    })
    return cells.some(Boolean) ? `<div class="row">${cells.join('')}</div>` : ''
  })
  const buttons = lines.some(Boolean) ? `<form method="post" action="/send" class="keys reply">${hidden}${lines.join('')}</form>` : ''
  return extra.join('') + buttons
}

/** The newest messages that fit this many bytes of HTML: a page load stays under 50 KB on a slow link. */
export const LOG_BUDGET_BYTES = 36_000

/** The parts of the page that change: the messages (newest first until the budget), the reply keyboard, the latest notice. */
export function renderState(transcript: Transcript, t: TFunction, csrf: string): { v: number; log: string; kb: string; notice: string } {
  const shown: string[] = []
  let bytes = 0
  for (const m of [...transcript.messages].reverse()) {
    const html = renderMessage(m, t, csrf)
    bytes += Buffer.byteLength(html)
    if (bytes > LOG_BUDGET_BYTES && shown.length > 0) break
    shown.unshift(html)
  }
  return {
    v: transcript.version,
    log: shown.join(''),
    kb: renderReplyKeyboard(transcript.replyKeyboard, t, csrf),
    notice: transcript.notice ? esc(transcript.notice) : '',
  }
}
