import { describe, expect, it } from 'vitest'
import { findAlert } from '../../src/db/alerts.js'
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
