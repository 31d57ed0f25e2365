import { afterEach, describe, expect, it } from 'vitest'
import { startFakeBotApiServer } from '../helpers/fake-bot-api-server.js'
import { freePort, freshDatabase, startBot, TOKEN, waitFor, type BotProcess } from './process.js'

const startUpdate = {
  update_id: 500,
  message: { message_id: 1, date: 0, chat: { id: 43, type: 'private' }, from: { id: 43, is_bot: false, first_name: 'B', language_code: 'uz' }, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
}

describe('the real process in webhook mode', () => {
  let bot: BotProcess | undefined
  let api: Awaited<ReturnType<typeof startFakeBotApiServer>> | undefined
  afterEach(async () => {
    await bot?.stop().catch(() => undefined)
    await api?.close()
  })

  it('serves for more than 10 s even when setMyCommands fails with 500, refuses a wrong secret, answers an update, drains and exits 0 on SIGTERM', { timeout: 60_000 }, async () => {
    api = await startFakeBotApiServer({ failMethods: { setMyCommands: 500 } })
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    bot = startBot({ BOT_TOKEN: TOKEN, BOT_API_ROOT: api.apiRoot, DATABASE_PATH: freshDatabase(), WEBHOOK_URL: `${base}/hook`, WEBHOOK_SECRET: 'right-secret', PORT: String(port), LOG_LEVEL: 'info' })
    await api.waitFor(() => api!.received.some((c) => c.method === 'setWebhook'), 20_000)
    expect(api.received.find((c) => c.method === 'setWebhook')!.payload).toMatchObject({ url: `${base}/hook`, secret_token: 'right-secret' })
    const healthy = async () => (await fetch(`${base}/healthz`).catch(() => undefined))?.status === 200 || undefined
    await waitFor(healthy, 10_000, 'the webhook server')
    const servingSince = Date.now()

    const post = (secret: string) => fetch(`${base}/hook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(startUpdate) })
    expect((await post('wrong')).status).toBe(401)
    expect(api.received.some((c) => c.method === 'sendMessage')).toBe(false)

    // Still serving well after start-up (it used to exit about 3 s in).
    await new Promise((r) => setTimeout(r, 10_500 - (Date.now() - servingSince)))
    expect(bot.child.exitCode).toBe(null)
    expect(await healthy()).toBe(true)
    expect((await post('right-secret')).status).toBe(200)
    const sent = api.received.find((c) => c.method === 'sendMessage')!
    expect([sent.payload.chat_id, sent.payload.text]).toEqual([43, '🌐 Tilni tanlang · Тилди тандаңыз · Выберите язык · Забонро интихоб кунед · Choose your language'])
    expect(bot.stderr()).toMatch(/setMyCommands failed; the bot serves without it/)

    expect(await bot.stop()).toBe(0)
    expect(bot.stderr()).toMatch(/"webhook server stopping"/)
    expect(bot.stderr()).toMatch(/"msg":"stopped"/)
    expect(await healthy()).toBe(undefined)
  })
})
