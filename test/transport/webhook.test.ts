import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../src/logger.js'
import { runWebhook } from '../../src/transport/telegram.js'
import { createTestBot } from '../helpers/bot-harness.js'

const startUpdate = {
  update_id: 77,
  message: { message_id: 1, date: 0, chat: { id: 43, type: 'private' }, from: { id: 43, is_bot: false, first_name: 'B', language_code: 'uz' }, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
}

describe('webhook mode', () => {
  it('registers the webhook with its secret, rejects a wrong secret, answers updates and /healthz', async () => {
    const h = await createTestBot({ config: { webhookUrl: 'https://bot.example.org/hook', webhookSecret: 'right-secret', port: 0 } })
    const { server, stop } = await runWebhook(h.bot, h.config, createLogger('silent'))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      expect(h.telegram.calls.find((c) => c.method === 'setWebhook')?.payload).toMatchObject({ url: 'https://bot.example.org/hook', secret_token: 'right-secret' })
      const post = (secret: string) =>
        fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(startUpdate) })
      expect((await post('wrong')).status).toBe(401)
      expect(h.telegram.calls.some((c) => c.method === 'sendMessage')).toBe(false)
      expect((await post('right-secret')).status).toBe(200)
      expect(h.lastText(43)).toMatch(/^🌐 Tilni tanlang/)
      const health = await fetch(`${base}/healthz`)
      expect([health.status, await health.text()]).toEqual([200, 'ok'])
    } finally {
      await stop()
    }
  })
})
