import { randomBytes } from 'node:crypto'
import type { Update } from 'grammy/types'
import type { Db } from '../db/client.js'
import { keyValueStorage, type KeyValueStorage } from '../db/key-value-storage.js'
import { boundaryOf, fieldsOf, parseMultipart } from '../web/multipart.js'
import { contentRefusal, NOT_MODIFIED } from './telegram-rules.js'
import { isWebChatId } from './web-ids.js'
import { rewriteForTelegram, type WebFile } from './web-outgoing.js'

/** One message of a web chat, as the page shows it. */
export interface WebMessage {
  id: number
  fromBot: boolean
  /** Telegram HTML from the bot; plain text typed by the visitor (escaped when shown). */
  text: string
  date: number
  inlineKeyboard?: InlineButton[][]
  venue?: { title: string; address: string; latitude: number; longitude: number }
  location?: { latitude: number; longitude: number }
  contact?: string
  /** A file in this chat (`web-file:` storage), or a file left in Telegram (no `key`). */
  file?: { key?: string; name: string; kind: 'photo' | 'document' }
  replyTo?: number
}

export interface InlineButton {
  text: string
  callback_data?: string
  url?: string
  [other: string]: unknown
}

export interface ReplyButton {
  text: string
  request_contact?: boolean
  request_location?: boolean
}

/** The whole chat of one visitor: kept in SQLite (sealed with DATA_KEY), erased by /deletemydata. */
export interface Transcript {
  nextId: number
  version: number
  messages: WebMessage[]
  replyKeyboard?: ReplyButton[][] | undefined
  /** Telegram hides a one-time keyboard once the person used it (sent anything). */
  replyKeyboardOnce?: boolean | undefined
  /** The toast of the latest answered button press (answerCallbackQuery's text). */
  notice?: string | undefined
}

/** The page shows the latest messages; older ones go (they were read), as a small phone would scroll. */
export const KEPT_MESSAGES = 60

const CHAT_METHODS = new Set(['sendMessage', 'sendVenue', 'sendLocation', 'sendDocument', 'sendPhoto', 'sendContact', 'copyMessage', 'forwardMessage', 'editMessageText', 'editMessageCaption', 'editMessageReplyMarkup', 'deleteMessage', 'sendChatAction', 'setMessageReaction', 'getChat', 'pinChatMessage', 'unpinChatMessage', 'deleteMessages'])

/**
 * The Bot API as seen by web visitors: the bot's calls whose chat is a web chat (ids ≥ 2^52) are
 * answered here and kept as the visitor's transcript; every other call goes on to Telegram (or the
 * fake one), with files the visitor uploaded attached as real uploads. Visitors' actions become
 * ordinary Telegram-shaped updates for the same bot (`messageUpdate`, `pressUpdate`).
 */
export class WebTransport {
  private readonly chats: KeyValueStorage<Transcript>
  private readonly files: KeyValueStorage<WebFile>
  private readonly state: KeyValueStorage<number>
  private readonly waiters = new Map<number, Set<() => void>>()
  private callbackSeq = 0
  /** Calls Telegram would have refused (bad HTML, too long, …): a defect, never shown to the visitor. */
  readonly rejected: { method: string; error_code: number; description: string }[] = []

  constructor(private readonly db: Db, private readonly clock: () => Date = () => new Date()) {
    // Keys end with `:<chat id>`, so /deletemydata's erasure of `%:<id>` rows takes the chat and its files.
    this.chats = keyValueStorage<Transcript>(db, 'web-chat:', clock)
    this.files = keyValueStorage<WebFile>(db, 'web-file:', clock)
    this.state = keyValueStorage<number>(db, 'web:', clock)
  }

  transcript(chatId: number): Transcript {
    return this.chats.read(String(chatId)) ?? { nextId: 1, version: 0, messages: [] }
  }

  /** grammY's `client.fetch`: web chats are answered here, everything else goes to `inner`. */
  wrapFetch(inner: typeof fetch): typeof fetch {
    return (async (url: string | URL | Request, init?: RequestInit) => {
      const method = String(url).split('/').pop() ?? ''
      const { payload, files, raw, contentType } = await readBody(init)
      const callbackId = typeof payload.callback_query_id === 'string' ? payload.callback_query_id : ''
      if (callbackId.startsWith('web:') || (CHAT_METHODS.has(method) && isWebChatId(payload.chat_id))) {
        return json(this.answer(method, payload, files))
      }
      const rewritten = rewriteForTelegram(method, payload, (chatId, key) => this.file(chatId, key), (chatId, id) => this.transcript(chatId).messages.find((m) => m.id === id))
      if (rewritten) {
        const response = await inner(String(url).replace(/[^/]+$/, rewritten.method), { ...init, method: 'POST', headers: { 'content-type': rewritten.contentType }, ...streamed(rewritten.body) } as RequestInit)
        return rewritten.adapt ? rewritten.adapt(response) : response
      }
      if (raw === undefined) return inner(url, init)
      return inner(url, { ...init, headers: { ...headersOf(init), 'content-type': contentType }, ...streamed(raw) } as RequestInit)
    }) as typeof fetch
  }

