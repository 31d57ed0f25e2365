import { createHash } from 'node:crypto'
import type { UserFromGetMe } from 'grammy/types'
import { contentRefusal, NOT_MODIFIED } from './telegram-rules.js'

/** One outgoing Bot API call as the fake Telegram received it. */
export interface ApiCall {
  method: string
  payload: Record<string, any>
  /** Files sent as multipart uploads, by field name (e.g. a CSV export); `bytes` as sent (a PNG). */
  files: Record<string, { filename: string; content: string; bytes: Buffer }>
  /** The result answered to the bot, e.g. the message it "sent". */
  result?: unknown
}

/** `timeout`: Telegram never answers; the call ends when the client gives up (grammY's `timeoutSeconds` aborts it). */
export type InjectedFailure = 'rate-limit' | 'server-error' | 'network' | 'timeout' | 'thread-not-found' | 'blocked' | 'bad-request' | 'chat-not-found' | 'kicked'

/** Stored messages, so edits and presses on an old message work as in Telegram. */
export interface StoredMessage {
  chatId: number
  messageId: number
  threadId?: number
  text: string
  replyMarkup?: any
  fromBot: boolean
  /** A photo's file: its file_id, or a digest of the uploaded bytes, so an identical edit can be refused. */
  media?: string
}

export function makeBotInfo(id = 7_000_000_001, username = 'joldosh_bot'): UserFromGetMe {
  return {
    id,
    is_bot: true,
    first_name: 'Joldosh',
    username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  } as UserFromGetMe
}

/**
 * A Bot API stand-in at the transport (grammY's `client.fetch`), used by the tests and by the local
 * terminal chat. It records every call, including those made inside conversations, and answers
 * plausibly: messages get ids, edits change the stored message, topics get thread ids.
 */
export class FakeTelegram {
  readonly calls: ApiCall[] = []
  readonly messages = new Map<string, StoredMessage>()
  readonly forumChats = new Set<number>()
  /** Chats whose person blocked the bot: every send there gets Telegram's 403. */
  readonly blockedChats = new Set<number>()
  /** Calls Telegram would refuse (bad HTML, too long, …), with the error: never shown to anyone. */
  readonly rejected: (ApiCall & { error_code: number; description: string })[] = []
  private nextMessageId = 1
  private nextThreadId = 100

  /** The terminal chat goes on from the last run's ids, so stored relays never meet a reused id. */
  continueMessageIdsFrom(next: number): void {
    this.nextMessageId = Math.max(this.nextMessageId, next)
  }

  get nextFreeMessageId(): number {
    return this.nextMessageId
  }
  private failures: { method: string; kind: InjectedFailure; retryAfter?: number; chatId?: number }[] = []
  private listeners: ((call: ApiCall) => void)[] = []

  constructor(readonly botInfo: UserFromGetMe = makeBotInfo()) {}

