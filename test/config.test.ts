import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'

describe('configuration', () => {
  it('runs the local chat with no variables at all, with documented defaults', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ mode: "local", databasePath: "./data/joldosh.db", defaultLanguage: "ky", lawyersLanguage: "ru", port: 8080, adminIds: [], logLevel: 'warn' })
  })

  it('picks polling with a token and webhook with a URL', () => {
    const token = '123456:' + 'A'.repeat(35)
    expect(loadConfig({ BOT_TOKEN: token }).mode).toBe('polling')
    expect(loadConfig({ BOT_TOKEN: token, WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 's3cret' }).mode).toBe('webhook')
  })

  it('parses admin ids and the lawyers chat', () => {
    const c = loadConfig({ ADMIN_IDS: '11, 22,33', LAWYERS_CHAT_ID: '-100123' })
    expect(c.adminIds).toEqual([11, 22, 33])
    expect(c.lawyersChatId).toBe(-100123)
  })

  it.each([
    [{ BOT_TOKEN: 'nope' }, 'BOT_TOKEN'],
    [{ ADMIN_IDS: '12,abc' }, 'ADMIN_IDS'],
    [{ DEFAULT_LANGUAGE: 'de' }, 'DEFAULT_LANGUAGE'],
    [{ PORT: '99999' }, 'PORT'],
    [{ LAWYERS_CHAT_ID: 'lawyers' }, 'LAWYERS_CHAT_ID'],
    [{ BOT_API_ROOT: 'http://127.0.0.1:8081/' }, 'BOT_API_ROOT'],
    [{ BOT_TOKEN: '123456:' + 'A'.repeat(35), WEBHOOK_URL: 'https://x.org/h' }, 'WEBHOOK_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('stops with one line naming the bad variable: %o', (env, name) => {
    expect(() => loadConfig(env)).toThrowError(new RegExp(`^Invalid configuration: .*${name}`))
  })
})
