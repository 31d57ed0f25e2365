import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { makeBotInfo } from '../../src/transport/fake-telegram.js'

/**
 * A Bot API emulator on loopback for end-to-end runs of the real process: it hands out the queued
 * updates on getUpdates and records what the bot sends.
 */
/**
 * `delays`: per method, or per method and chat (`sendMessage:-100123`); read at each call, so a test
 * may change them as it goes. `recordOnAnswer`: a slow call is recorded only once answered, so a
 * call cut off by a killed process counts as never delivered.
 */
export async function startFakeBotApiServer(options: { failMethods?: Record<string, 400 | 404 | 500>; forum?: boolean; delays?: Record<string, number>; recordOnAnswer?: boolean } = {}) {
  let nextThreadId = 100
  const received: { method: string; payload: any }[] = []
  const queue: unknown[] = []
  let nextMessageId = 1
  let rateLimitedSends = 0
  const waiters: (() => void)[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop() ?? ''
      const payload = body ? JSON.parse(body) : {}
      const reply = (result: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }))
      if (method === 'getUpdates') {
        const updates = queue.splice(0)
        // Long polling: hold an empty answer briefly instead of spinning.
        setTimeout(() => reply(updates), updates.length ? 0 : 100)
        return
      }
      if (method === 'sendMessage' && rateLimitedSends > 0) {
        rateLimitedSends--
        res.writeHead(429, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }))
        return
      }
      const failure = options.failMethods?.[method]
      if (failure) {
        received.push({ method, payload })
        const description = failure === 404 ? 'Not Found' : failure === 400 ? 'Bad Request: BOT_COMMAND_INVALID' : 'Internal Server Error'
        res.writeHead(failure, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error_code: failure, description }))
        return
      }
      const delay = options.delays?.[`${method}:${payload.chat_id}`] ?? options.delays?.[method] ?? 0
      if (!(options.recordOnAnswer && delay > 0)) {
        received.push({ method, payload })
        waiters.splice(0).forEach((w) => w())
      }
      if (method === 'getMe') return reply(makeBotInfo())
      if (method === 'getChat') return reply({ id: payload.chat_id, type: 'supergroup', title: 'Lawyers', is_forum: options.forum === true })
      if (method === 'createForumTopic') return reply({ message_thread_id: nextThreadId++, name: payload.name, icon_color: 7322096 })
      if (method === 'sendMessage') {
        const message = { message_id: nextMessageId++, date: 0, chat: { id: payload.chat_id, type: 'private' }, text: payload.text }
        // A slow answer leaves room to kill the process while a message is on its way.
        setTimeout(() => {
          if (res.destroyed || req.socket.destroyed) return
          if (options.recordOnAnswer && delay > 0) {
            received.push({ method, payload })
            waiters.splice(0).forEach((w) => w())
          }
          reply(message)
        }, delay)
        return
      }
      reply(true)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    received,
    push: (update: unknown) => queue.push(update),
    /** The next `n` sendMessage calls get 429 with retry_after 1, as Telegram does under load. */
    rateLimitNextSends: (n: number) => (rateLimitedSends = n),
    /** How many of those 429s are still to come. */
    rateLimitsLeft: () => rateLimitedSends,
    async waitFor(predicate: () => boolean, ms = 15_000) {
      const deadline = Date.now() + ms
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('timed out waiting for the bot')
        await new Promise<void>((r) => {
          waiters.push(r)
          setTimeout(r, 200)
        })
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
