import { describe, expect, it } from 'vitest'
import { deadlineDates, deadlineReminders, outbox } from '../../src/db/schema.js'
import { createTestBot, startAs, type TestBot } from '../helpers/bot-harness.js'
import { steps, TODAY, UZBEK_IN_MOSCOW } from '../helpers/deadlines.js'

const USER = 7200
const popups = (h: TestBot, mark: number) => h.since(mark).filter((c) => c.method === 'answerCallbackQuery').map((c) => c.payload.text)

describe('/deadlines off the happy path', () => {
  it('a sticker, a voice message, a command and nonsense where a date is expected get a clear message and the question again', async () => {
    const h = await createTestBot({ now: TODAY })
    await startAs(h, USER, 'en')
    await steps(h, ['/deadlines', 'c:citizenship:UZ'])
    let mark = h.mark()
    await h.driver.sendSticker()
    expect(h.textsSince(mark, USER)).toEqual([h.t('en', 'conv.needText'), expect.stringContaining(h.t('en', 'deadlines:q.entry'))])
    mark = h.mark()
    await h.driver.sendVoice()
    expect(h.textsSince(mark, USER)[0]).toBe(h.t('en', 'deadlines:conv.voice'))
    mark = h.mark()
    await h.driver.send('/help')
    expect(h.textsSince(mark, USER)[0]).toContain(h.t('en', 'conv.names.deadlines'))
    for (const [typed, key] of [['31.02.2026', 'date.impossible'], ['05.03.2027', 'date.future'], ['05.03.2019', 'date.tooEarly'], ['soon', 'date.unreadable']]) {
      mark = h.mark()
      await h.driver.send(typed!)
      expect(h.textsSince(mark, USER)).toEqual([h.t('en', `deadlines:${key}`, { today: '03.12.2026' })])
    }
    // An ambiguous date is read back; "type again" asks again; Yes takes it.
    mark = h.mark()
    await h.driver.send('5 mar')
    expect(h.textsSince(mark, USER)).toEqual([h.t('en', 'deadlines:date.confirm', { date: '05.03.2026' })])
    await h.driver.pressData('c:entry:again')
    await h.driver.send('5.3.26')
    await h.driver.pressData('c:entry:ok:2026-03-05')
    expect(h.lastText(USER)).toContain(h.t('en', 'deadlines:q.moscow'))
  })

  it('another command mid-way leaves the questions and saves nothing', async () => {
    const h = await createTestBot({ now: TODAY })
    await startAs(h, USER, 'ru')
    await steps(h, ['/deadlines', 'c:citizenship:UZ', '05.11.2026'])
    const mark = h.mark()
    await h.driver.send('/rights')
    expect(h.textsSince(mark, USER)[0]).toBe(h.t('ru', 'conv.left', { what: h.t('ru', 'conv.names.deadlines') }))
    expect(h.db.select().from(deadlineDates).all()).toHaveLength(0)
  })

  it('the same button twice, and forged button data, change nothing', async () => {
    const h = await createTestBot({ now: TODAY })
    await startAs(h, USER, 'ru')
    await steps(h, ['/deadlines', 'c:citizenship:UZ'])
    let mark = h.mark()
    await h.driver.pressCallback('c:citizenship:UZ')
    expect(popups(h, mark)).toEqual([h.t('ru', 'conv.oldButton')])
    expect(h.textsSince(mark, USER)).toEqual([])
    // A forged read-back of an impossible or future date is refused.
    mark = h.mark()
    await h.driver.pressCallback('c:entry:ok:2026-02-31')
    await h.driver.pressCallback('c:entry:ok:2027-01-01')
    expect(popups(h, mark)).toEqual([h.t('ru', 'conv.oldButton'), h.t('ru', 'conv.oldButton')])
    await steps(h, UZBEK_IN_MOSCOW.slice(2))
    // Outside the questions: forged or unknown dl: data gets a popup.
    mark = h.mark()
    await h.driver.pressCallback('dl:r:5')
    await h.driver.pressCallback('dl:zzz')
    expect(popups(h, mark)).toEqual([h.t('ru', 'errors.staleButton'), h.t('ru', 'errors.staleButton')])
    // Delete pressed twice: deleted once, the second press is told there is nothing.
    await steps(h, ['dl:del'])
    await h.driver.pressCallback('dl:del:yes')
    mark = h.mark()
    await h.driver.pressCallback('dl:del:yes')
    expect(popups(h, mark)).toEqual([h.t('ru', 'deadlines:noDates')])
    expect(h.db.select().from(deadlineDates).all()).toHaveLength(0)
    expect(h.db.select().from(deadlineReminders).all()).toHaveLength(0)
    // An old list's buttons after deleting: nothing to show, a popup.
    mark = h.mark()
    await h.driver.pressCallback('dl:ics')
    expect(popups(h, mark)).toEqual([h.t('ru', 'deadlines:noDates')])
  })

  it('a person who blocked the bot: the reminder is not retried, no one else is told, reminders stop', async () => {
    const h = await createTestBot({ now: TODAY })
    await startAs(h, USER, 'ru')
    await steps(h, UZBEK_IN_MOSCOW)
    h.telegram.blockedChats.add(USER)
    h.advance(Date.parse('2026-12-07T07:00:00Z') - TODAY.getTime())
    const mark = h.mark()
    expect(await h.tick()).toBe(0)
    expect(h.since(mark).filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) !== USER)).toHaveLength(0)
    expect(h.db.select().from(deadlineDates).get()?.remindersOn).toBe(false)
    expect(h.db.select().from(deadlineReminders).all().filter((r) => r.queuedAt === null)).toHaveLength(0)
  })
})

describe('/deadlines and the person\'s data', () => {
  it('/mydata lists the dates and the file holds them; /deletemydata erases dates, reminders and queued reminder messages', async () => {
    const h = await createTestBot({ now: TODAY })
    await startAs(h, USER, 'en')
    await steps(h, UZBEK_IN_MOSCOW)
    let mark = h.mark()
    await h.driver.send('/mydata')
    const planned = h.db.select().from(deadlineReminders).all().length
    expect(planned).toBeGreaterThanOrEqual(6) // the payment, the registration's end, and later dates, 3 each
    expect(h.textsSince(mark, USER)[0]).toContain(`📅 Your dates for /deadlines, and ${planned} reminders planned.`)
    mark = h.mark()
    await h.driver.pressData('data:file')
    const file = JSON.parse(Object.values(h.since(mark).find((c) => c.method === 'sendDocument')!.files)[0]!.content)
    expect(file.deadlines.answers.patentPaidUntil).toEqual({ date: '2026-12-15' })
    expect(file.deadlines.remindDaysBefore).toEqual([7, 3, 1])

    // One reminder queued and not yet sent when the person deletes everything.
    h.advance(Date.parse('2026-12-07T07:00:00Z') - TODAY.getTime())
    const { scheduleDeadlineReminders } = await import('../../src/db/deadlines.js')
    expect(scheduleDeadlineReminders(h.db, new Date('2026-12-07T07:00:00Z'))).toBe(1)
    await h.driver.send('/deletemydata')
    await h.driver.pressData('data:delete-yes')
    expect(h.db.select().from(deadlineDates).all()).toHaveLength(0)
    expect(h.db.select().from(deadlineReminders).all()).toHaveLength(0)
    expect(h.db.select().from(outbox).all().filter((r) => r.kind === 'deadline.reminder')).toHaveLength(0)
    mark = h.mark()
    await h.tick()
    expect(h.textsSince(mark, USER)).toEqual([])
  })
})
