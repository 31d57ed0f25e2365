import { describe, expect, it } from 'vitest'
import { OutboxWorker } from '../../src/bot/outbox/worker.js'
import { findAlert } from '../../src/db/alerts.js'
import { createLogger } from '../../src/logger.js'
import { outbox } from '../../src/db/schema.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs } from '../helpers/bot-harness.js'
import { addFollowers, alertsReceived, composeAlert, newestAlertId } from './helpers.js'

describe('/alert: only admins, every step', () => {
  it('refuses /alert and forged alert buttons from anyone else, in private and in the lawyers’ group; nothing changes or goes out', async () => {
    const h = await createTestBot()
    addFollowers(h, 2)
    const id = await composeAlert(h, { texts: { ru: 'Текст', ky: undefined, uz: undefined, tg: undefined, en: undefined } })
    const before = findAlert(h.db, id)
    await startAs(h, 3000, 'ru')
    await h.driver.send('/alert')
    expect(h.lastText()).toBe(h.t('ru', 'desk:onlyAdmins'))
    for (const data of [`al:send:${id}`, `al:x:${id}`, `al:au:${id}:l:uz`, `al:sch:${id}`, 'al:new', 'al:last', `al:skip:${id}`]) {
      const mark = h.mark()
      await h.driver.pressCallback(data)
      const answers = h.since(mark).filter((c) => c.method === 'answerCallbackQuery')
      expect(answers.map((c) => c.payload.text)).toEqual([h.t('ru', 'desk:onlyAdmins')])
    }
    h.driver.as(3000, 'group')
    await h.driver.pressCallback(`al:send:${id}`)
    expect(findAlert(h.db, id)).toEqual(before)
    expect(h.db.select().from(outbox).all().filter((r) => r.kind === 'alert.message')).toEqual([])
    expect(await h.flush()).toBe(0)
    expect(alertsReceived(h).size).toBe(0)
  })

  it('a sticker, a photo or an over-long text where the alert text is expected gets a clear message and the step stays', async () => {
    const h = await createTestBot()
    await startAs(h, ADMIN_ID, 'ru')
    await h.driver.send('/alert')
    await h.driver.pressData('al:new')
    const id = newestAlertId(h)
    await h.driver.sendSticker()
    expect(h.lastText()).toBe(h.t('ru', 'alerts:admin.notText'))
    await h.driver.sendPhoto('ph-1', 'подпись')
    expect(h.lastText()).toBe(h.t('ru', 'alerts:admin.notText'))
    await h.driver.send('я'.repeat(3501))
    expect(h.lastText()).toBe(h.t('ru', 'alerts:admin.tooLong', { length: 3501, max: 3500 }))
    expect(findAlert(h.db, id)!.step).toMatch(/^text:ru:/)
    // The admin's formatting is kept, everything else escaped.
    await h.driver.send('Новый <закон> о патенте', { entities: [{ type: 'bold', offset: 0, length: 5 }, { type: 'text_link', offset: 16, length: 7, url: 'https://example.org/a?b=1&c=2' }] })
    expect(findAlert(h.db, id)!.texts.ru).toBe('<b>Новый</b> &lt;закон&gt; о <a href="https://example.org/a?b=1&amp;c=2">патенте</a>')
    expect(findAlert(h.db, id)!.step).toMatch(/^text:ky:/)
  })

  it('in the lawyers’ group only a reply to the bot’s question is taken as the text; skipped languages get Russian with a note in their language', async () => {
    const h = await createTestBot()
    addFollowers(h, 1, 7000, { language: 'tg' })
    const id = await composeAlert(h, { where: 'group', texts: { ru: 'Важная новость', ky: 'Маанилүү жаңылык', uz: undefined, tg: undefined, en: 'Important news' } })
    expect(findAlert(h.db, id)!.texts).toEqual({ ru: 'Важная новость', ky: 'Маанилүү жаңылык', uz: null, tg: null, en: 'Important news' })
    const previews = h.textsSince(0, LAWYERS_CHAT_ID).filter((t) => t.startsWith('🔎'))
    expect(previews).toHaveLength(5)
    expect(previews[3]).toContain('Важная новость')
    expect(previews[3]).toContain(h.t('tg', 'alerts:alert.fallbackNote'))
    await h.driver.pressData(`al:send:${id}`)
    await h.flush()
    expect(h.lastText(7000)).toContain(h.t('tg', 'alerts:alert.fallbackNote'))
  })
})

describe('/alert: schedule', () => {
  it('reads a Moscow date and time, refuses an unreadable or past one, and sends when the time comes; a scheduled alert can be cancelled', async () => {
    const now = new Date('2026-11-25T09:00:00Z')
    const h = await createTestBot({ now })
    const people = addFollowers(h, 2)
    await startAs(h, ADMIN_ID, 'ru')
    const id = await composeAlert(h, { texts: { ru: 'Завтра', ky: undefined, uz: undefined, tg: undefined, en: undefined } })
    await h.driver.pressData(`al:sch:${id}`)
    await h.driver.sendSticker()
    expect(h.lastText()).toContain(h.t('ru', 'alerts:admin.scheduleUnreadable', { example: '' }).slice(0, 20))
    await h.driver.send('25.11.2026 11:30')
    expect(h.lastText()).toContain(h.t('ru', 'alerts:admin.scheduleInPast', { example: '' }).slice(0, 20))
    await h.driver.send('26.11.2026 10:00')
    expect(h.lastText()).toBe(h.t('ru', 'alerts:admin.scheduled', { id, date: '26.11.2026 10:00' }))
    expect(findAlert(h.db, id)).toMatchObject({ status: 'scheduled', scheduledAt: new Date('2026-11-26T07:00:00Z') })
    const second = await composeAlert(h, { texts: { ru: 'Другое', ky: undefined, uz: undefined, tg: undefined, en: undefined } })
    await h.driver.pressData(`al:sch:${second}`)
    await h.driver.send('2026-11-26 10:00')
    await h.driver.send('/alert')
    await h.driver.pressData('al:last')
    await h.driver.pressData(`al:x:${second}`)
    expect(findAlert(h.db, second)!.status).toBe('cancelled')
    const clock = { now: new Date('2026-11-26T06:59:00Z').getTime() }
    const worker = new OutboxWorker({ db: h.db, api: h.bot.api, config: h.config, i18n: h.i18n, logger: createLogger('silent'), clock: () => new Date(clock.now) })
    await worker.deliverDue()
    expect(alertsReceived(h).size).toBe(0)
    for (const step of [61_000, 1000, 1000]) {
      clock.now += step
      await worker.deliverDue()
    }
    const got = alertsReceived(h)
    expect([...got.keys()].sort()).toEqual(people)
    expect([...got.values()].every((t) => t.length === 1 && t[0]!.includes('Завтра'))).toBe(true)
    expect(findAlert(h.db, id)!.status).toBe('sent')
  })
})
