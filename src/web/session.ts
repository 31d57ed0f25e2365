import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Db } from '../db/client.js'
import { keyValueStorage, type KeyValueStorage } from '../db/key-value-storage.js'
import { webChatId } from '../transport/web-ids.js'

export const COOKIE = 'joldosh'
const TOKEN = /^[A-Za-z0-9_-]{43}$/

/**
 * A web visitor's session: the cookie holds a random token (never the chat id); SQLite keeps only
 * the token's hash → chat id, so a copy of the database cannot be replayed as anyone's cookie.
 * Chat ids are handed out on the first action, not on a page view, so crawlers make no rows.
 */
export class WebSessions {
  private readonly visitors: KeyValueStorage<{ chatId: number }>
  private readonly state: KeyValueStorage<string | number>
  private readonly secret: Buffer

  constructor(db: Db, clock: () => Date) {
    this.visitors = keyValueStorage(db, 'web-visitor:', clock)
    this.state = keyValueStorage(db, 'web:', clock)
    let secret = this.state.read('csrf-secret')
    if (typeof secret !== 'string') {
      secret = randomBytes(32).toString('base64url')
      this.state.write('csrf-secret', secret)
    }
    this.secret = Buffer.from(secret, 'base64url')
  }

  /** The visitor's token from the cookie, or a new one (then `fresh`: the response must set the cookie). */
  token(req: IncomingMessage): { token: string; fresh: boolean } {
    const token = cookieValue(req.headers.cookie, COOKIE)
    return token && TOKEN.test(token) ? { token, fresh: false } : { token: randomBytes(32).toString('base64url'), fresh: true }
  }

  chatIdOf(token: string): number | undefined {
    return this.visitors.read(hash(token))?.chatId
  }

  /** The visitor's chat id, made on their first action. */
  ensureChat(token: string): number {
    const known = this.chatIdOf(token)
    if (known !== undefined) return known
    const n = Number(this.state.read('next-chat') ?? 1)
    this.state.write('next-chat', n + 1)
    const chatId = webChatId(n)
    this.visitors.write(hash(token), { chatId })
    return chatId
  }

  /** The form token for this session: an HMAC of the cookie's token, so it needs no storage. */
  csrf(token: string): string {
    return createHmac('sha256', this.secret).update(`csrf:${token}`).digest('base64url')
  }

  checkCsrf(token: string, sent: unknown): boolean {
    if (typeof sent !== 'string') return false
    const expected = Buffer.from(this.csrf(token))
    const given = Buffer.from(sent)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }
}

/** httpOnly, SameSite=Lax, a year; Secure when the operator's https proxy says the page came over https. */
export function sessionCookie(token: string, secure: boolean): string {
  return `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${secure ? '; Secure' : ''}`
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return undefined
}

const hash = (token: string) => createHash('sha256').update(token).digest('base64url')
