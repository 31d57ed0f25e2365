import { describe, expect, it } from 'vitest'
import { OutboxWorker } from '../../src/bot/outbox/worker.js'
import { auditLog, legalRequests, outbox, requestMessages } from '../../src/db/schema.js'
import { createLogger } from '../../src/logger.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs, type TestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const MIGRANT = 6000
const request = (h: TestBot) => h.db.select().from(legalRequests).all()[0]!

/** A migrant files a request and the outbox posts its card to the lawyers' group. */
async function withRequest(options: { forum?: boolean; answers?: Parameters<typeof fileRequest>[1] } = {}) {
  const h = await createTestBot()
  if (options.forum) h.telegram.forumChats.add(LAWYERS_CHAT_ID)
  await startAs(h, MIGRANT, 'ky')
  await fileRequest(h, { city: 'kazan', topic: 'work', description: 'Айлык бербей жатат <script>', ...options.answers })
  await h.flush()
  return h
}

const groupCalls = (h: TestBot, mark: number) => h.since(mark).filter((c) => c.method !== 'getChat' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID)

describe('request cards in the lawyers’ group', () => {
  it('posts a card without the person’s name, with escaped description and the desk buttons', async () => {
    const h = await withRequest({ answers: { forWhom: 'family', subjectName: 'Азамат Бакиров', phone: '+7 912 345 67 89', safe: 'no' } })
    const card = h.telegram.calls.find((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID)!
    expect(card.payload.text).toContain('JO-2026-00001')
    expect(card.payload.text).toContain('Айлык бербей жатат &lt;script&gt;')
    // The phone only in a lawyer's private chat (test/privacy/contact-details.test.ts).
    expect(card.payload.text).not.toContain('+7 912 345 67 89')
    expect(card.payload.text).toContain('осторожно')
    expect(card.payload.text).not.toContain('Азамат')
    expect(card.payload.reply_markup.inline_keyboard.flat().map((b: any) => b.callback_data)).toEqual(['d:take:1', 'd:st:1', 'd:urg:1', 'd:notes:1', 'd:contact:1'])
  })

  it('opens a forum topic named by reference, topic and city when the group is a forum', async () => {
    const h = await withRequest({ forum: true })
    const topic = h.telegram.calls.find((c) => c.method === 'createForumTopic')!
    expect(topic.payload.name).toBe('JO-2026-00001 · Работа и зарплата · Казань')
    const card = h.telegram.calls.find((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID)!
    expect(card.payload.message_thread_id).toBe((topic.result as any).message_thread_id)
  })

  it('shows possible conflicts: another request with the same phone', async () => {
    const h = await withRequest({ answers: { phone: '+7 912 345 67 89' } })
    await startAs(h, MIGRANT + 1, 'ru')
    await fileRequest(h, { phone: '89123456789' })
    const mark = h.mark()
    await h.flush()
    expect(groupCalls(h, mark)[0]?.payload.text).toContain('JO-2026-00001 (тот же телефон)')
  })

  it('copies the attachments in under the card', async () => {
    const h = await withRequest({ answers: { photos: ['ph-a', 'ph-b'] } })
    expect(h.telegram.calls.filter((c) => c.method === 'sendPhoto').map((c) => [c.payload.photo, c.payload.caption])).toEqual([['ph-a', 'JO-2026-00001'], ['ph-b', 'JO-2026-00001']])
  })
})

describe('lawyer actions', () => {
  it('Take assigns the request, edits the card in place and tells the person in their language', async () => {
    const h = await withRequest()
    const cardId = request(h).cardMessageId
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressData('d:take:1')
    const mark = h.mark()
    await h.flush()
    expect(request(h)).toMatchObject({ status: 'in_progress', assignedLawyerId: ADMIN_ID })
    const edit = h.since(mark).find((c) => c.method === 'editMessageText')!
    expect(edit.payload.message_id).toBe(cardId)
    expect(edit.payload.text).toContain('В работе')
    expect(h.lastText(MIGRANT)).toBe(h.t('ky', 'desk:client.in_progress', { reference: 'JO-2026-00001' }))
  })

  it('refuses every desk action from someone who is not a lawyer, forged data included, and changes nothing', async () => {
    const h = await withRequest()
    for (const [where, data] of [['group', 'd:take:1'], ['group', 'd:set:1:resolved'], ['private', 'd:urg:1'], ['private', 'd:notes:1'], ['group', 'd:ph:1:callUs']] as const) {
      h.driver.as(4242, where)
      const mark = h.mark()
      await h.driver.pressCallback(data)
      // In the group the desk's language; in a private chat the person's own (the default for a newcomer).
      const language = where === 'group' ? h.config.lawyersLanguage : h.config.defaultLanguage
      expect(h.since(mark).map((c) => [c.method, c.payload.text])).toEqual([['answerCallbackQuery', h.t(language, 'desk:onlyLawyers')]])
    }
    h.driver.as(4242, 'group')
    await h.driver.send('/lawyers add 4242')
    expect(h.lastText(LAWYERS_CHAT_ID)).toBe(h.t('ru', 'desk:onlyAdmins'))
    expect(request(h)).toMatchObject({ status: 'new', assignedLawyerId: null, urgent: false })
    expect(h.db.select().from(outbox).all().filter((o) => !o.deliveredAt)).toEqual([])
  })

  it('a lawyer added by an admin may act; removed, may not', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.send('/lawyers add 55 Айгуль')
    h.driver.as(55, 'group')
    await h.driver.pressData('d:urg:1')
    expect(request(h).urgent).toBe(true)
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.send('/lawyers remove 55')
    h.driver.as(55, 'group')
    await h.driver.pressCallback('d:urg:1')
    expect(request(h).urgent).toBe(true)
  })

  it('changes status with a one-line note given as a reply, and declines kindly with the reason', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressData('d:take:1')
    await h.driver.pressData('d:st:1')
    await h.driver.pressData('d:set:1:declined')
    await h.driver.reply('это вопрос к работодателю в Кыргызстане')
    await h.flush()
    expect(request(h)).toMatchObject({ status: 'closed', disposition: 'declined', declineReason: 'это вопрос к работодателю в Кыргызстане' })
    expect(h.lastText(MIGRANT)).toBe(h.t('ky', 'desk:client.declined', { reference: 'JO-2026-00001', reason: 'это вопрос к работодателю в Кыргызстане' }))
    expect(h.db.select().from(auditLog).all().map((a) => a.action)).toEqual(['card:take', 'card:st', 'status:declined'])
  })

  it('refers to an organisation from the admins’ list', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.send('/orgs add Гражданское содействие')
    await h.driver.pressData('d:st:1')
    await h.driver.pressData('d:set:1:referred')
    await h.driver.press('Гражданское содействие')
    await h.driver.reply('-')
    await h.flush()
    expect(request(h)).toMatchObject({ status: 'referred', referredTo: 'Гражданское содействие' })
    expect(h.lastText(MIGRANT)).toContain('Гражданское содействие')
  })
})

