import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../src/logger.js'
import { MAX_UPDATE_BYTES, runWebhook } from '../../src/transport/telegram.js'
import { createTestBot } from '../helpers/bot-harness.js'

const update = (text: string) => JSON.stringify({ update_id: 9, message: { message_id: 1, date: 0, chat: { id: 77, type: 'private', first_name: 'A' }, from: { id: 77, is_bot: false, first_name: 'A' }, text } })

/** A raw POST, so the test controls the headers (fetch always sizes its body). */
function post(port: number, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume()
      done(res.statusCode ?? 0)
    })
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? done(-1) : fail(e)))
    req.end(body)
  })
}

describe('webhook abuse', () => {
  it('answers 401 to no or a wrong secret and 413/411 to huge or unsized bodies, and processes none of them', async () => {
    const h = await createTestBot({ config: { webhookUrl: 'https://bot.example.org/hook', webhookSecret: 'right-secret', port: 0 } })
    const { server, stop } = await runWebhook(h.bot, h.config, createLogger('silent'))
    const port = (server.address() as AddressInfo).port
    const secret = { 'x-telegram-bot-api-secret-token': 'right-secret' }
    try {
      const small = update('/start')
      expect(await post(port, small, { 'content-length': String(Buffer.byteLength(small)) })).toBe(401)
      expect(await post(port, small, { 'content-length': String(Buffer.byteLength(small)), 'x-telegram-bot-api-secret-token': 'Right-secret' })).toBe(401)
      const huge = update('x'.repeat(MAX_UPDATE_BYTES))
      expect(await post(port, huge, { ...secret, 'content-length': String(Buffer.byteLength(huge)) })).toBe(413)
      expect(await post(port, small, { ...secret, 'transfer-encoding': 'chunked' })).toBe(411)
      expect(h.telegram.calls.filter((c) => c.method !== 'setWebhook' && c.method !== 'getMe')).toEqual([])
      // The right secret and a normal body still work.
      expect(await post(port, small, { ...secret, 'content-length': String(Buffer.byteLength(small)) })).toBe(200)
      expect(h.telegram.calls.some((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 77)).toBe(true)
    } finally {
      await stop()
    }
  })
})
