import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client.js'
import { submitLegalRequest } from '../../src/db/legal-requests.js'
import { startFakeBotApiServer } from '../helpers/fake-bot-api-server.js'
import { freshDatabase, startBot, TOKEN } from '../e2e/process.js'

const tsx = join(process.cwd(), 'node_modules/.bin/tsx')
const baseEnv = () => ({ PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'joldosh-e2e-')), 'j.db') })

function localChat(input: string, env: Record<string, string>) {
  const run = spawnSync(tsx, ['src/main.ts'], { input, env, encoding: 'utf8', timeout: 60_000 })
  return { stdout: run.stdout, stderr: run.stderr, status: run.status }
}

describe('npm start without a token: the terminal chat', () => {
  it('reads a piped transcript, prints the Russian menu and help, exits, and remembers the language next time', () => {
    const env = baseEnv()
    const first = localChat('/start\n#2\n/help\n', env)
    expect(first.status).toBe(0)
    expect(first.stdout).toContain('[#1 Кыргызча] [#2 Русский] [#3 Oʻzbekcha] [#4 Тоҷикӣ] [#5 English]')
    expect(first.stdout).toContain('Жолдош — ваш спутник в дороге')
    expect(first.stdout).toContain('[#3 ⚖️ Спросить юриста]')
    expect(first.stdout).toContain('Это информация, а не юридическая консультация')
    const second = localChat('/help\n/language\n#English\n', env)
    expect(second.stdout).toContain('бесплатный бот для трудовых мигрантов')
    // Message ids go on from the first run (relays are keyed by chat and message id): the first run
    // edited message 2, so the second run's language menu is a later message, not message 2 again.
    const edited = [...second.stdout.matchAll(/editMessageText → chat 1000, message (\d+)/g)].map((m) => Number(m[1]))
    expect(edited.length).toBeGreaterThan(0)
    expect(Math.min(...edited)).toBeGreaterThan(5)
  }, 60_000)

  it('stops with one clear line naming a bad variable', () => {
    const run = localChat('', { ...baseEnv(), DEFAULT_LANGUAGE: 'fr' })
    expect(run.status).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/DEFAULT_LANGUAGE/)
  }, 60_000)
})

describe('start-up problems: one line naming what is wrong, exit 1', () => {
  const oneLine = (stderr: string) => {
    expect(stderr.trim().split('\n')).toHaveLength(1)
    return stderr.trim()
  }

  it('gives up on an unreachable Bot API after STARTUP_TIMEOUT_SECONDS instead of hanging', async () => {
    const started = Date.now()
    const bot = startBot({ BOT_TOKEN: TOKEN, BOT_API_ROOT: 'http://127.0.0.1:9', STARTUP_TIMEOUT_SECONDS: '2', DATABASE_PATH: freshDatabase(), LOG_LEVEL: 'silent' })
    expect(await bot.exited(30_000)).toBe(1)
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(oneLine(bot.stderr())).toBe("The Bot API at http://127.0.0.1:9 did not answer getMe within 2 s (BOT_API_ROOT, STARTUP_TIMEOUT_SECONDS): Network request for 'getMe' failed! (ECONNREFUSED)")
  }, 40_000)

  it('says what it waits for while the Bot API is unreachable', async () => {
    const bot = startBot({ BOT_TOKEN: TOKEN, BOT_API_ROOT: 'http://127.0.0.1:9', STARTUP_TIMEOUT_SECONDS: '3', DATABASE_PATH: freshDatabase(), LOG_LEVEL: 'info' })
    expect(await bot.exited(30_000)).toBe(1)
    expect(bot.stderr()).toMatch(/"msg":"waiting for the Bot API \(getMe\)"/)
  }, 40_000)

  it('refuses to start silently without BOT_TOKEN and without any input (systemd, docker run without -i)', async () => {
    const bot = startBot({ DATABASE_PATH: freshDatabase() }, 'ignore')
    expect(await bot.exited()).toBe(1)
    expect(oneLine(bot.stderr())).toMatch(/^BOT_TOKEN is not set and there is no terminal to chat in/)
  }, 40_000)

  it('names DATABASE_PATH when a part of it is a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'joldosh-e2e-')), 'plain-file')
    writeFileSync(file, 'x')
    const bot = startBot({ DATABASE_PATH: join(file, 'j.db') }, 'pipe')
    bot.child.stdin!.end()
    expect(await bot.exited()).toBe(1)
    expect(oneLine(bot.stderr())).toBe(`Cannot open the database DATABASE_PATH=${join(file, 'j.db')}: a part of the path is a file, not a folder`)
  }, 40_000)

  it('names DATABASE_PATH when the file is not a database', async () => {
    const path = freshDatabase()
    writeFileSync(path, 'not a database, just text '.repeat(100), { mode: 0o600 }) // owner-only, or the permission check speaks first
    const bot = startBot({ DATABASE_PATH: path }, 'pipe')
    bot.child.stdin!.end()
    expect(await bot.exited()).toBe(1)
    expect(oneLine(bot.stderr())).toBe(`Cannot open the database DATABASE_PATH=${path}: file is not a database`)
  }, 40_000)
})