describe('talking to the person', () => {
  it('relays a lawyer’s reply to the card to the person, and the person’s reply back to the group', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.reply('Пришлите фото договора')
    await h.flush()
    expect(h.lastText(MIGRANT)).toBe(`${h.t('ky', 'desk:client.lawyer', { reference: 'JO-2026-00001' })}\nПришлите фото договора`)
    h.driver.as(MIGRANT)
    await h.driver.reply('Договор жок, бирок фото бар')
    const mark = h.mark()
    await h.flush()
    const relayed = groupCalls(h, mark)[0]!
    expect(relayed.payload.text).toContain('Договор жок, бирок фото бар')
    expect(relayed.payload.reply_parameters.message_id).toBeGreaterThan(0)
    expect(h.db.select().from(requestMessages).all().map((m) => m.direction)).toEqual(['to_client', 'from_client'])
    expect(request(h).firstAnsweredAt).not.toBeNull()
  })

  it('copies a photo from the person into the group with copyMessage', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.reply('Фото?')
    await h.flush()
    h.driver.as(MIGRANT)
    const lawyerMessage = h.telegram.calls.filter((c) => Number(c.payload.chat_id) === MIGRANT).at(-1)!
    await h.driver.sendPhoto('contract-photo', 'келишим', h.driver.replyTo((lawyerMessage.result as any).message_id))
    const photoMessageId = h.driver.lastOwnMessageId()
    const mark = h.mark()
    await h.flush()
    const copy = h.since(mark).find((c) => c.method === 'copyMessage')!
    expect(copy.payload).toMatchObject({ chat_id: LAWYERS_CHAT_ID, from_chat_id: MIGRANT, message_id: photoMessageId })
    expect(copy.payload.caption).toContain('келишим')
  })

  it('mirrors a lawyer’s edit to the person’s copy', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.reply('Позвоните завтра')
    const lawyerMessageId = h.driver.lastOwnMessageId()!
    await h.flush()
    await h.driver.editMessage(lawyerMessageId, 'Позвоните в пятницу')
    const mark = h.mark()
    await h.flush()
    const edit = h.since(mark).find((c) => c.method === 'editMessageText')!
    expect(edit.payload.chat_id).toBe(MIGRANT)
    expect(edit.payload.text).toContain('Позвоните в пятницу')
  })

  it('keeps /note internal and sends /phrases in the person’s language', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    const before = h.telegram.calls.filter((c) => Number(c.payload.chat_id) === MIGRANT).length
    await h.driver.send('/note работодатель ООО Ромашка', h.driver.replyTo(request(h).cardMessageId!))
    await h.driver.send('/phrases', h.driver.replyTo(request(h).cardMessageId!))
    await h.driver.pressData('d:ph:1:sendContract')
    await h.flush()
    const toMigrant = h.telegram.calls.filter((c) => Number(c.payload.chat_id) === MIGRANT).slice(before)
    expect(toMigrant.map((c) => c.payload.text)).toEqual([`${h.i18n.t('desk:client.lawyer', { lng: 'ky', reference: 'JO-2026-00001' })}\n${h.i18n.t('desk:phrases.sendContract', { lng: 'ky', date: '' })}`])
    expect(h.db.select().from(requestMessages).all()).toMatchObject([{ direction: 'note', text: 'работодатель ООО Ромашка' }])
  })
})

