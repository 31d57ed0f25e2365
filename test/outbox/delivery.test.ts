import { describe, expect, it } from 'vitest'
import { legalRequests, outbox } from '../../src/db/schema.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs, type TestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const MIGRANT = 6100
const request = (h: TestBot) => h.db.select().from(legalRequests).all()[0]!
const toMigrant = (h: TestBot, mark = 0) => h.since(mark).filter((c) => Number(c.payload.chat_id) === MIGRANT)
const toGroup = (h: TestBot, mark = 0) => h.since(mark).filter((c) => c.method !== 'getChat' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID)

async function withRequest(options: { forum?: boolean; answers?: Parameters<typeof fileRequest>[1] } = {}) {
  const h = await createTestBot()
  if (options.forum) h.telegram.forumChats.add(LAWYERS_CHAT_ID)
  await startAs(h, MIGRANT, 'ru')
  await fileRequest(h, { description: 'Не платят зарплату', ...options.answers })
  expect(await h.flush()).toBe(0)
  return h
}

/** The lawyer answers under the card (a reply to it), as in a group without topics. */
async function lawyerSays(h: TestBot, text: string) {
  h.driver.as(ADMIN_ID, 'group')
  await h.driver.send(text, h.driver.replyTo(request(h).cardMessageId!))
}

describe('order per chat', () => {
  it('keeps the lawyer’s three messages in order when the first gets a 502', async () => {
    const h = await withRequest()
    for (const text of ['один', 'два', 'три']) await lawyerSays(h, text)
    const mark = h.mark()
    h.telegram.failNext('sendMessage', 'server-error')
    expect(await h.flush()).toBe(0)
    expect(h.textsSince(mark, MIGRANT).map((t) => t.split('\n')[1])).toEqual(['один', 'два', 'три'])
  })
})

describe('what Telegram refuses is not retried forever', () => {
  it('marks a 400 failed after one attempt and tells the lawyer under their message', async () => {
    const h = await withRequest()
    await lawyerSays(h, 'Пришлите договор')
    const lawyerMessageId = h.driver.lastOwnMessageId()!
    const mark = h.mark()
    h.telegram.failNext('sendMessage', 'bad-request')
    expect(await h.flush()).toBe(0)
    const row = h.db.select().from(outbox).all().find((r) => r.kind === 'lawyer.message')!
    expect(row).toMatchObject({ attempts: 0 })
    expect(row.lastError).toMatch(/^failed: .*can't parse entities/)
    expect(toMigrant(h, mark)).toHaveLength(0)
    const notice = toGroup(h, mark).at(-1)!
    expect(notice.payload.reply_parameters.message_id).toBe(lawyerMessageId)
    expect(h.textsSince(mark, LAWYERS_CHAT_ID).at(-1)).toMatch(/^⚠️ JO-2026-00001: сообщение не дошло до человека — Telegram отказал/)
  })

  it('gives up on a person who blocked the bot, once, and says so in the group', async () => {
    const h = await withRequest()
    h.telegram.blockedChats.add(MIGRANT)
    await lawyerSays(h, 'Вы здесь?')
    const mark = h.mark()
    expect(await h.flush()).toBe(0)
    expect(h.telegram.rejected.filter((r) => Number(r.payload.chat_id) === MIGRANT)).toHaveLength(1)
    expect(h.textsSince(mark, LAWYERS_CHAT_ID).at(-1)).toBe('⚠️ JO-2026-00001: сообщение не дошло до человека — он заблокировал бота или удалил аккаунт.')
  })

  it('tells the migrant when their follow-up is refused, in their language', async () => {
    const h = await withRequest()
    await lawyerSays(h, 'Вопрос')
    await h.flush()
    h.driver.as(MIGRANT)
    await h.driver.reply('Ответ')
    const mark = h.mark()
    h.telegram.failNext('sendMessage', 'bad-request')
    expect(await h.flush()).toBe(0)
    expect(h.textsSince(mark, MIGRANT)).toEqual([h.t('ru', 'desk:delivery.toClientFailed', { reference: 'JO-2026-00001' })])
  })
})

describe('the lawyers’ group closed to the bot', () => {
  it.each(['chat-not-found', 'kicked'] as const)('keeps the card and its photos after %s, alerts the admins in private, and posts them once the group is open', async (failure) => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h, { photos: ['passport-photo'] })
    h.telegram.failNextIn(LAWYERS_CHAT_ID, 'sendMessage', failure, 3)
    await h.flush(5)
    expect(h.db.select().from(outbox).all()[0]).toMatchObject({ deliveredAt: null })
    expect(h.textsSince(0, ADMIN_ID).at(-1)).toMatch(/^⚠️ Бот не может писать в группу юристов/)
    expect(await h.flush(600)).toBe(0)
    expect(toGroup(h).filter((c) => c.method === 'sendMessage')).toHaveLength(1)
    expect(toGroup(h).filter((c) => c.method === 'sendPhoto').map((c) => c.payload.photo)).toEqual(['passport-photo'])
    expect(h.textsSince(0, ADMIN_ID).filter((t) => t.startsWith('⚠️ Бот не может'))).toHaveLength(1)
  })
})

describe('steps saved as soon as they exist', () => {
  it('makes one forum topic when the card fails after the topic was made', async () => {
    const h = await createTestBot()
    h.telegram.forumChats.add(LAWYERS_CHAT_ID)
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h)
    h.telegram.failNext('sendMessage', 'network')
    expect(await h.flush()).toBe(0)
    const topics = h.telegram.calls.filter((c) => c.method === 'createForumTopic')
    expect(topics).toHaveLength(1)
    const card = toGroup(h).find((c) => c.method === 'sendMessage')!
    expect(card.payload.message_thread_id).toBe((topics[0]!.result as any).message_thread_id)
  })
})

describe('escaping, asserted on the raw HTML sent', () => {
  it('escapes what the migrant and the lawyer typed, in the relay both ways and in the card', async () => {
    const typed = '<b>5 < 6</b> & "x" <script>'
    const h = await withRequest({ answers: { description: typed } })
    expect(h.htmlSince(0, LAWYERS_CHAT_ID)[0]).toContain('&lt;b&gt;5 &lt; 6&lt;/b&gt; &amp; &quot;x&quot; &lt;script&gt;')
    await lawyerSays(h, typed)
    let mark = h.mark()
    await h.flush()
    expect(h.htmlSince(mark, MIGRANT)[0]!.split('\n')[1]).toBe('&lt;b&gt;5 &lt; 6&lt;/b&gt; &amp; &quot;x&quot; &lt;script&gt;')
    expect(h.textsSince(mark, MIGRANT)[0]!.split('\n')[1]).toBe(typed)
    h.driver.as(MIGRANT)
    await h.driver.reply(typed)
    mark = h.mark()
    await h.flush()
    expect(h.htmlSince(mark, LAWYERS_CHAT_ID)[0]!.split('\n')[1]).toBe('&lt;b&gt;5 &lt; 6&lt;/b&gt; &amp; &quot;x&quot; &lt;script&gt;')
  })
})