  /** Makes the next call of `method` fail the way Telegram or the network would. */
  failNext(method: string, kind: InjectedFailure, times = 1, retryAfter = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ method, kind, retryAfter })
  }

  /** As `failNext`, for calls into one chat only (e.g. the lawyers' group, while admins' chats work). */
  failNextIn(chatId: number, method: string, kind: InjectedFailure, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ method, kind, chatId })
  }

  /** Injected failures not yet met, so a test can show that every one of them happened. */
  get failuresLeft(): number {
    return this.failures.length
  }

  onCall(listener: (call: ApiCall) => void): void {
    this.listeners.push(listener)
  }

  /** Records a message a user sent, so replies and button presses can refer to it. */
  recordUserMessage(chatId: number, text: string, threadId?: number): number {
    const messageId = this.nextMessageId++
    this.messages.set(key(chatId, messageId), { chatId, messageId, threadId, text, fromBot: false })
    return messageId
  }

  message(chatId: number, messageId: number): StoredMessage | undefined {
    return this.messages.get(key(chatId, messageId))
  }

  readonly fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const method = String(url).split('/').pop() ?? ''
    const { payload, files } = await readBody(init)
    const failureIndex = this.failures.findIndex((f) => (f.method === method || f.method === '*') && (f.chatId === undefined || f.chatId === Number(payload.chat_id)))
    if (failureIndex >= 0) {
      const [failure] = this.failures.splice(failureIndex, 1)
      if (failure!.kind === 'timeout') return neverAnswered(init?.signal)
      return failWith(failure!.kind, failure!.retryAfter ?? 1)
    }
    const call: ApiCall = { method, payload, files }
    const refusal = this.refuse(call)
    if (refusal) {
      this.rejected.push({ ...call, ...refusal })
      return json({ ok: false, ...refusal })
    }
    const outcome = this.answer(call)
    if (!outcome.ok) {
      this.rejected.push({ ...call, error_code: outcome.error_code, description: outcome.description })
      return json(outcome)
    }
    call.result = outcome.result
    this.calls.push(call)
    for (const l of this.listeners) l(call)
    return json(outcome)
  }

  /** What Telegram refuses before doing anything, with its own words. */
  private refuse(call: ApiCall): { error_code: number; description: string } | undefined {
    const p = call.payload
    const bad = (description: string) => ({ error_code: 400, description })
    if (SENDS.has(call.method) && this.blockedChats.has(Number(p.chat_id))) return { error_code: 403, description: 'Forbidden: bot was blocked by the user' }
    const refused = contentRefusal(call.method, p)
    if (refused) return refused
    if (call.method === 'editMessageText' || call.method === 'editMessageReplyMarkup' || call.method === 'editMessageCaption') {
      const stored = this.messages.get(key(Number(p.chat_id), Number(p.message_id)))
      const sameText = call.method === 'editMessageReplyMarkup' || stored?.text === String((call.method === 'editMessageText' ? p.text : p.caption) ?? '')
      if (stored && sameText && JSON.stringify(stored.replyMarkup ?? null) === JSON.stringify(p.reply_markup ?? null)) {
        return bad(NOT_MODIFIED)
      }
    }
    if (call.method === 'editMessageMedia') {
      const stored = this.messages.get(key(Number(p.chat_id), Number(p.message_id)))
      if (stored && stored.media === mediaOf(call, p.media) && stored.text === String(p.media?.caption ?? '') && JSON.stringify(stored.replyMarkup ?? null) === JSON.stringify(p.reply_markup ?? null)) {
        return bad(NOT_MODIFIED)
      }
    }
    return undefined
  }

  private answer(call: ApiCall): { ok: true; result: unknown } | { ok: false; error_code: number; description: string } {
    const p = call.payload
    const chatId = Number(p.chat_id)
    switch (call.method) {
      case 'getMe':
        return ok(this.botInfo)
      case 'sendMessage':
      case 'sendVenue':
      case 'sendLocation':
      case 'sendDocument':
      case 'sendPhoto':
      case 'sendContact':
      case 'copyMessage':
      case 'forwardMessage': {
        const text = p.text ?? p.caption ?? (call.method === 'sendVenue' ? `${p.title}\n${p.address}` : '')
        const stored = this.store(chatId, String(text), p.reply_markup, p.message_thread_id)
        if (call.method === 'sendPhoto') stored.media = mediaOf(call, p.photo)
        if (call.method === 'copyMessage') return ok({ message_id: stored.messageId })
        return ok(this.asMessage(stored))
      }
      case 'editMessageText':
      case 'editMessageCaption':
      case 'editMessageReplyMarkup': {
        const stored = this.messages.get(key(chatId, Number(p.message_id)))
        if (!stored) return { ok: false, error_code: 400, description: 'Bad Request: message to edit not found' }
        if (call.method === 'editMessageText') stored.text = String(p.text)
        if (call.method === 'editMessageCaption') stored.text = String(p.caption ?? '')
        stored.replyMarkup = p.reply_markup
        return ok(this.asMessage(stored))
      }
      case 'editMessageMedia': {
        const stored = this.messages.get(key(chatId, Number(p.message_id)))
        if (!stored) return { ok: false, error_code: 400, description: 'Bad Request: message to edit not found' }
        stored.media = mediaOf(call, p.media)
        stored.text = String(p.media?.caption ?? '')
        stored.replyMarkup = p.reply_markup
        return ok(this.asMessage(stored))
      }
      case 'createForumTopic': {
        if (!this.forumChats.has(chatId)) return { ok: false, error_code: 400, description: 'Bad Request: the chat is not a forum' }
        return ok({ message_thread_id: this.nextThreadId++, name: p.name, icon_color: 7322096 })
      }
      case 'getChat':
        return ok({ id: chatId, type: chatId < 0 ? 'supergroup' : 'private', is_forum: this.forumChats.has(chatId) })
      default:
        return ok(true)
    }
  }

  private store(chatId: number, text: string, replyMarkup: unknown, threadId?: number): StoredMessage {
    const stored: StoredMessage = { chatId, messageId: this.nextMessageId++, text, replyMarkup, threadId, fromBot: true }
    this.messages.set(key(chatId, stored.messageId), stored)
    return stored
  }

  private asMessage(m: StoredMessage) {
    return {
      message_id: m.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: m.chatId, type: m.chatId < 0 ? 'supergroup' : 'private' },
      from: this.botInfo,
      text: m.text,
      ...(m.threadId ? { message_thread_id: m.threadId, is_topic_message: true } : {}),
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
    }
  }
}

