import { describe, expect, it } from 'vitest'
import { keyValue, legalRequests, outbox, requestMessages, users } from '../../src/db/schema.js'
import { createTestBot, startAs } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

describe('my requests', () => {
  it('lists only the person’s own requests with status, and opens one with its history', async () => {
    const h = await createTestBot()
    await startAs(h, 4000, 'ru')
    await fileRequest(h, { topic: 'work' })
    await startAs(h, 4001, 'ru')
    await fileRequest(h, { topic: 'police' })
    await h.driver.send('/myrequests')
    expect(h.lastText()).toContain('JO-2026-00002 · Полиция и суд · Новый')
    expect(h.lastText()).not.toContain('JO-2026-00001')
    await h.driver.press('JO-2026-00002')
    expect(h.lastText()).toMatch(/JO-2026-00002 · Полиция и суд\nСтатус: Новый\n\n\d\d\.\d\d\.2026 \d\d:\d\d — Статус: Новый/)
  })

  it('refuses to show or change someone else’s request through forged buttons', async () => {
    const h = await createTestBot()
    await startAs(h, 4002, 'en')
    await fileRequest(h)
    const [request] = h.db.select().from(legalRequests).all()
    await startAs(h, 4003, 'en')
    for (const data of [`my:open:${request!.id}`, `my:withdraw-yes:${request!.id}`, `my:write:${request!.id}`]) {
      const mark = h.mark()
      await h.driver.pressCallback(data)
      expect(h.since(mark).map((c) => [c.method, c.payload.text])).toEqual([['answerCallbackQuery', 'Request not found.']])
    }
    expect(h.db.select().from(legalRequests).all()[0]?.status).toBe('new')
  })

  it('sends a follow-up to the lawyer through the outbox', async () => {
    const h = await createTestBot()
    await startAs(h, 4004, 'ru')
    await fileRequest(h)
    await h.driver.send('/myrequests')
    await h.driver.press('JO-2026-00001')
    await h.driver.press('Написать юристу')
    await h.driver.send('Вот ещё: работодатель забрал паспорт')
    expect(h.lastText()).toBe('Сообщение по запросу JO-2026-00001 отправлено юристу.')
    expect(h.db.select().from(requestMessages).all()).toMatchObject([{ direction: 'from_client', text: 'Вот ещё: работодатель забрал паспорт' }])
    expect(h.db.select().from(outbox).all().map((o) => o.kind)).toEqual(['request.created', 'request.confirmation', 'request.message'])
    await h.driver.send('/myrequests')
    await h.driver.press('JO-2026-00001')
    expect(h.lastText()).toContain('Вы: Вот ещё: работодатель забрал паспорт')
  })

  it('withdraws after confirmation and no longer offers to withdraw', async () => {
    const h = await createTestBot()
    await startAs(h, 4005, 'ru')
    await fileRequest(h)
    await h.driver.send('/myrequests')
    await h.driver.press('JO-2026-00001')
    await h.driver.press('Отозвать')
    await h.driver.press('Да, отозвать')
    expect(h.lastText()).toContain('Статус: Отозван вами')
    expect(h.driver.buttons().map((b) => b.label)).toEqual(['⬅️ Назад'])
    expect(h.db.select().from(outbox).all().map((o) => o.kind)).toEqual(['request.created', 'request.confirmation', 'request.withdrawn'])
  })

  it('deletes all of the person’s data on request, and only theirs', async () => {
    const h = await createTestBot()
    await startAs(h, 4006, 'ru')
    await fileRequest(h)
    await startAs(h, 4007, 'ru')
    await fileRequest(h)
    await h.driver.send('/deletemydata')
    await h.driver.press('Да, удалить')
    expect(h.lastText()).toBe(h.t('ru', 'requests:deleted', { count: 1 }))
    // The deleted person's request stays only as an anonymous figure (test/privacy/erasure.test.ts).
    expect(h.db.select().from(legalRequests).all().map((r) => [r.userId, r.description === ''])).toEqual([[4006, false], [0, true]])
    expect(h.db.select().from(users).all().map((u) => u.id)).toEqual([4006])
    expect(h.db.select().from(keyValue).all().filter((r) => r.key.endsWith(':4007'))).toEqual([])
    expect(h.db.select().from(outbox).all().map((o) => [o.requestId, o.kind])).toEqual([[1, 'request.created'], [1, 'request.confirmation'], [2, 'request.erased']])
  })
})
