import { afterEach, expect, onTestFinished } from 'vitest'
import type { Db } from '../../src/db/client.js'
import { createLogger } from '../../src/logger.js'
import { WebSessions } from '../../src/web/session.js'
import { WebTransport } from '../../src/transport/web-transport.js'
import { createWebHandler, serveWebChat, type WebServer } from '../../src/web/server.js'
import { createTestBot, type TestBotOptions } from '../helpers/bot-harness.js'

const servers: WebServer[] = []
afterEach(async () => {
  while (servers.length) await servers.pop()!.stop()
})

/**
 * The real bot with the web transport in front of the fake Telegram (which plays the lawyers'
 * group), served on a free port. Fails the test when the bot sent a web chat what Telegram refuses.
 */
export async function createWebChat(options: TestBotOptions & { pollMs?: number } = {}) {
  let web: WebTransport | undefined
  const h = await createTestBot({ ...options, wrapFetch: (fetch, db, clock) => (web = new WebTransport(db, clock)).wrapFetch(fetch) })
  const transport = web!
  const handler = createWebHandler({ bot: h.bot, web: transport, db: h.db, i18n: h.i18n, config: h.config, logger: createLogger('silent'), clock: () => new Date(), pollMs: options.pollMs ?? 2000 })
  const server = await serveWebChat(handler, 0, createLogger('silent'))
  servers.push(server)
  onTestFinished(() => expect(transport.rejected, 'the bot sent a web chat what Telegram refuses').toEqual([]))
  const url = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`
  return { h, web: transport, url, server }
}

/** A browser without a browser: a cookie jar and the page's form token, for the fast tests. */
export class WebVisitor {
  cookie = ''
  csrf = ''

  constructor(private readonly url: string, private readonly web: WebTransport, private readonly db: Db, readonly language = 'ru') {}

  async open(path = '/chat'): Promise<{ status: number; html: string; headers: Headers }> {
    const response = await fetch(this.url + path, { headers: this.headers(), redirect: 'manual' })
    this.keepCookie(response)
    const html = await response.text()
    this.csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? this.csrf
    return { status: response.status, html, headers: response.headers }
  }

  async post(path: string, fields: Record<string, string>, extra: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(this.url + path, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded', ...extra },
      body: new URLSearchParams({ csrf: this.csrf, ...fields }).toString(),
      redirect: 'manual',
    })
    this.keepCookie(response)
    return response
  }

  async upload(text: string, file: { name: string; type: string; data: Buffer }): Promise<Response> {
    const form = new FormData()
    form.set('csrf', this.csrf)
    form.set('text', text)
    form.set('file', new Blob([file.data], { type: file.type }), file.name)
    return fetch(`${this.url}/send`, { method: 'POST', headers: this.headers(), body: form, redirect: 'manual' })
  }

  send(text: string): Promise<Response> {
    return this.post('/send', { text })
  }

  /** Presses the button carrying this callback data, as the page's form does (by message and place). */
  async pressData(data: string): Promise<Response> {
    const messages = this.web.transcript(this.chat()).messages
    for (const m of [...messages].reverse()) {
      const index = (m.inlineKeyboard ?? []).flat().findIndex((b) => b.callback_data === data)
      if (index >= 0) return this.post('/press', { m: String(m.id), b: String(index) })
    }
    throw new Error(`No button with data ${data}`)
  }

  /** The visitor's chat id, as the server maps their cookie to it. */
  chat(): number {
    const chatId = new WebSessions(this.db, () => new Date()).chatIdOf(this.cookie.split('=')[1] ?? '')
    if (chatId === undefined) throw new Error('no chat yet')
    return chatId
  }

  /** Texts the visitor's chat holds, HTML and all. */
  texts(): string[] {
    return this.web.transcript(this.chat()).messages.map((m) => m.text)
  }

  private headers(): Record<string, string> {
    return { 'accept-language': this.language, ...(this.cookie ? { cookie: this.cookie } : {}) }
  }

  private keepCookie(response: Response): void {
    const set = response.headers.get('set-cookie')
    if (set) this.cookie = set.split(';')[0]!
  }
}
