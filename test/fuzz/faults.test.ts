import { describe, expect, it } from 'vitest'
import { legalRequests, outbox } from '../../src/db/schema.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs, type TestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const MIGRANT = 7800
const sent = (h: TestBot, method: string, chatId: number, contains: string) =>
  h.telegram.calls.filter((c) => c.method === method && Number(c.payload.chat_id) === chatId && String(c.method === 'sendPhoto' ? c.payload.photo : (c.payload.text ?? c.payload.caption ?? '')).includes(contains)).length
const pending = (h: TestBot) => h.db.select().from(outbox).all().filter((o) => !o.deliveredAt)

describe('Telegram failures while lawyers are notified', () => {
  it('429 with retry_after, 500 and network errors on the topic, the card and the files: each arrives exactly once', async () => {
    const h = await createTestBot()
    h.telegram.forumChats.add(LAWYERS_CHAT_ID)
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h, { photos: ['ph-a', 'ph-b'], description: 'Не платят за октябрь' })
    h.telegram.failNext('createForumTopic', 'server-error')
    h.telegram.failNext('sendMessage', 'rate-limit', 1, 30)
    h.telegram.failNext('sendPhoto', 'network')
    h.telegram.failNext('sendPhoto', 'server-error')
    const start = Date.parse('2026-11-25T09:00:00Z')
    // The first run meets the 500; the retry the 429, which must be honoured.
    await h.flush(1)
    await h.flush(20)
    const row = h.db.select().from(outbox).get()!
    if (!row.deliveredAt) expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(start + 30_000)
    expect(await h.flush(600)).toBe(0)
    expect(h.telegram.calls.filter((c) => c.method === 'createForumTopic')).toHaveLength(1)
    expect(sent(h, 'sendMessage', LAWYERS_CHAT_ID, 'Не платят за октябрь')).toBe(1)
    expect(sent(h, 'sendPhoto', LAWYERS_CHAT_ID, 'ph-a')).toBe(1)
    expect(sent(h, 'sendPhoto', LAWYERS_CHAT_ID, 'ph-b')).toBe(1)
    expect(h.db.select().from(legalRequests).get()).toMatchObject({ reference: 'JO-2026-00001', groupThreadId: expect.any(Number) })
  })

  it('messages both ways and a status change, each failing first, arrive once and in order', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h)
    await h.flush()
    const card = h.db.select().from(legalRequests).get()!.cardMessageId!
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressData('d:take:1')
    await h.driver.send('Первое сообщение юриста', h.driver.replyTo(card))
    await h.driver.send('Второе сообщение юриста', h.driver.replyTo(card))
    h.telegram.failNext('editMessageText', 'server-error', 2)
    h.telegram.failNext('sendMessage', 'rate-limit', 1, 5)
    h.telegram.failNext('sendMessage', 'network', 2)
    expect(await h.flush(600)).toBe(0)
    const toMigrant = h.textsSince(0, MIGRANT)
    const inProgress = h.t('ru', 'desk:client.in_progress', { reference: 'JO-2026-00001' })
    expect(toMigrant.filter((t) => t === inProgress)).toHaveLength(1)
    expect(toMigrant.filter((t) => t.includes('Первое сообщение юриста'))).toHaveLength(1)
    expect(toMigrant.filter((t) => t.includes('Второе сообщение юриста'))).toHaveLength(1)
    expect(toMigrant.findIndex((t) => t.includes('Первое'))).toBeLessThan(toMigrant.findIndex((t) => t.includes('Второе')))

    h.driver.as(MIGRANT)
    const lawyerMessage = [...h.telegram.messages.values()].filter((m) => m.chatId === MIGRANT && m.text.includes('Второе')).pop()!
    await h.driver.send('Ответ мигранта', h.driver.replyTo(lawyerMessage.messageId))
    h.telegram.failNext('sendMessage', 'server-error', 3)
    expect(await h.flush(600)).toBe(0)
    expect(sent(h, 'sendMessage', LAWYERS_CHAT_ID, 'Ответ мигранта')).toBe(1)
    expect(pending(h)).toEqual([])
  })

  it.each([
    ['a 500', 'server-error'],
    ['a 429 with retry_after', 'rate-limit'],
    ['a network error', 'network'],
  ] as const)('%s as the person presses Send: the request is stored once, the person gets the reference once when Telegram recovers, the lawyers one card', async (_name, kind) => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'en')
    await fileRequest(h, {}, { send: false })
    const mark = h.telegram.calls.length
    // The button's spinner, the summary's edit and the confirmation itself all fail.
    h.telegram.failNext('*', kind, 3, 20)
    await h.driver.pressData('c:summary:send')
    expect(h.db.select().from(legalRequests).all()).toHaveLength(1)
    // Telegram redelivers the update: still one request, nothing announced twice.
    await h.driver.redeliver()
    expect(h.db.select().from(legalRequests).all()).toHaveLength(1)
    expect(await h.flush(600)).toBe(0)
    const confirmation = h.t('en', 'lawyer:sent', { reference: 'JO-2026-00001' })
    const toMigrant = h.textsSince(mark, MIGRANT)
    expect(toMigrant.filter((t) => t === confirmation)).toHaveLength(1)
    expect(toMigrant.filter((t) => t.includes('JO-2026-00001'))).toHaveLength(1)
    expect(toMigrant).not.toContain(h.t('en', 'errors.generic'))
    expect(sent(h, 'sendMessage', LAWYERS_CHAT_ID, 'JO-2026-00001')).toBe(1)
    expect(pending(h)).toEqual([])
  })

  it('a person who blocked the bot at Send: the request is stored and the lawyers get it, nothing is retried to the person', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'en')
    await fileRequest(h, {}, { send: false })
    h.telegram.blockedChats.add(MIGRANT)
    await h.driver.pressData('c:summary:send')
    expect(h.db.select().from(legalRequests).all()).toHaveLength(1)
    expect(await h.flush(600)).toBe(0)
    // The queued copy of the confirmation is closed at once (not retried), the lawyers' card went.
    expect(pending(h)).toEqual([])
    expect(h.db.select().from(outbox).all().map((o) => [o.kind, o.lastError])).toEqual([
      ['request.created', null],
      ['request.confirmation', 'not retried: person'],
    ])
    expect(h.telegram.calls.filter((c) => Number(c.payload.chat_id) === MIGRANT && c.method === 'sendMessage' && String(c.payload.text).includes('JO-2026-00001'))).toHaveLength(0)
    expect(sent(h, 'sendMessage', LAWYERS_CHAT_ID, 'JO-2026-00001')).toBe(1)
  })

  it('the process dies while the confirmation is on its way (never answered): after a restart the reference arrives once, from the outbox', async () => {
    const h = await createTestBot({ timeoutSeconds: 600 })
    await startAs(h, MIGRANT, 'en')
    await fileRequest(h, {}, { send: false })
    const mark = h.telegram.calls.length
    h.telegram.failNext('sendMessage', 'timeout')
    // Not awaited: this "process" hangs on the confirmation and is then replaced, as after SIGKILL.
    void h.driver.pressData('c:summary:send')
    for (let i = 0; i < 200 && h.telegram.failuresLeft > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(h.telegram.failuresLeft).toBe(0)
    expect(h.db.select().from(legalRequests).all()).toHaveLength(1)
    await h.restart()
    const confirmation = h.t('en', 'lawyer:sent', { reference: 'JO-2026-00001' })
    // Delivered right away, the lawyers' card goes; the person's copy waits for the hold.
    await h.flush(5)
    expect(h.textsSince(mark, MIGRANT)).not.toContain(confirmation)
    h.advance(3 * 60_000)
    expect(await h.flush(600)).toBe(0)
    expect(h.textsSince(mark, MIGRANT).filter((t) => t === confirmation)).toHaveLength(1)
    expect(sent(h, 'sendMessage', LAWYERS_CHAT_ID, 'JO-2026-00001')).toBe(1)
    expect(pending(h)).toEqual([])
  })

  it('Telegram too slow to answer (client timeout) at Send and while the lawyers are notified: stored once, the reference reaches the person, each notification arrives once', async () => {
    const h = await createTestBot({ timeoutSeconds: 0.05 })
    h.telegram.forumChats.add(LAWYERS_CHAT_ID)
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h, { photos: ['ph-slow'], description: 'Задержали паспорт' }, { send: false })
    const mark = h.telegram.calls.length
    h.telegram.failNext('*', 'timeout', 3)
    const started = Date.now()
    await h.driver.pressData('c:summary:send')
    // The press is answered within the client's timeout, not grammY's default 500 s.
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(h.db.select().from(legalRequests).all()).toHaveLength(1)
    h.telegram.failNext('getChat', 'timeout')
    h.telegram.failNext('createForumTopic', 'timeout')
    h.telegram.failNext('sendMessage', 'timeout', 2)
    h.telegram.failNext('sendPhoto', 'timeout')
    expect(await h.flush(600)).toBe(0)
    expect(h.telegram.failuresLeft).toBe(0)
    const toMigrant = h.textsSince(mark, MIGRANT)
    expect(toMigrant.filter((t) => t === h.t('ru', 'lawyer:sent', { reference: 'JO-2026-00001' }))).toHaveLength(1)
    expect(toMigrant).not.toContain(h.t('ru', 'errors.generic'))
    expect(h.telegram.calls.filter((c) => c.method === 'createForumTopic')).toHaveLength(1)
    expect(sent(h, 'sendMessage', LAWYERS_CHAT_ID, 'Задержали паспорт')).toBe(1)
    expect(sent(h, 'sendPhoto', LAWYERS_CHAT_ID, 'ph-slow')).toBe(1)
    expect(pending(h)).toEqual([])
  })
})
