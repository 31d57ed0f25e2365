import { describe, expect, it } from 'vitest'
import { OutboxWorker } from '../../src/bot/outbox/worker.js'
import { alertFigures, findSubscription } from '../../src/db/alerts.js'
import { createLogger } from '../../src/logger.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, type TestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'
import { addFollowers, alertsReceived, composeAlert } from './helpers.js'

const START = new Date('2026-11-25T09:00:00Z')
const SENDS = new Set(['sendMessage', 'editMessageText', 'copyMessage', 'sendPhoto', 'sendDocument'])

/** A worker on the harness's database whose clock the test moves, one simulated second per run. */
function simulatedWorker(h: TestBot, clock: { now: number }) {
  return new OutboxWorker({ db: h.db, api: h.bot.api, config: h.config, i18n: h.i18n, logger: createLogger('silent'), clock: () => new Date(clock.now) })
}

async function composeToEveryone(h: TestBot): Promise<number> {
  return composeAlert(h, { texts: { ru: 'Изменился порядок сдачи экзамена на патент', ky: undefined, uz: undefined, tg: undefined, en: undefined } })
}

describe('alert delivery through the outbox', () => {
  it('keeps within 30 sends a simulated second, alerts within 25, and a new request’s card is not held up by them', async () => {
    const h = await createTestBot({ now: START })
    const people = addFollowers(h, 60)
    const id = await composeToEveryone(h)
    await h.driver.pressData(`al:send:${id}`)
    const clock = { now: START.getTime() }
    const perSecond = new Map<number, { all: number; alerts: number }>()
    let inWorker = false
    // What the outbox sends (the bot's direct answers to people are not the outbox's to pace).
    h.telegram.onCall((call) => {
      if (!inWorker || !SENDS.has(call.method)) return
      const s = perSecond.get(clock.now) ?? { all: 0, alerts: 0 }
      s.all++
      if (JSON.stringify(call.payload.reply_markup ?? '').includes('an:s:')) s.alerts++
      perSecond.set(clock.now, s)
    })
    const worker = simulatedWorker(h, clock)
    const run = async () => {
      inWorker = true
      await worker.deliverDue()
      inWorker = false
    }
    await run()
    // A person files a request while the alert is going out: its card must go in the next run.
    await fileRequest(h, { description: 'Задержали на улице' })
    const mark = h.mark()
    clock.now += 1000
    await run()
    expect(h.since(mark).some((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID && String(c.payload.text).includes('JO-2026-00001'))).toBe(true)
    for (let i = 0; i < 10; i++) {
      clock.now += 1000
      await run()
    }
    const seconds = [...perSecond.values()]
    expect(Math.max(...seconds.map((s) => s.all))).toBeLessThanOrEqual(30)
    expect(Math.max(...seconds.map((s) => s.alerts))).toBe(25)
    const got = alertsReceived(h)
    expect([...got.keys()].sort()).toEqual(people)
    expect([...got.values()].every((texts) => texts.length === 1)).toBe(true)
    expect(alertFigures(h.db, id)).toMatchObject({ recipients: 60, sent: 60, left: 0 })
  })

  it('a restart in the middle of sending loses and duplicates nothing; the progress is edited in place and the report comes once', async () => {
    const h = await createTestBot({ now: START })
    const people = addFollowers(h, 40)
    const id = await composeToEveryone(h)
    await h.driver.pressData(`al:send:${id}`)
    const clock = { now: START.getTime() }
    await simulatedWorker(h, clock).deliverDue()
    expect(alertsReceived(h).size).toBe(25)
    await h.restart()
    for (let i = 0; i < 12; i++) {
      clock.now += 1000
      await simulatedWorker(h, clock).deliverDue()
    }
    const got = alertsReceived(h)
    expect([...got.keys()].sort()).toEqual(people)
    expect([...got.values()].every((texts) => texts.length === 1)).toBe(true)
    const toAdmin = h.since(0).filter((c) => Number(c.payload.chat_id) === ADMIN_ID)
    const reports = toAdmin.filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes(`#${id}`) && String(c.payload.text).includes('✅'))
    expect(reports).toHaveLength(1)
    expect(reports[0]!.payload.text).toContain('40')
    const progress = toAdmin.filter((c) => c.method === 'editMessageText')
    expect(progress.length).toBeGreaterThan(0)
    expect(String(progress.at(-1)!.payload.text)).toMatch(/40 .* 0 .* 0$/)
    expect(h.telegram.rejected.filter((r) => /not modified/.test(r.description))).toEqual([])
  })

  it('a person who blocked the bot is counted as failed, marked, and left out of the next alert; the admins are not told one by one', async () => {
    const h = await createTestBot({ now: START })
    const [blocked, ...others] = addFollowers(h, 3)
    h.telegram.blockedChats.add(blocked!)
    const id = await composeToEveryone(h)
    await h.driver.pressData(`al:send:${id}`)
    const mark = h.mark()
    expect(await h.flush()).toBe(0)
    expect([...alertsReceived(h, mark).keys()].sort()).toEqual(others)
    expect(findSubscription(h.db, blocked!)?.blockedAt).toBeInstanceOf(Date)
    expect(alertFigures(h.db, id)).toMatchObject({ recipients: 3, sent: 2, failed: 1, left: 0 })
    expect(h.textsSince(mark, ADMIN_ID).filter((t) => t.includes('blocked') || t.includes('заблок')).length).toBeLessThanOrEqual(1)
    const next = await composeToEveryone(h)
    expect(h.lastText(ADMIN_ID)).toContain(`#${next}`)
    expect(h.lastText(ADMIN_ID)).toContain(h.t('ky', 'alerts:admin.willReceive', { count: 2 }))
  })
})