const key = (chatId: number, messageId: number) => `${chatId}:${messageId}`

/** A photo's identity: the file_id sent, or a digest of the uploaded bytes (`attach://name`, or the field itself). */
function mediaOf(call: ApiCall, value: unknown): string {
  const ref = typeof value === 'object' && value !== null ? (value as { media?: unknown }).media : value
  if (typeof ref !== 'string') return ''
  const file = ref.startsWith('attach://') ? call.files[ref.slice('attach://'.length)] : undefined
  const bytes = file?.bytes ?? (Object.keys(call.files).length && !ref.startsWith('attach://') ? Object.values(call.files)[0]?.bytes : undefined)
  return bytes ? `sha256:${createHash('sha256').update(bytes).digest('hex')}` : ref
}
const SENDS = new Set(['sendMessage', 'sendPhoto', 'sendDocument', 'sendVenue', 'sendLocation', 'sendContact', 'copyMessage', 'forwardMessage', 'sendChatAction'])
const ok = (result: unknown) => ({ ok: true as const, result })
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })

/** No answer until the client aborts; nothing was done (a late answer after the abort is never seen). */
function neverAnswered(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_, reject) => {
    const abort = () => reject(new DOMException('The operation was aborted (injected timeout)', 'AbortError'))
    if (!signal) return abort()
    if (signal.aborted) abort()
    else signal.addEventListener('abort', abort, { once: true })
  })
}

function failWith(kind: Exclude<InjectedFailure, 'timeout'>, retryAfter: number): Response {
  switch (kind) {
    case 'network':
      throw new TypeError('fetch failed (injected network error)')
    case 'rate-limit':
      return json({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } })
    case 'server-error':
      return json({ ok: false, error_code: 500, description: 'Internal Server Error' })
    case 'thread-not-found':
      return json({ ok: false, error_code: 400, description: 'Bad Request: message thread not found' })
    case 'blocked':
      return json({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' })
    case 'bad-request':
      return json({ ok: false, error_code: 400, description: "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0" })
    case 'chat-not-found':
      return json({ ok: false, error_code: 400, description: 'Bad Request: chat not found' })
    case 'kicked':
      return json({ ok: false, error_code: 403, description: 'Forbidden: bot was kicked from the supergroup chat' })
  }
}

async function readBody(init?: RequestInit): Promise<{ payload: Record<string, any>; files: ApiCall['files'] }> {
  const body = init?.body
  if (body == null) return { payload: {}, files: {} }
  if (typeof body === 'string') return { payload: JSON.parse(body), files: {} }
  const chunks: Buffer[] = []
  for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk))
  const contentType = new Headers(init?.headers).get('content-type') ?? ''
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1]
  // latin1 maps every byte to one character, so a binary upload (a PNG) survives the split intact.
  return boundary ? parseMultipart(Buffer.concat(chunks).toString('latin1'), boundary) : { payload: {}, files: {} }
}

/** Enough multipart parsing for what grammY uploads: JSON-ish fields and named file parts. */
function parseMultipart(text: string, boundary: string) {
  const payload: Record<string, any> = {}
  const files: ApiCall['files'] = {}
  for (const part of text.split(`--${boundary}`)) {
    const [head, ...rest] = part.split('\r\n\r\n')
    const name = /name="([^"]+)"/.exec(head ?? '')?.[1]
    if (!name) continue
    const bytes = Buffer.from(rest.join('\r\n\r\n').replace(/\r\n$/, ''), 'latin1')
    const value = bytes.toString('utf8')
    // grammY writes the file name without quotes; other clients quote it.
    const filename = /filename="?([^";\r\n]*)"?/.exec(Buffer.from(head ?? '', 'latin1').toString('utf8'))?.[1]
    if (filename !== undefined) {
      files[name] = { filename, content: value, bytes }
      continue
    }
    try {
      payload[name] = JSON.parse(value)
    } catch {
      payload[name] = value
    }
  }
  for (const [field, value] of Object.entries(payload)) {
    if (typeof value === 'string' && value.startsWith('attach://')) {
      const file = files[value.slice('attach://'.length)]
      if (file) files[field] = file
    }
  }
  return { payload, files }
}