  /** A file of this chat by its storage key, or undefined (wrong chat, erased). */
  file(chatId: number, key: string): WebFile | undefined {
    return /^[A-Za-z0-9_-]{10,40}$/.test(key) ? this.files.read(`${key}:${chatId}`) : undefined
  }

  /** Keeps a file the visitor uploaded (or the bot sent); Telegram-style file id `web-<chat>-<key>`. */
  saveFile(chatId: number, name: string, data: Buffer): string {
    const key = randomBytes(12).toString('base64url')
    this.files.write(`${key}:${chatId}`, { name, data: data.toString('base64') })
    return key
  }

  /** Resolves at the next change of this chat, or after `ms`. */
  waitForChange(chatId: number, version: number, ms: number): Promise<void> {
    if (this.transcript(chatId).version !== version) return Promise.resolve()
    return new Promise((resolve) => {
      const set = this.waiters.get(chatId) ?? new Set()
      this.waiters.set(chatId, set)
      const done = () => {
        clearTimeout(timer)
        set.delete(done)
        if (set.size === 0) this.waiters.delete(chatId)
        resolve()
      }
      const timer = setTimeout(done, ms)
      set.add(done)
    })
  }

  /** Ends every waiting long poll (the server is stopping). */
  wakeAll(): void {
    for (const set of [...this.waiters.values()]) for (const wake of [...set]) wake()
  }

