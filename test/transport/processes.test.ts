import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client.js'
import { submitLegalRequest } from '../../src/db/legal-requests.js'
import { startFakeBotApiServer } from '../helpers/fake-bot-api-server.js'

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
    const second = localChat('/help\n', env)
    expect(second.stdout).toContain('бесплатный бот для трудовых мигрантов')
  }, 60_000)

  it('stops with one clear line naming a bad variable', () => {
    const run = localChat('', { ...baseEnv(), DEFAULT_LANGUAGE: 'fr' })
    expect(run.status).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/DEFAULT_LANGUAGE/)
  }, 60_000)
})

describe('with BOT_TOKEN: long polling against a Bot API emulator on loopback', () => {
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
      expect(api.received.filter((c) => c.method === 'setMyCommands').length).toBe(6)
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      await api.close()
    }
  }, 60_000)
})
