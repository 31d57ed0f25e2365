import { Bot } from 'grammy'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../src/logger.js'
import { FakeTelegram, makeBotInfo } from '../../src/transport/fake-telegram.js'
import { connect, StartupError } from '../../src/transport/startup.js'
import { installRetries } from '../../src/transport/telegram.js'

/** A logger that keeps what it logs, to see what an operator would read. */
function capturingLogger() {
  const lines: any[] = []
  const logger = createLogger('debug')
  const capture = (level: string) => (obj: any, msg?: string) => lines.push({ level, ...(typeof obj === 'object' ? obj : {}), msg: msg ?? obj })
  return { lines, logger: Object.assign(Object.create(logger), { warn: capture('warn'), info: capture('info'), debug: capture('debug') }) as typeof logger }
}

describe('start-up and outages, as the operator reads them', () => {
  it('logs each retried call during an outage (method and error, no payload), and the call then succeeds', async () => {
    const telegram = new FakeTelegram()
    const bot = new Bot('123:' + 'A'.repeat(35), { botInfo: makeBotInfo(), client: { fetch: telegram.fetch as typeof fetch } })
    const { lines, logger } = capturingLogger()
    installRetries(bot, logger)
    telegram.failNext('sendMessage', 'server-error', 1)
    telegram.failNext('sendMessage', 'network', 1)
    await bot.api.sendMessage(5, 'секретный текст')
    const retries = lines.filter((l) => l.level === 'warn')
    expect(retries.map((l) => [l.method, l.msg])).toEqual([
      ['sendMessage', 'Bot API call failed; retrying'],
      ['sendMessage', 'Bot API unreachable; retrying'],
    ])
    expect(JSON.stringify(lines)).not.toContain('секретный')
  }, 30_000)

  it('gives up on getMe after the bound with one StartupError naming the Bot API, saying what it waited for', async () => {
    const telegram = new FakeTelegram()
    telegram.failNext('getMe', 'network', 100)
    const bot = new Bot('123:' + 'A'.repeat(35), { client: { fetch: telegram.fetch as typeof fetch } })
    const { lines, logger } = capturingLogger()
    const error = await connect(bot, logger, { apiRoot: 'http://127.0.0.1:9', timeoutMs: 3000, sleep: async () => undefined }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StartupError)
    expect((error as Error).message).toMatch(/^The Bot API at http:\/\/127\.0\.0\.1:9 did not answer getMe within 3 s/)
    expect(lines.some((l) => l.msg === 'waiting for the Bot API (getMe)')).toBe(true)
  })

  it('fails at once on a refused token', async () => {
    const bot = new Bot('123:' + 'A'.repeat(35), { client: { fetch: (async () => new Response(JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }))) as typeof fetch } })
    const { logger } = capturingLogger()
    await expect(connect(bot, logger, { apiRoot: 'https://api.telegram.org', timeoutMs: 60_000 })).rejects.toThrow('BOT_TOKEN was refused by the Bot API at https://api.telegram.org (401 Unauthorized)')
  })
})
