import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { createTestBot, startAs } from '../helpers/bot-harness.js'

/** Defects the fuzz test found, each pinned by a plain test. */
describe('found by the fuzz test', () => {
  it('/lawyer in the middle of the benefits questions starts the request instead of "something went wrong"', async () => {
    const h = await createTestBot()
    await startAs(h, 7700, 'en')
    await h.driver.send('/benefits')
    await h.driver.send('/lawyer')
    expect(h.textsSince(0, 7700)).not.toContain(h.t('en', 'errors.generic'))
    expect(h.driver.buttons().map((b) => b.callbackData)).toContain('c:consent:yes')
    await h.driver.send('/myrequests')
    await h.driver.send('/benefits')
    expect(h.textsSince(0, 7700)).not.toContain(h.t('en', 'errors.generic'))
  })

  it('a button on a message that is gone shows its view anew instead of "something went wrong"', async () => {
    const h = await createTestBot()
    await startAs(h, 7701, 'en')
    const mark = h.mark()
    await h.driver.pressCallback('my:list', 424242)
    expect(h.since(mark).map((c) => c.method)).toEqual(['answerCallbackQuery', 'sendMessage'])
    expect(h.lastText(7701)).toBe(h.t('en', 'requests:none'))
  })

  it('a person typing fast in inline mode (over the flood limit) causes no error', async () => {
    const errors: string[] = []
    const h = await createTestBot({ logger: pino({ level: 'error', base: undefined }, { write: (line: string) => void errors.push(line) }) })
    h.driver.as(7702)
    for (let i = 0; i < 65; i++) await h.driver.inlineQuery('паспорт'.slice(0, 1 + (i % 7)))
    expect(errors).toEqual([])
  })

  it('a private message without `from` (forged or malformed) is ignored instead of "something went wrong"', async () => {
    const errors: string[] = []
    const h = await createTestBot({ logger: pino({ level: 'error', base: undefined }, { write: (line: string) => void errors.push(line) }) })
    await startAs(h, 7703, 'en')
    const mark = h.mark()
    let updateId = 7_703_000
    for (const text of ['patent ne daet', '/start', '/lawyer', '/mydata', '/myrequests']) {
      const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.length }] : undefined
      await h.bot.handleUpdate({
        update_id: updateId++,
        message: { message_id: updateId, date: 1_790_000_000, chat: { id: 7703, type: 'private', first_name: 'A' }, text, ...(entities ? { entities } : {}) },
      } as never)
    }
    expect(errors).toEqual([])
    // No sender, no language to answer in: nothing is sent (before the fix, the apology in the default language).
    expect(h.since(mark).map((c) => c.method)).toEqual([])
  })
})
