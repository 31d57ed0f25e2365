import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Bot } from 'grammy'
import type { Update } from 'grammy/types'
import type { i18n } from 'i18next'
import { LANGUAGES, type Config } from '../config.js'
import type { Db } from '../db/client.js'
import { userLanguage } from '../db/users.js'
import { describeError, type Logger } from '../logger.js'
import { StartupError } from '../transport/startup.js'
import type { WebTransport } from '../transport/web-transport.js'
import { boundaryOf, parseMultipart } from './multipart.js'
import { chatPage, homePage, MAX_UPLOAD_BYTES } from './page.js'
import { renderState } from './render.js'
import { sessionCookie, WebSessions } from './session.js'

export interface WebChatOptions {
  bot: Bot<any>
  web: WebTransport
  db: Db
  i18n: i18n
  config: Config
  logger: Logger
  clock: () => Date
  /** Runs after each visitor's update, e.g. to deliver the outbox at once when there is no worker. */
  afterUpdate?: () => Promise<unknown>
  /** How long a long poll waits for a new message (ms). */
  pollMs?: number
}

const ASSETS = {
  '/app.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('./assets/app.js', import.meta.url)) },
  '/app.css': { type: 'text/css; charset=utf-8', body: readFileSync(new URL('./assets/app.css', import.meta.url)) },
} as const

/** Forms are small; an upload is one file of at most MAX_UPLOAD_BYTES plus the form around it. */
const MAX_FORM_BYTES = 32 * 1024
const MAX_MULTIPART_BYTES = MAX_UPLOAD_BYTES + 64 * 1024
/** New web chats per minute for the whole server: a script cannot fill the database with visitors. */
const NEW_CHATS_PER_MINUTE = 30

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

export interface WebHandler {
  /** Answers the request if it is the web chat's (true), else leaves it to the caller. */
  handle(req: IncomingMessage, res: ServerResponse): boolean
  /** Ends waiting long polls, so a stopping server is not held by them. */
  stop(): void
}

/**
 * The web chat's HTTP side: pages, forms and the long poll. Each form becomes one Telegram-shaped
 * update for the same bot (`bot.handleUpdate`), so every feature, limit and check is the bot's own.
 * Logs carry no URLs' contents, bodies or ids of visitors.
 */
