import { describe, expect, it } from 'vitest'
import { auditLog } from '../../src/db/schema.js'
import type { ApiCall } from '../../src/transport/fake-telegram.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs, type TestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const STRANGER = 777
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Two requests in November, so the chart has something; the group is not a forum. */
async function deskWithRequests(): Promise<TestBot> {
  const h = await createTestBot({ now: new Date('2026-11-25T09:00:00Z') })
  await startAs(h, 5000, 'ru')
  await fileRequest(h, { topic: 'work', city: 'kazan', subjectName: 'Азамат Бакиров', forWhom: 'family', phone: '+7 912 345 67 89' })
  await startAs(h, 5001, 'uz')
  await fileRequest(h, { topic: 'police', city: 'moscow' })
  await h.flush()
  return h
}

const photoOf = (call: ApiCall) => Object.values(call.files)[0]!.bytes
const chartCalls = (h: TestBot, mark: number) => h.since(mark).filter((c) => ['sendPhoto', 'editMessageMedia'].includes(c.method))

describe('/stats in the lawyers\' group', () => {
  it('sends one PNG chart with a short caption; buttons swap it in place, never "not modified"', async () => {
    const h = await deskWithRequests()
    h.driver.as(ADMIN_ID, 'group')
    let mark = h.mark()
    await h.driver.send('/stats 2026-Q4')
    const [photo, ...more] = chartCalls(h, mark)
    expect(more).toEqual([])
    expect(photo!.method).toBe('sendPhoto')
    expect(Number(photo!.payload.chat_id)).toBe(LAWYERS_CHAT_ID)
    expect(photoOf(photo!).subarray(0, 8)).toEqual(PNG)
    expect(photoOf(photo!).length).toBeGreaterThan(10_000)
    expect(h.textsSince(mark)).toEqual(['📊 01.10.2026 — 31.12.2026\nЗапросов: <5 · открыто сейчас: <5\nМедиана времени до первого ответа: ответов меньше 5'])
    const buttons = h.driver.buttons()
    expect(buttons.map((b) => b.label)).toEqual(['• 📊 Недели', '🏙 Места', '🌐 Гражданство', '✅ Итоги', '🚨 Срочность', '⏱ Время', '👍 Статьи', '📝 Текстом'])
    for (const b of buttons) expect(Buffer.byteLength(b.callbackData!)).toBeLessThanOrEqual(64)
    expect(h.db.select().from(auditLog).all().filter((a) => a.action === 'stats:view').map((a) => a.detail)).toEqual(['2026-10-01..2026-12-31'])

    // The buttons swap the chart in place; the chart on screen pressed again sends nothing.
    const first = chartCalls(h, 0).at(-1)!
    const messageId = (first.result as { message_id: number }).message_id

    mark = h.mark()
    await h.driver.press('Места')
    const [edit] = chartCalls(h, mark)
    expect(edit!.method).toBe('editMessageMedia')
    expect(edit!.payload.message_id).toBe(messageId)
    expect(edit!.payload.media.type).toBe('photo')
    expect(photoOf(edit!).subarray(0, 8)).toEqual(PNG)
    expect(photoOf(edit!).equals(photoOf(first))).toBe(false)
    expect(h.driver.buttons()[1]!.label).toBe('• 🏙 Места')

    // Twice, and then the old "weeks" data forged onto the message: never "message is not modified".
    mark = h.mark()
    await h.driver.press('Места')
    expect(chartCalls(h, mark)).toEqual([])
    expect(h.since(mark).find((c) => c.method === 'answerCallbackQuery')!.payload.text).toBe(h.t('ru', 'charts:alreadyShown'))
    await h.driver.press('Недели')
    expect(h.telegram.rejected).toEqual([])
    expect(chartCalls(h, mark).map((c) => c.method)).toEqual(['editMessageMedia'])

    // The figures as text stay one press away.
    mark = h.mark()
    await h.driver.press('Текстом')
    expect(h.textsSince(mark).join('\n')).toContain('Запросов: 2')
  })

  it('refuses a non-lawyer, on the command and on a press of the lawyers\' button', async () => {
    const h = await deskWithRequests()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.send('/stats')
    h.driver.as(STRANGER, 'group')
    let mark = h.mark()
    await h.driver.send('/stats')
    expect(chartCalls(h, mark)).toEqual([])
    expect(h.textsSince(mark)).toEqual([h.t('ru', 'desk:onlyLawyers')])
    mark = h.mark()
    await h.driver.press('Места')
    expect(chartCalls(h, mark)).toEqual([])
    expect(h.since(mark).map((c) => [c.method, c.payload.show_alert])).toEqual([['answerCallbackQuery', true]])
    // A migrant in a private chat gets no figures either.
    h.driver.as(5000)
    mark = h.mark()
    await h.driver.pressCallback('st:city:20260801:20261125')
    expect(chartCalls(h, mark)).toEqual([])
    // Forged or stale data from a lawyer changes nothing either.
    h.driver.as(ADMIN_ID, 'group')
    for (const data of ['st:pie:20260801:20261125', 'st:city:20260230:20261125', 'st:city:20261125:20260801']) {
      mark = h.mark()
      await h.driver.pressCallback(data)
      expect(chartCalls(h, mark), data).toEqual([])
      expect(h.since(mark).find((c) => c.method === 'answerCallbackQuery')?.payload.text).toBe(h.t('ru', 'charts:stale'))
    }
  })
})
