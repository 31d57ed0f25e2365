import { describe, expect, it } from 'vitest'
import { ADMIN_ID, createTestBot } from '../helpers/bot-harness.js'
import { alertsReceived, composeAlert, follow } from './helpers.js'

describe('/alert: the audience', () => {
  it('an alert to Uzbek-speaking people in Moscow reaches only them, in Uzbek, with the article; nobody else gets anything', async () => {
    const h = await createTestBot()
    await follow(h, 2001, 'uz', { citizenship: 'uz', city: 'moscow' })
    await follow(h, 2002, 'uz', { city: 'moscow' })
    await follow(h, 2003, 'uz', { city: 'kazan' })
    await follow(h, 2004, 'uz')
    await follow(h, 2005, 'ru', { citizenship: 'uz', city: 'moscow' })
    await follow(h, 2006, 'ky', { city: 'moscow' })
    const id = await composeAlert(h, {
      texts: { ru: 'Новый <экзамен> для патента', ky: undefined, uz: 'Patent uchun <b>yangi</b> imtihon', tg: 'Имтиҳони нав', en: undefined },
      article: 'patent',
      audience: ['l:uz', 'y:moscow'],
    })
    // The admin never chose a language: the bot's default (ky).
    expect(h.lastText()).toContain(`${h.t('ky', 'alerts:admin.willReceive', { count: 2 })} (uz 2)`)
    const mark = h.mark()
    await h.driver.pressData(`al:send:${id}`)
    expect(await h.flush()).toBe(0)
    const got = alertsReceived(h, mark)
    expect([...got.keys()].sort()).toEqual([2001, 2002])
    const html = got.get(2001)![0]!
    // Typed as plain text, so the tags are shown, not obeyed.
    expect(html).toContain('Patent uchun &lt;b&gt;yangi&lt;/b&gt; imtihon')
    expect(got.get(2002)).toEqual([html])
    const buttons = h.since(mark).find((c) => Number(c.payload.chat_id) === 2001 && c.method === 'sendMessage')!.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }
    expect(buttons.inline_keyboard.flat().map((b) => b.callback_data)).toEqual([`an:o:${id}:patent`, `an:s:${id}`])
    // Progress and report come from the outbox in the lawyers' language (LAWYERS_LANGUAGE, ru).
    const report = h.textsSince(mark, ADMIN_ID).at(-1)!
    expect(report).toContain(h.t('ru', 'alerts:admin.report', { id }))
    expect(report).toContain(h.t('ru', 'alerts:admin.figures', { recipients: 2, sent: 2, failed: 0, skipped: 0, left: 0, opened: 0, unsubscribed: 0 }))
  })
})