export function createWebHandler(o: WebChatOptions): WebHandler {
  const sessions = new WebSessions(o.db, o.clock)
  const pollMs = o.pollMs ?? 25_000
  let stopping = false
  const newChats = { minute: 0, count: 0 }

  const languageFor = (req: IncomingMessage, chatId: number | undefined) => {
    const browser = browserLanguage(req.headers['accept-language'])
    return { browser, lang: userLanguage(o.db, { id: chatId ?? 0, ...(browser ? { language_code: browser } : {}) }, o.config.defaultLanguage) }
  }

  const serve = async (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) => {
    const { token, fresh } = sessions.token(req)
    const secure = req.headers['x-forwarded-proto'] === 'https'
    if (fresh) res.setHeader('set-cookie', sessionCookie(token, secure))
    let chatId = fresh ? undefined : sessions.chatIdOf(token)
    const { browser, lang } = languageFor(req, chatId)
    const t = o.i18n.getFixedT(lang)
    const csrf = sessions.csrf(token)
    const transcript = () => (chatId === undefined ? { nextId: 1, version: 0, messages: [] } : o.web.transcript(chatId))
    const isFetch = req.headers['x-requested-with'] === 'fetch'
    const page = (status: number, alert?: string) => send(res, status, 'text/html; charset=utf-8', chatPage({ lang, t, csrf, transcript: transcript(), alert }))

    if (req.method === 'GET') {
      if (path === '/') return send(res, 200, 'text/html; charset=utf-8', homePage(lang, t))
      if (path === '/chat') return page(200)
      if (path === '/poll') {
        const v = Number(query.get('v'))
        if (chatId !== undefined && !stopping) await o.web.waitForChange(chatId, v, pollMs)
        const now = transcript()
        if (now.version === v || chatId === undefined) return void res.writeHead(204).end()
        return send(res, 200, 'application/json', JSON.stringify(renderState(now, t, csrf)))
      }
      const file = /^\/file\/([A-Za-z0-9_-]{10,40})$/.exec(path)
      const stored = file && chatId !== undefined ? o.web.file(chatId, file[1]!) : undefined
      if (!stored) return void res.writeHead(404).end()
      res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(stored.name || 'file')}`)
      res.setHeader('content-security-policy', "sandbox; default-src 'none'")
      return send(res, 200, contentTypeOf(stored.name), Buffer.from(stored.data, 'base64'))
    }

    // POST: sized, small, with this session's form token.
    const length = Number(req.headers['content-length'])
    const multipart = boundaryOf(req.headers['content-type'])
    const limit = multipart ? MAX_MULTIPART_BYTES : MAX_FORM_BYTES
    if (!Number.isFinite(length)) return void res.writeHead(411, { connection: 'close' }).end()
    if (length > limit) {
      req.resume()
      return isFetch ? void res.writeHead(413, { connection: 'close' }).end() : page(413, t('web:tooLarge'))
    }
    const body = await readBody(req, limit)
    const form = multipart ? formOfMultipart(body, multipart) : formOfUrlencoded(body)
    if (fresh || !sessions.checkCsrf(token, form.fields.csrf)) return page(403, t('web:expired'))
    if (chatId === undefined) {
      const minute = Math.floor(o.clock().getTime() / 60_000)
      if (newChats.minute !== minute) Object.assign(newChats, { minute, count: 0 })
      if (++newChats.count > NEW_CHATS_PER_MINUTE) return page(429, t('web:busy'))
      chatId = sessions.ensureChat(token)
    }
    const update = toUpdate(o.web, chatId, browser, path, form)
    if (update === 'bad') return page(400, t('web:badInput'))
    if (update === 'too-large') return page(413, t('web:tooLarge'))
    if (update) {
      await o.bot.handleUpdate(update)
      await o.afterUpdate?.()
    }
    if (isFetch) return send(res, 200, 'application/json', JSON.stringify(renderState(transcript(), o.i18n.getFixedT(languageFor(req, chatId).lang), csrf)))
    res.writeHead(303, { location: '/chat' }).end()
  }

  return {
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://web')
      const path = url.pathname
      // Browsers ask for an icon; a 404 would be noise in their console.
      if (path === '/favicon.ico') return void res.writeHead(204, { 'cache-control': 'public, max-age=86400' }).end(), true
      const asset = ASSETS[path as keyof typeof ASSETS]
      const routes = req.method === 'GET' ? /^\/(chat|poll|file\/[\w-]+)?$/.test(path) : req.method === 'POST' && /^\/(send|press|contact|location)$/.test(path)
      if (!asset && !routes) return false
      res.setHeader('content-security-policy', CSP)
      res.setHeader('x-content-type-options', 'nosniff')
      res.setHeader('referrer-policy', 'no-referrer')
      res.setHeader('permissions-policy', 'geolocation=(self), camera=(), microphone=()')
      if (asset) {
        res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=3600' }).end(asset.body)
        return true
      }
      res.setHeader('cache-control', 'no-store')
      // Stopping: polls and forms on kept-alive connections are told to come back, and the connection ends.
      if (stopping) return void res.writeHead(503, { connection: 'close', 'retry-after': '5' }).end(), true
      serve(req, res, path, url.searchParams).catch((error: unknown) => {
        o.logger.error({ err: describeError(error) }, 'web chat request failed')
        if (!res.headersSent) res.writeHead(500).end()
      })
      return true
    },
    stop() {
      stopping = true
      o.web.wakeAll()
    },
  }
}

interface Form {
  fields: Record<string, string>
  file?: { name: string; type: string; data: Buffer }
}

/** A visitor's form as the update a Telegram user's action would make; 'bad' for forged or broken input. */
function toUpdate(web: WebTransport, chatId: number, languageCode: string | undefined, path: string, form: Form): Update | 'bad' | 'too-large' | undefined {
  const f = form.fields
  if (path === '/press') {
    const m = Number(f.m)
    const b = Number(f.b)
    if (!Number.isSafeInteger(m) || !Number.isSafeInteger(b) || b < 0) return 'bad'
    return web.pressUpdate(chatId, languageCode, m, b) ?? 'bad'
  }
  if (path === '/contact') {
    const phone = (f.phone ?? '').trim()
    if (!/^\+?[\d\s()-]{5,20}$/.test(phone)) return 'bad'
    return web.messageUpdate(chatId, languageCode, { contact: phone })
  }
  if (path === '/location') {
    const latitude = Number(f.lat)
    const longitude = Number(f.lon)
    if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) || f.lat === '' || f.lon === '') return 'bad'
    return web.messageUpdate(chatId, languageCode, { location: { latitude, longitude } })
  }
  const text = (f.text ?? '').replace(/\r\n/g, '\n').trim().slice(0, 4096)
  if (form.file && form.file.data.length > 0) {
    if (form.file.data.length > MAX_UPLOAD_BYTES) return 'too-large'
    const name = form.file.name.replace(/[\\/\0-\x1f]/g, '_').slice(-100) || 'file'
    const kind = /^image\/(jpeg|png|webp|gif)$/.test(form.file.type) ? 'photo' : 'document'
    const key = web.saveFile(chatId, name, form.file.data)
    return web.messageUpdate(chatId, languageCode, { file: { key, name, kind }, ...(text ? { caption: text.slice(0, 1024) } : {}) })
  }
  return text ? web.messageUpdate(chatId, languageCode, { text }) : undefined
}

function formOfMultipart(body: Buffer, boundary: string): Form {
  const form: Form = { fields: {} }
  for (const part of parseMultipart(body, boundary)) {
    if (part.filename !== undefined) {
      if (part.data.length > 0 && !form.file) form.file = { name: part.filename, type: part.contentType ?? '', data: part.data }
    } else {
      form.fields[part.name] = part.data.toString('utf8')
    }
  }
  return form
}

function formOfUrlencoded(body: Buffer): Form {
  return { fields: Object.fromEntries(new URLSearchParams(body.toString('utf8'))) }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.destroy()
        reject(new Error('body over its declared size'))
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type }).end(body)
}

/** The first of our languages the browser asks for, by its order of preference. */
export function browserLanguage(header: string | undefined): string | undefined {
  const wanted = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1)
      return { base: tag.toLowerCase().split('-')[0]!, q: Number.isFinite(q) ? q : 0 }
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q)
  return wanted.find((w) => (LANGUAGES as readonly string[]).includes(w.base))?.base
}

function contentTypeOf(name: string): string {
  const ext = name.toLowerCase().split('.').pop()
  const types: Record<string, string> = { csv: 'text/csv; charset=utf-8', ics: 'text/calendar; charset=utf-8', txt: 'text/plain; charset=utf-8', json: 'application/json', pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' }
  return types[ext ?? ''] ?? 'application/octet-stream'
}

export interface WebServer {
  server: Server
  closed: Promise<void>
  stop(): Promise<void>
}

/** The web chat on its own port (no Telegram token): resolves once listening; `closed` when stopped. */
export async function serveWebChat(handler: WebHandler, port: number, logger: Logger): Promise<WebServer> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    if (!handler.handle(req, res)) res.writeHead(404).end()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new StartupError(`Cannot listen on WEB_PORT ${port}: ${error.code ?? error.message}`)))
    server.listen(port, () => resolve())
  })
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()))
  const stop = () => {
    handler.stop()
    if (server.listening) server.close()
    server.closeIdleConnections()
    return closed
  }
  logger.info({ port: (server.address() as { port: number }).port }, 'web chat listening')
  return { server, closed, stop }
}
