import { escapeHtml } from '../i18n.js'
import { buildMultipart } from '../web/multipart.js'
import { isWebChatId } from './web-ids.js'
import type { WebMessage } from './web-transport.js'

/** A file a visitor uploaded (or the bot sent to a web chat); base64 inside the sealed key-value row. */
export interface WebFile {
  name: string
  data: string
}

export interface Rewritten {
  method: string
  body: Buffer | string
  contentType: string
  adapt?: (response: Response) => Promise<Response>
}

const WEB_FILE_ID = /^web-(\d+)-([A-Za-z0-9_-]+)$/

/**
 * Telegram does not know a web visitor's files or messages: a call that names one (the lawyers get
 * the request's photos by file id, a follow-up by copyMessage from the person's chat) is turned into
 * an upload of the file itself, so the lawyers see exactly what a Telegram user's request shows.
 * Undefined: the call goes to Telegram unchanged.
 */
export function rewriteForTelegram(
  method: string,
  p: Record<string, any>,
  fileOf: (chatId: number, key: string) => WebFile | undefined,
  messageOf: (chatId: number, id: number) => WebMessage | undefined,
): Rewritten | undefined {
  if (method === 'sendPhoto' || method === 'sendDocument') {
    const field = method === 'sendPhoto' ? 'photo' : 'document'
    const m = WEB_FILE_ID.exec(typeof p[field] === 'string' ? p[field] : '')
    const file = m ? fileOf(Number(m[1]), m[2]!) : undefined
    if (!file) return undefined
    const { [field]: _, ...rest } = p
    return { method, ...upload(rest, field, file) }
  }
  if (method === 'copyMessage' && isWebChatId(p.from_chat_id)) {
    const fromChat = Number(p.from_chat_id)
    const message = messageOf(fromChat, Number(p.message_id))
    if (!message) return undefined
    const { from_chat_id: _f, message_id: _m, caption, ...rest } = p
    const text = caption ?? escapeHtml(message.text)
    const file = message.file?.key ? fileOf(fromChat, message.file.key) : undefined
    if (message.file && file) {
      const field = message.file.kind
      const method = field === 'photo' ? 'sendPhoto' : 'sendDocument'
      return { method, ...upload({ ...rest, caption: text, ...(caption === undefined ? { parse_mode: 'HTML' } : {}) }, field, file) }
    }
    const body = JSON.stringify({ ...rest, text: text || '…', ...(caption === undefined ? { parse_mode: 'HTML' } : {}) })
    return { method: 'sendMessage', body, contentType: 'application/json' }
  }
  return undefined
}

function upload(fields: Record<string, unknown>, field: string, file: WebFile): { body: Buffer; contentType: string } {
  return buildMultipart(fields, { [field]: { filename: file.name || field, data: Buffer.from(file.data, 'base64') } })
}