describe('delivery that loses nothing', () => {
  it.each(['rate-limit', 'server-error', 'network'] as const)('retries the card after a %s failure and delivers it once', async (failure) => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h)
    h.telegram.failNext('sendMessage', failure, 2, 3)
    expect(await h.flush()).toBe(0)
    const cards = h.telegram.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID)
    expect(cards).toHaveLength(1)
    const row = h.db.select().from(outbox).all()[0]!
    expect(row).toMatchObject({ attempts: 2 })
    expect(row.deliveredAt).not.toBeNull()
  })

  it('honours retry_after: nothing is sent again before it has passed', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h)
    h.telegram.failNext('sendMessage', 'rate-limit', 1, 30)
    await h.flush(10)
    expect(h.telegram.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID)).toHaveLength(0)
    await h.flush(30)
    expect(h.telegram.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID)).toHaveLength(1)
  })

  it('survives a restart with undelivered messages and delivers them after', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h)
    await h.restart()
    await h.flush()
    expect(h.telegram.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID)).toHaveLength(1)
  })

  it('recreates a topic deleted by hand and reposts the card', async () => {
    const h = await withRequest({ forum: true })
    h.telegram.failNext('editMessageText', 'thread-not-found')
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressData('d:urg:1')
    const mark = h.mark()
    await h.flush()
    expect(h.since(mark).map((c) => c.method).filter((m) => m !== 'getChat')).toEqual(['createForumTopic', 'sendMessage'])
    expect(request(h).groupThreadId).toBe((h.since(mark).find((c) => c.method === 'createForumTopic')!.result as any).message_thread_id)
  })

  it('keeps to one message a second per private chat', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    for (const text of ['один', 'два', 'три']) await h.driver.reply(text)
    const mark = h.mark()
    const frozen = new OutboxWorker({ db: h.db, api: h.bot.api, config: h.config, i18n: h.i18n, logger: createLogger('silent'), clock: () => new Date('2026-11-25T09:00:00Z') })
    await frozen.deliverDue()
    expect(h.since(mark).filter((c) => Number(c.payload.chat_id) === MIGRANT)).toHaveLength(1)
    await h.flush()
    expect(h.textsSince(mark, MIGRANT).map((t) => t.split('\n')[1])).toEqual(['один', 'два', 'три'])
  })
})

describe('intake pause', () => {
  it('tells people honestly, still takes urgent requests, and stops non-urgent ones', async () => {
    const h = await createTestBot()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.send('/intake pause Юристтер бош эмес')
    await startAs(h, MIGRANT, 'ky')
    await h.driver.send('/lawyer')
    expect(h.textsSince(h.mark() - 2)[0]).toContain('Юристтер бош эмес')
    await h.driver.pressData('c:consent:yes')
    await h.driver.pressData('c:for:self')
    await h.driver.pressData('c:topic:work')
    await h.driver.pressData('c:urgency:normal')
    expect(h.lastText()).toBe(h.t('ky', 'lawyer:intakePausedNotUrgent'))
    await fileRequest(h, { urgency: 'deadline' })
    expect(h.db.select().from(legalRequests).all()).toMatchObject([{ urgency: 'deadline' }])
  })
})

describe('a forum group', () => {
  it('keeps the desk in the request’s topic: the question goes there, the note is a reply there, messages there reach the person', async () => {
    const h = await withRequest({ forum: true })
    const threadId = request(h).groupThreadId!
    h.driver.as(ADMIN_ID, 'group', threadId)
    await h.driver.pressData('d:st:1')
    expect(h.telegram.calls.at(-1)!.payload.message_thread_id).toBe(threadId)
    await h.driver.pressData('d:set:1:waiting_for_client')
    const question = h.telegram.calls.at(-1)!
    expect(question.payload).toMatchObject({ message_thread_id: threadId, reply_markup: { force_reply: true } })
    await h.driver.reply('попросили договор')
    expect(request(h).status).toBe('waiting_for_client')
    const mark = h.mark()
    await h.driver.send('Здравствуйте! Пришлите договор, пожалуйста')
    await h.flush()
    expect(h.textsSince(mark, MIGRANT).some((t) => t.endsWith('Пришлите договор, пожалуйста'))).toBe(true)
    const reaction = h.since(mark).find((c) => c.method === 'setMessageReaction')!
    expect(reaction.payload).toMatchObject({ chat_id: LAWYERS_CHAT_ID, reaction: [{ type: 'emoji', emoji: '👌' }] })
  })
})
