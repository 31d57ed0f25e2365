import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/config.js'
import { scheduleDeadlineReminders } from '../../src/db/deadlines.js'
import { deadlineReminders } from '../../src/db/schema.js'
import { SOURCE_FACT_IDS, sourceOf } from '../../src/bot/conversations/deadlines-answer.js'
import { FACTS } from '../../src/deadlines/facts.js'
import { createTestBot, startAs, type TestBot } from '../helpers/bot-harness.js'
import { KYRGYZ_KNOWS_NOTHING, steps, TODAY, UZBEK_IN_MOSCOW } from '../helpers/deadlines.js'

const USER = 7100
const sentTo = (h: TestBot, mark: number) => h.since(mark).filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === USER)
/** Moves the fake clock to an instant (it only goes forward). */
const moveTo = (h: TestBot, iso: string, from: { now: number }) => {
  const to = Date.parse(iso)
  h.advance(to - from.now)
  from.now = to
}

describe('/deadlines: an Uzbek worker in Moscow with a patent paid up to 15.12.2026 (the payment is due by 14.12)', () => {
  it('gets the payment deadline first, with what to do, its source and age; the buttons lead on', async () => {
    const h = await createTestBot({ now: TODAY })
    await startAs(h, USER, 'ru')
    const mark = h.mark()
    await steps(h, UZBEK_IN_MOSCOW)
    const texts = h.textsSince(mark, USER)
    const list = texts.slice(texts.findIndex((t) => t.includes('Ваши даты'))).join('\n')
    expect(list).toContain('14.12.2026 · Оплата патента — через 11 дней')
    expect(list).toContain('Оплатите следующий месяц до этого дня')
    expect(list).toMatch(/ФЗ-115 ст\. 13\.3 п\. 5.*данные на 03\.2026 \(8 месяцев назад\)/)
    expect(list).toContain('04.02.2027 · Конец регистрации')
    expect(list.indexOf('14.12.2026')).toBeLessThan(list.indexOf('04.02.2027'))
    expect(list).toContain('информация, а не юридическая консультация')
    expect(texts.at(-1)).toContain('за 7, 3, 1')
    const data = h.driver.buttons().map((b) => b.callbackData)
    expect(data).toEqual(expect.arrayContaining(['r:a:patent', 'r:a:amina-app', 'dl:ics', 'dl:rem', 'dl:edit', 'dl:del']))
    expect(data).not.toContain('dl:lawyer') // nothing overdue

    // /deadlines again shows the saved list, no questions.
    const again = h.mark()
    await h.driver.send('/deadlines')
    expect(h.textsSince(again, USER).join('\n')).toContain('14.12.2026 · Оплата патента — через 11 дней')
  })

  it('reminders come when the clock reaches 10:00 Moscow time 7, 3 and 1 days before, never twice; a restart and an outage lose none', async () => {
    const h = await createTestBot({ now: TODAY })
    const clock = { now: TODAY.getTime() }
    await startAs(h, USER, 'uz')
    await steps(h, UZBEK_IN_MOSCOW)
    const rows = h.db.select().from(deadlineReminders).all().filter((r) => r.kind === 'patent-payment')
    expect(rows.map((r) => [r.daysBefore, r.dueAt.toISOString()])).toEqual([
      [7, '2026-12-07T07:00:00.000Z'],
      [3, '2026-12-11T07:00:00.000Z'],
      [1, '2026-12-13T07:00:00.000Z'],
    ])

    // A minute before: nothing.
    moveTo(h, '2026-12-07T06:59:00Z', clock)
    let mark = h.mark()
    await h.tick()
    expect(sentTo(h, mark)).toHaveLength(0)

    // At 10:00 Moscow time: one reminder, in Uzbek, with the days left.
    moveTo(h, '2026-12-07T07:00:00Z', clock)
    mark = h.mark()
    await h.tick()
    const first = h.textsSince(mark, USER)
    expect(first).toHaveLength(1)
    expect(first[0]).toContain('Patent toʻlovi: 14.12.2026 — 7 kundan keyin')
    expect(sentTo(h, mark)[0]!.payload.reply_markup.inline_keyboard.flat().map((b: { callback_data: string }) => b.callback_data)).toEqual(['dl:open', 'dl:off'])

    // Flushing again, and again after a restart: not twice.
    mark = h.mark()
    await h.tick()
    await h.restart()
    await h.tick()
    expect(sentTo(h, mark)).toHaveLength(0)

    // Queued, then the process dies before sending: after the restart it goes out once.
    moveTo(h, '2026-12-11T07:00:05Z', clock)
    expect(scheduleDeadlineReminders(h.db, new Date(clock.now))).toBe(1)
    await h.restart()
    mark = h.mark()
    await h.tick()
    await h.tick()
    expect(h.textsSince(mark, USER).filter((t) => t.includes('14.12.2026'))).toHaveLength(1)
    expect(h.textsSince(mark, USER)[0]).toContain('3 kundan keyin')

    // The bot was down over the 1-day reminder: it comes late, once, saying what is true then.
    moveTo(h, '2026-12-14T12:00:00Z', clock)
    mark = h.mark()
    await h.tick()
    expect(h.textsSince(mark, USER)).toEqual([expect.stringContaining('bugun!')])
    expect(h.db.select().from(deadlineReminders).all().filter((r) => r.kind === 'patent-payment' && r.queuedAt === null)).toHaveLength(0)
  })

  it('the person picks the days: only the 3-day reminder is planned after turning 7 and 1 off; off stops them all', async () => {
    const h = await createTestBot({ now: TODAY })
    await startAs(h, USER, 'en')
    await steps(h, [...UZBEK_IN_MOSCOW, 'dl:rem', 'dl:r:7', 'dl:r:1'])
    expect(h.lastText(USER)).toContain('On: 3 day(s) before each date.')
    const planned = () => h.db.select().from(deadlineReminders).all().filter((r) => r.queuedAt === null)
    expect(new Set(planned().map((r) => r.daysBefore))).toEqual(new Set([3]))
    await steps(h, ['dl:r:off'])
    expect(planned()).toHaveLength(0)
    expect(h.lastText(USER)).toContain('Reminders are off.')
    await steps(h, ['dl:r:on'])
    expect(planned().length).toBeGreaterThan(0)
  })

  it('"Add to my calendar" sends an .ics document with the dates and alarms at 10:00 on the chosen days', async () => {
    const h = await createTestBot({ now: TODAY })
    await startAs(h, USER, 'ru')
    await steps(h, UZBEK_IN_MOSCOW)
    const mark = h.mark()
    await h.driver.pressData('dl:ics')
    const doc = h.since(mark).find((c) => c.method === 'sendDocument')!
    const file = Object.values(doc.files)[0]!
    expect(file.filename).toBe('joldosh-deadlines.ics')
    expect(file.content).toContain('BEGIN:VCALENDAR')
    expect(file.content).toContain('DTSTART;VALUE=DATE:20261214')
    expect(file.content).toContain('SUMMARY:Оплата патента (14.12.2026)')
    for (const trigger of ['-P6DT14H', '-P2DT14H', '-PT14H']) expect(file.content).toContain(`TRIGGER:${trigger}`)
  })

  it.each(LANGUAGES)('%s: "I don\'t know" everywhere gives no date it cannot justify, says what was not counted, every message within 1,000 characters', async (lang) => {
    const h = await createTestBot({ now: TODAY })
    await startAs(h, USER, lang)
    const mark = h.mark()
    await steps(h, KYRGYZ_KNOWS_NOTHING)
    const sent = sentTo(h, mark).map((c) => String(c.payload.text))
    for (const text of sent) expect(text.length).toBeLessThanOrEqual(1000)
    const last = h.textsSince(mark, USER).find((t) => t.startsWith('📅') && t.includes('❔'))!
    expect(last).toContain(h.t(lang, 'deadlines:answer.none'))
    expect(last).toContain(h.t(lang, 'deadlines:title.registration'))
    expect(last).not.toMatch(/\d\d\.\d\d\.20\d\d ·/)
  })

  it.each(LANGUAGES)('%s: an answer with overdue dates fits in messages of at most 1,000 characters and offers a lawyer', async (lang) => {
    const h = await createTestBot({ now: TODAY })
    await startAs(h, USER, lang)
    const mark = h.mark()
    await steps(h, ['/deadlines', 'c:citizenship:TJ', '01.03.2026', 'c:moscow:yes', 'c:registered:not-yet', '01.04.2026', '01.11.2026', 'c:medicalExam:not-yet', 'c:fingerprinting:not-yet'])
    const sent = sentTo(h, mark).map((c) => String(c.payload.text))
    for (const text of sent) expect(text.length).toBeLessThanOrEqual(1000)
    expect(h.textsSince(mark, USER).join('\n')).toContain(h.t(lang, 'deadlines:caution.sources-differ'))
    await h.driver.pressData('dl:lawyer')
    expect(h.lastText(USER).length).toBeGreaterThan(0)
  })

  it('every reference fact the rules may cite is shown by the name of its source, never as a bare id', () => {
    expect(Object.keys(FACTS).filter((id) => !SOURCE_FACT_IDS.includes(id))).toEqual([])
  })

  it('a source shared by two facts is named once', () => {
    expect(sourceOf({ factIds: ['SP-15', 'EA-9', 'AM-1', 'AM-2'] })).toBe('МВД (Вологда, 14.02.2026); посольство Кыргызстана; Klerk.ru (27.01.2026); Ведомости об «Амине» (29.08.2025)')
  })
})