  /** The update for something the visitor sent; their message joins the transcript first, as in Telegram. */
  messageUpdate(chatId: number, languageCode: string | undefined, content: { text?: string; contact?: string; location?: { latitude: number; longitude: number }; file?: { key: string; name: string; kind: 'photo' | 'document' }; caption?: string }): Update {
    const text = content.text ?? content.caption ?? ''
    const stored = this.change(chatId, (t) => {
      const m: WebMessage = { id: t.nextId++, fromBot: false, text, date: now(this.clock), ...(content.contact ? { contact: content.contact } : {}), ...(content.location ? { location: content.location } : {}), ...(content.file ? { file: content.file } : {}) }
      t.messages.push(m)
      t.notice = undefined
      if (t.replyKeyboardOnce) t.replyKeyboard = t.replyKeyboardOnce = undefined
      return m
    })
    const base = { message_id: stored.id, date: stored.date, chat: chatOf(chatId), from: fromOf(chatId, languageCode) }
    const command = content.text ? /^\/[A-Za-z0-9_]+/.exec(content.text) : null
    const fileId = content.file ? `web-${chatId}-${content.file.key}` : ''
    const message =
      content.contact ? { ...base, contact: { phone_number: content.contact, first_name: 'Web', user_id: chatId } }
      : content.location ? { ...base, location: content.location }
      : content.file?.kind === 'photo' ? { ...base, photo: [{ file_id: fileId, file_unique_id: content.file.key, width: 800, height: 600 }], ...(content.caption ? { caption: content.caption } : {}) }
      : content.file ? { ...base, document: { file_id: fileId, file_unique_id: content.file.key, file_name: content.file.name }, ...(content.caption ? { caption: content.caption } : {}) }
      : { ...base, text, ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}) }
    return { update_id: this.nextUpdateId(), message } as Update
  }

  /**
   * The callback query for pressing button `index` of message `messageId` in this visitor's chat;
   * undefined when no such button is on that message (a forged or stale form), so only data the
   * bot itself sent to this visitor ever reaches the bot.
   */
  pressUpdate(chatId: number, languageCode: string | undefined, messageId: number, index: number): Update | undefined {
    const message = this.transcript(chatId).messages.find((m) => m.id === messageId && m.fromBot)
    const button = message?.inlineKeyboard?.flat()[index]
    if (!message || typeof button?.callback_data !== 'string') return undefined
    const reply = { message_id: message.id, date: message.date, chat: chatOf(chatId), from: { id: 0, is_bot: true, first_name: 'Joldosh' }, text: message.text, ...(message.inlineKeyboard ? { reply_markup: { inline_keyboard: message.inlineKeyboard } } : {}) }
    return {
      update_id: this.nextUpdateId(),
      callback_query: { id: `web:${chatId}:${++this.callbackSeq}`, from: fromOf(chatId, languageCode), chat_instance: `web-${chatId}`, data: button.callback_data, message: reply },
    } as Update
  }

  private nextUpdateId(): number {
    // Continues across restarts, as Telegram's do; a range of its own, far above the terminal chat's.
    const next = this.state.read('next-update-id') ?? 1_000_000_000
    this.state.write('next-update-id', next + 1)
    return next
  }

  private change<T>(chatId: number, edit: (t: Transcript) => T): T {
    const transcript = this.transcript(chatId)
    const result = edit(transcript)
    transcript.version++
    if (transcript.messages.length > KEPT_MESSAGES) transcript.messages.splice(0, transcript.messages.length - KEPT_MESSAGES)
    this.chats.write(String(chatId), transcript)
    for (const wake of [...(this.waiters.get(chatId) ?? [])]) wake()
    return result
  }

  /** A Bot API call into a web chat, answered as Telegram would (and refused as Telegram would). */
  answer(method: string, p: Record<string, any>, files: Record<string, { filename: string; data: Buffer }>): unknown {
    const chatId = Number(p.chat_id ?? String(p.callback_query_id ?? '').split(':')[1])
    const refused = contentRefusal(method, p) ?? this.unchangedEdit(chatId, method, p)
    if (refused) {
      this.rejected.push({ method, ...refused })
      return { ok: false, ...refused }
    }
    const fail = (description: string) => ({ ok: false, error_code: 400, description: `Bad Request: ${description}` })
    switch (method) {
      case 'answerCallbackQuery':
        if (p.text) this.change(chatId, (t) => void (t.notice = String(p.text)))
        return { ok: true, result: true }
      case 'getChat':
        return { ok: true, result: chatOf(chatId) }
      case 'sendChatAction':
      case 'setMessageReaction':
      case 'pinChatMessage':
      case 'unpinChatMessage':
        return { ok: true, result: true }
      case 'deleteMessage':
      case 'deleteMessages': {
        const ids = new Set<number>((p.message_ids ?? [p.message_id]).map(Number))
        this.change(chatId, (t) => void (t.messages = t.messages.filter((m) => !ids.has(m.id))))
        return { ok: true, result: true }
      }
      case 'editMessageText':
      case 'editMessageCaption':
      case 'editMessageReplyMarkup': {
        const found = this.transcript(chatId).messages.some((m) => m.id === Number(p.message_id) && m.fromBot)
        if (!found) return fail('message to edit not found')
        const m = this.change(chatId, (t) => {
          const m = t.messages.find((x) => x.id === Number(p.message_id))!
          if (method !== 'editMessageReplyMarkup') m.text = String((method === 'editMessageText' ? p.text : p.caption) ?? '')
          m.inlineKeyboard = p.reply_markup?.inline_keyboard
          return m
        })
        return { ok: true, result: this.asTelegram(chatId, m) }
      }
    }
    const sent = this.change(chatId, (t) => {
      const m: WebMessage = { id: t.nextId++, fromBot: true, text: String(p.text ?? p.caption ?? ''), date: now(this.clock) }
      const markup = p.reply_markup
      if (markup?.inline_keyboard) m.inlineKeyboard = markup.inline_keyboard
      if (markup?.keyboard) {
        t.replyKeyboard = markup.keyboard.map((row: unknown[]) => row.map((b) => (typeof b === 'string' ? { text: b } : (b as ReplyButton))))
        t.replyKeyboardOnce = markup.one_time_keyboard === true || undefined
      }
      if (markup?.remove_keyboard) t.replyKeyboard = t.replyKeyboardOnce = undefined
      const replyTo = Number(p.reply_parameters?.message_id)
      if (replyTo) m.replyTo = replyTo
      if (method === 'sendVenue') m.venue = { title: String(p.title), address: String(p.address), latitude: Number(p.latitude), longitude: Number(p.longitude) }
      if (method === 'sendLocation') m.location = { latitude: Number(p.latitude), longitude: Number(p.longitude) }
      if (method === 'sendContact') m.contact = String(p.phone_number)
      if (method === 'sendDocument' || method === 'sendPhoto') m.file = this.fileFor(chatId, method === 'sendPhoto' ? 'photo' : 'document', p, files)
      // A lawyer's file stays in Telegram: the page says where to see it rather than showing nothing.
      if (method === 'copyMessage' || method === 'forwardMessage') m.file = { name: '', kind: 'document' }
      t.messages.push(m)
      return m
    })
    return { ok: true, result: method === 'copyMessage' ? { message_id: sent.id } : this.asTelegram(chatId, sent) }
  }

  private unchangedEdit(chatId: number, method: string, p: Record<string, any>): { error_code: number; description: string } | undefined {
    if (!method.startsWith('editMessage')) return undefined
    const m = this.transcript(chatId).messages.find((x) => x.id === Number(p.message_id))
    if (!m) return undefined
    const sameText = method === 'editMessageReplyMarkup' || m.text === String((method === 'editMessageText' ? p.text : p.caption) ?? '')
    const sameMarkup = JSON.stringify(m.inlineKeyboard ?? null) === JSON.stringify(p.reply_markup?.inline_keyboard ?? null)
    return sameText && sameMarkup ? { error_code: 400, description: NOT_MODIFIED } : undefined
  }

  private fileFor(chatId: number, kind: 'photo' | 'document', p: Record<string, any>, files: Record<string, { filename: string; data: Buffer }>): WebMessage['file'] {
    const upload = files[kind]
    if (upload) return { key: this.saveFile(chatId, upload.filename, upload.data), name: upload.filename, kind }
    const id = String(p[kind] ?? '')
    const own = new RegExp(`^web-${chatId}-([A-Za-z0-9_-]+)$`).exec(id)
    const stored = own ? this.file(chatId, own[1]!) : undefined
    return stored ? { key: own![1]!, name: stored.name, kind } : { name: '', kind }
  }

  private asTelegram(chatId: number, m: WebMessage) {
    return { message_id: m.id, date: m.date, chat: chatOf(chatId), from: { id: 0, is_bot: true, first_name: 'Joldosh' }, text: m.text, ...(m.inlineKeyboard ? { reply_markup: { inline_keyboard: m.inlineKeyboard } } : {}) }
  }
}