describe('with BOT_TOKEN: long polling against a Bot API emulator on loopback', () => {
  it('serves updates when setMyCommands is refused with 400', async () => {
    const api = await startFakeBotApiServer({ failMethods: { setMyCommands: 400 } })
    api.push({
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: 44, type: 'private' }, from: { id: 44, is_bot: false, first_name: 'C', language_code: 'ru' }, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
    })
    const bot = startBot({ BOT_TOKEN: TOKEN, BOT_API_ROOT: api.apiRoot, DATABASE_PATH: freshDatabase(), LOG_LEVEL: 'silent' })
    try {
      await api.waitFor(() => api.received.some((c) => c.method === 'sendMessage' && c.payload.chat_id === 44), 20_000)
    } finally {
      expect(await bot.stop()).toBe(0)
      await api.close()
    }
  }, 60_000)

  it('delivers a request left in the outbox by an earlier run to the lawyers’ group, after a 429', async () => {
    const env = baseEnv()
    const db = openDatabase(env.DATABASE_PATH)
    submitLegalRequest(db, { forWhom: 'self', topic: 'work', urgency: 'normal', city: 'kazan', description: 'Не платят зарплату', attachments: [], safeToContact: true }, { userId: 42, chatId: 42, language: 'ru', sourceUpdateId: 'e2e-1', now: new Date() })
    db.$client.close()
    const api = await startFakeBotApiServer()
    api.rateLimitNextSends(1)
    const child = spawn(tsx, ['src/main.ts'], { env: { ...env, BOT_TOKEN: '123456:' + 'A'.repeat(35), BOT_API_ROOT: api.apiRoot, LAWYERS_CHAT_ID: '-100777', LOG_LEVEL: 'silent' } })
    try {
      await api.waitFor(() => api.received.some((c) => c.method === 'sendMessage' && c.payload.chat_id === -100777))
      const card = api.received.find((c) => c.method === 'sendMessage' && c.payload.chat_id === -100777)!
      expect(card.payload.text).toContain('JO-')
      expect(card.payload.text).toContain('Не платят зарплату')
      expect(api.rateLimitsLeft()).toBe(0)
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      await api.close()
    }
  }, 60_000)

  it('answers /start as in the local chat and stops cleanly on SIGTERM', async () => {
    const api = await startFakeBotApiServer()
    api.push({
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: 42, type: 'private' }, from: { id: 42, is_bot: false, first_name: 'A', language_code: 'ru' }, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
    })
    const child = spawn(tsx, ['src/main.ts'], { env: { ...baseEnv(), BOT_TOKEN: '123456:' + 'A'.repeat(35), BOT_API_ROOT: api.apiRoot, LOG_LEVEL: 'silent' } })
    try {
      await api.waitFor(() => api.received.some((c) => c.method === 'sendMessage'))
      const sent = api.received.find((c) => c.method === 'sendMessage')!
      expect(sent.payload.chat_id).toBe(42)
      expect(sent.payload.text).toBe('🌐 Выберите язык · Тилди тандаңыз · Tilni tanlang · Забонро интихоб кунед · Choose your language')
      expect(sent.payload.reply_markup.inline_keyboard.flat().map((b: any) => b.text)).toEqual(['Кыргызча', '✅ Русский', 'Oʻzbekcha', 'Тоҷикӣ', 'English'])
      await api.waitFor(() => api.received.filter((c) => c.method === 'setMyCommands').length === 6)
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      await api.close()
    }
  }, 60_000)
})
