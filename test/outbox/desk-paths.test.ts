import { describe, expect, it } from 'vitest'
import { legalRequests, outbox } from '../../src/db/schema.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs, type TestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

/** Desk paths that had no test: each goes through the outbox to what a person sees. */
const MIGRANT = 6400
const request = (h: TestBot) => h.db.select().from(legalRequests).all()[0]!

async function withRequest() {
  const h = await createTestBot()
  await startAs(h, MIGRANT, 'ru')
  await fileRequest(h)
  expect(await h.flush()).toBe(0)
  return h
}

describe('desk paths through the outbox', () => {
  it('delivers the "withdrawn" notice under the card and refreshes the card', async () => {
    const h = await withRequest()
    await h.driver.send('/myrequests')
    await h.driver.press('JO-2026-00001')
    await h.driver.press('Отозвать')
    await h.driver.press('Да, отозвать')
    const mark = h.mark()
    expect(await h.flush()).toBe(0)
    const group = h.since(mark).filter((c) => Number(c.payload.chat_id) === LAWYERS_CHAT_ID && c.method !== 'getChat')
    expect(group.map((c) => c.method)).toEqual(['editMessageText', 'sendMessage'])
    expect(h.textsSince(mark, LAWYERS_CHAT_ID).at(-1)).toBe(h.t('ru', 'desk:withdrawnNotice', { reference: 'JO-2026-00001' }))
    expect(group[1]!.payload.reply_parameters.message_id).toBe(request(h).cardMessageId)
    expect(h.db.select().from(outbox).all().every((r) => r.deliveredAt !== null && r.lastError === null)).toBe(true)
  })

  it('moves a request from "waiting for client" back to "in progress" when the person replies', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressData('d:take:1')
    await h.driver.pressData('d:st:1')
    await h.driver.pressData('d:set:1:waiting_for_client')
    await h.driver.reply('ждём договор')
    expect(request(h).status).toBe('waiting_for_client')
    await h.driver.send('Пришлите договор', h.driver.replyTo(request(h).cardMessageId!))
    expect(await h.flush()).toBe(0)
    h.driver.as(MIGRANT)
    await h.driver.reply('Вот договор')
    expect(request(h).status).toBe('in_progress')
    const mark = h.mark()
    expect(await h.flush()).toBe(0)
    expect(h.textsSince(mark, LAWYERS_CHAT_ID).some((t) => t.includes('Вот договор'))).toBe(true)
  })

  it('re-taking a request by another lawyer assigns it to them and shows them on the card', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.send('/lawyers add 55 Айгуль')
    await h.driver.pressData('d:take:1')
    expect(request(h).assignedLawyerId).toBe(ADMIN_ID)
    await h.flush()
    h.driver.as(55, 'group')
    await h.driver.pressData('d:take:1')
    // Take asks before taking over from another lawyer (issue 12, item 7).
    expect(request(h).assignedLawyerId).toBe(ADMIN_ID)
    await h.driver.pressData('d:takeover:1')
    expect(request(h).assignedLawyerId).toBe(55)
    const mark = h.mark()
    expect(await h.flush()).toBe(0)
    const card = h.since(mark).filter((c) => c.method === 'editMessageText' && c.payload.message_id === request(h).cardMessageId).at(-1)!
    expect(card.payload.text).toContain('Айгуль')
  })

  it('lists lawyers (names escaped) and removes one, for admins only', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.send('/lawyers add 55 <Айгуль>')
    let mark = h.mark()
    await h.driver.send('/lawyers')
    expect(h.htmlSince(mark, LAWYERS_CHAT_ID)[0]).toContain('• 55 — &lt;Айгуль&gt;')
    // Someone who is not an admin cannot remove anyone.
    h.driver.as(77, 'group')
    await h.driver.send('/lawyers remove 55')
    h.driver.as(ADMIN_ID, 'group')
    mark = h.mark()
    await h.driver.send('/lawyers')
    expect(h.textsSince(mark, LAWYERS_CHAT_ID)[0]).toContain('55 — <Айгуль>')
    await h.driver.send('/lawyers remove 55')
    mark = h.mark()
    await h.driver.send('/lawyers')
    expect(h.textsSince(mark, LAWYERS_CHAT_ID)[0]).not.toContain('55')
  })
})