/**
 * Node's own fetch for the Bot API behind the web transport: grammY hands its calls an
 * abort-controller polyfill signal and a `connection` header, which Node's fetch refuses.
 */
export const nodeFetch = ((url: string | URL | Request, init?: RequestInit) => {
  const headers = new Headers(init?.headers)
  headers.delete('connection')
  const outer = init?.signal as unknown as { aborted: boolean; addEventListener(type: 'abort', f: () => void, o?: unknown): void } | null | undefined
  let signal: AbortSignal | undefined
  if (outer && !((outer as unknown) instanceof AbortSignal)) {
    const controller = new AbortController()
    if (outer.aborted) controller.abort()
    else outer.addEventListener('abort', () => controller.abort(), { once: true })
    signal = controller.signal
  }
  return fetch(url, { ...init, headers, ...(signal ? { signal } : {}) })
}) as typeof fetch

const now = (clock: () => Date) => Math.floor(clock().getTime() / 1000)
const chatOf = (id: number) => ({ id, type: 'private' as const, first_name: 'Web' })
const fromOf = (id: number, languageCode: string | undefined) => ({ id, is_bot: false, first_name: 'Web', ...(languageCode ? { language_code: languageCode } : {}) })
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })

/** A string stays a string (JSON); bytes go as a one-chunk stream, which both Node's fetch and the fake Telegram read. */
function streamed(body: Buffer | string): Pick<RequestInit, 'body'> & { duplex?: 'half' } {
  if (typeof body === 'string') return { body }
  return { body: (async function* () { yield body })() as unknown as RequestInit['body'], duplex: 'half' }
}

function headersOf(init?: RequestInit): Record<string, string> {
  return Object.fromEntries(new Headers(init?.headers).entries())
}

/** The call's fields; a multipart body is read once and kept (`raw`) to be passed on unchanged. */
async function readBody(init?: RequestInit): Promise<{ payload: Record<string, any>; files: Record<string, { filename: string; data: Buffer }>; raw?: Buffer; contentType?: string }> {
  const body = init?.body
  if (body == null) return { payload: {}, files: {} }
  if (typeof body === 'string') return { payload: JSON.parse(body), files: {} }
  const chunks: Buffer[] = []
  for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk))
  const raw = Buffer.concat(chunks)
  const contentType = new Headers(init?.headers).get('content-type') ?? ''
  const boundary = boundaryOf(contentType)
  return { ...(boundary ? fieldsOf(parseMultipart(raw, boundary)) : { payload: {}, files: {} }), raw, contentType }
}
