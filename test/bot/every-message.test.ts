import { describe, expect, it } from 'vitest'
import { earlierTextsOf } from '../../src/db/legal-requests.js'
import { legalRequests, requestMessages } from '../../src/db/schema.js'
import { visibleLength } from '../../src/bot/desk/relay-html.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs, type TestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

/** Issue 12: every message reaches its person, or its sender is told why not. */
const MIGRANT = 7200
const REF = 'JO-2026-00001'
const request = (h: TestBot) => h.db.select().from(legalRequests).all()[0]!
const toGroup = (h: TestBot, mark: number) => h.since(mark).filter((c) => Number(c.payload.chat_id) === LAWYERS_CHAT_ID && c.method !== 'getChat')
const toMigrant = (h: TestBot, mark: number) => h.since(mark).filter((c) => Number(c.payload.chat_id) === MIGRANT)
/** The id of the latest bot message in `chatId` whose text or caption contains `part`. */
function botMessage(h: TestBot, chatId: number, part: string): number {
  const call = h.telegram.calls.filter((c) => Number(c.payload.chat_id) === chatId && String(c.payload.text ?? c.payload.caption ?? '').includes(part)).at(-1)
  if (!call) throw new Error(`no bot message with ${part}`)
  return (call.result as { message_id: number }).message_id
}

async function withRequest(answers: Parameters<typeof fileRequest>[1] = {}) {
  const h = await createTestBot()
  await startAs(h, MIGRANT, 'ru')
  await fileRequest(h, answers)
  await h.flush()
  return h
}

/** The lawyer takes the request and asks the person something: it waits for them. */
async function waitingForMigrant(h: TestBot) {
  h.driver.as(ADMIN_ID, 'group')
  await h.driver.pressData('d:take:1')
  await h.driver.pressData('d:st:1')
  await h.driver.pressData('d:set:1:waiting_for_client')
  await h.driver.reply('-')
  await h.driver.send('Пришлите, пожалуйста, фото патента', h.driver.replyTo(request(h).cardMessageId!))
  await h.flush()
  h.driver.as(MIGRANT)
}

describe('the person’s answer reaches the lawyer (item 3)', () => {
  it('plain text while the request waits for them goes to the request, with a one-tap search instead', async () => {
    const h = await withRequest()
    await waitingForMigrant(h)
    await h.driver.send('Патента нет, я из Кыргызстана')
    expect(h.lastText(MIGRANT)).toBe(h.t('ru', 'requests:written', { reference: REF }))
    expect(h.driver.buttons().map((b) => b.label)).toEqual([h.t('ru', 'requests:searchInstead')])
    const mark = h.mark()
    await h.flush()
    expect(toGroup(h, mark).map((c) => c.payload.text).join('\n')).toContain('Патента нет, я из Кыргызстана')
    expect(request(h).status).toBe('in_progress')
    await h.driver.press(h.t('ru', 'requests:searchInstead'))
    expect(h.lastText(MIGRANT)).toBe(h.t('ru', 'requests:searchResults', { words: 'Патента нет, я из Кыргызстана' }))
    expect(h.driver.buttons().some((b) => b.callbackData?.startsWith('r:a:'))).toBe(true)
  })

  it('plain text right after a lawyer’s question goes to the request even without the waiting status; the next goes to search', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressData('d:take:1')
    await h.driver.send('Сколько месяцев вы проработали?', h.driver.replyTo(request(h).cardMessageId!))
    await h.flush()
    expect(request(h).status).toBe('in_progress')
    h.driver.as(MIGRANT)
    await h.driver.send('Восемь месяцев, договор есть')
    expect(h.lastText(MIGRANT)).toBe(h.t('ru', 'requests:written', { reference: REF }))
    const mark = h.mark()
    await h.flush()
    expect(toGroup(h, mark).map((c) => c.payload.text).join('\n')).toContain('Восемь месяцев, договор есть')
    // The question is answered: the next plain text is a search question again.
    await h.driver.send('забрали паспорт')
    expect(h.lastText(MIGRANT)).not.toBe(h.t('ru', 'requests:written', { reference: REF }))
    expect(h.driver.buttons().some((b) => b.callbackData?.startsWith('r:a:'))).toBe(true)
  })

  it('a reply to the “lawyer is waiting for your answer” notice goes to that request', async () => {
    const h = await withRequest()
    await waitingForMigrant(h)
    const notice = botMessage(h, MIGRANT, h.t('ru', 'desk:client.waiting_for_client', { reference: REF }).slice(0, 20))
    await h.driver.send('Вот ответ', h.driver.replyTo(notice))
    const mark = h.mark()
    await h.flush()
    expect(toGroup(h, mark).map((c) => c.payload.text).join('\n')).toContain('Вот ответ')
  })

  it('a reply to any bot message naming the request goes to it, even when nobody waits', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressData('d:take:1')
    await h.flush()
    h.driver.as(MIGRANT)
    await h.driver.send('Спасибо, жду', h.driver.replyTo(botMessage(h, MIGRANT, REF)))
    const mark = h.mark()
    await h.flush()
    expect(toGroup(h, mark).map((c) => c.payload.text).join('\n')).toContain('Спасибо, жду')
  })
})

describe('a reply to the lawyer in the middle of another conversation (items 2, 3)', () => {
  it('goes to the request, and the benefits questions stay where they were', async () => {
    const h = await withRequest()
    await waitingForMigrant(h)
    await h.driver.send('/benefits')
    const lawyerMessage = botMessage(h, MIGRANT, 'фото патента')
    await h.driver.send('Патент в пути', h.driver.replyTo(lawyerMessage))
    expect(h.lastText(MIGRANT)).toBe(h.t('ru', 'requests:written', { reference: REF }))
    const mark = h.mark()
    await h.flush()
    expect(toGroup(h, mark).map((c) => c.payload.text).join('\n')).toContain('Патент в пути')
    await h.driver.pressData('c:childrenUnder16:no')
    expect(h.lastText(MIGRANT)).toBe(h.t('ru', 'benefits:question.baby'))
  })
})

describe('“Write to the lawyer” takes papers (item 4)', () => {
  it('a photo with a caption is copied into the request’s topic', async () => {
    const h = await withRequest()
    await h.driver.send('/myrequests')
    await h.driver.pressData('my:open:1')
    await h.driver.pressData('my:write:1')
    await h.driver.sendPhoto('patent-photo', 'патент')
    expect(h.lastText(MIGRANT)).toBe(h.t('ru', 'requests:written', { reference: REF }))
    const mark = h.mark()
    await h.flush()
    const copy = toGroup(h, mark).find((c) => c.method === 'copyMessage')!
    expect(copy.payload).toMatchObject({ from_chat_id: MIGRANT })
    expect(copy.payload.caption).toContain('патент')
  })
})

describe('a lawyer’s reply in a group without topics (item 5)', () => {
  it('a reply to the photo copied under the card reaches the person', async () => {
    const h = await withRequest({ photos: ['contract'] })
    h.driver.as(ADMIN_ID, 'group')
    const photo = (h.telegram.calls.find((c) => c.method === 'sendPhoto')!.result as { message_id: number }).message_id
    await h.driver.send('Это не договор, а расписка', h.driver.replyTo(photo))
    const mark = h.mark()
    await h.flush()
    expect(toMigrant(h, mark).map((c) => c.payload.text).join('\n')).toContain('Это не договор, а расписка')
  })

  it('a reply to a status confirmation reaches the person', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressData('d:st:1')
    await h.driver.pressData('d:set:1:in_progress')
    await h.driver.reply('-')
    await h.driver.reply('Завтра позвоню')
    const mark = h.mark()
    await h.flush()
    expect(toMigrant(h, mark).map((c) => c.payload.text).join('\n')).toContain('Завтра позвоню')
  })

  it('a reply to the “withdrawn” notice is answered with why it was not sent', async () => {
    const h = await withRequest()
    await h.driver.send('/myrequests')
    await h.driver.pressData('my:open:1')
    await h.driver.pressData('my:withdraw:1')
    await h.driver.pressData('my:withdraw-yes:1')
    await h.flush()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.send('Жаль', h.driver.replyTo(botMessage(h, LAWYERS_CHAT_ID, h.t('ru', 'desk:withdrawnNotice', { reference: REF }))))
    expect(h.lastText(LAWYERS_CHAT_ID)).toBe(h.t('ru', 'desk:withdrawnNoRelay', { reference: REF }))
  })

  it('a reply about a closed request says to reopen it; one about a deleted request says it is gone', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressData('d:st:1')
    await h.driver.pressData('d:set:1:closed')
    await h.driver.reply('-')
    await h.driver.reply('Ещё одно')
    expect(h.lastText(LAWYERS_CHAT_ID)).toBe(h.t('ru', 'desk:closedNoRelay', { reference: REF }))
    const confirmation = botMessage(h, LAWYERS_CHAT_ID, h.t('ru', 'desk:statusChanged', { reference: REF, status: h.t('ru', 'figures:status.closed') }))
    h.driver.as(MIGRANT)
    await h.driver.send('/deletemydata')
    await h.driver.pressData('data:delete-yes')
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.send('Алло', h.driver.replyTo(confirmation))
    // The request stays as an anonymous row after erasure (issue 15): the reason names the deletion.
    expect(h.lastText(LAWYERS_CHAT_ID)).toBe(h.t('ru', 'privacy:desk.erasedNoRelay', { reference: REF }))
  })

  it('a second answer to an answered status question does not go to the person', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressData('d:st:1')
    await h.driver.pressData('d:set:1:in_progress')
    const question = botMessage(h, LAWYERS_CHAT_ID, h.t('ru', 'desk:askNote', { reference: REF }).slice(0, 25))
    await h.driver.sendPhoto('internal-scan', 'скан', h.driver.replyTo(question))
    expect(h.lastText(LAWYERS_CHAT_ID)).toBe(h.t('ru', 'desk:promptNeedsText', { reference: REF }))
    await h.driver.send('взял', h.driver.replyTo(question))
    await h.driver.send('внутреннее: клиент сложный', h.driver.replyTo(question))
    expect(h.lastText(LAWYERS_CHAT_ID)).toBe(h.t('ru', 'desk:promptAnswered', { reference: REF }))
    const mark = h.mark()
    await h.flush()
    expect(toMigrant(h, mark).map((c) => c.payload.text ?? c.payload.caption).join('\n')).not.toMatch(/клиент сложный|скан/)
  })
})

describe('formatting survives the relay (item 6)', () => {
  it('a lawyer’s text link, bold and code arrive with their URL and tags', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    const text = 'Форма тут и код 123 <важно>'
    await h.driver.send(text, {
      ...h.driver.replyTo(request(h).cardMessageId!),
      entities: [{ type: 'text_link', offset: 6, length: 3, url: 'https://gosuslugi.ru/?a=1&b=2' }, { type: 'bold', offset: 0, length: 5 }, { type: 'code', offset: 16, length: 3 }],
    })
    const mark = h.mark()
    await h.flush()
    const sent = toMigrant(h, mark).find((c) => c.method === 'sendMessage')!
    expect(sent.payload.text).toContain('<b>Форма</b> <a href="https://gosuslugi.ru/?a=1&amp;b=2">тут</a> и код <code>123</code> &lt;важно&gt;')
  })

  it('the person’s bold comes back to the group, and a long caption stays within 1,024 with the header', async () => {
    const h = await withRequest()
    await waitingForMigrant(h)
    await h.driver.send('Очень срочно', { entities: [{ type: 'bold', offset: 0, length: 5 }] })
    await h.driver.sendPhoto('p', '📄'.repeat(512))
    const mark = h.mark()
    await h.flush()
    expect(toGroup(h, mark).find((c) => c.method === 'sendMessage')!.payload.text).toContain('<b>Очень</b> срочно')
    const copy = toGroup(h, mark).find((c) => c.method === 'copyMessage')!
    expect(visibleLength(copy.payload.caption)).toBeLessThanOrEqual(1024)
  })
})

describe('Take by a second lawyer (item 7)', () => {
  it('asks before taking over, and then tells the first lawyer in the group', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.send('/lawyers add 55 Айгуль <A&B>')
    await h.driver.pressData('d:take:1')
    h.driver.as(55, 'group')
    await h.driver.pressCallback('d:take:1', request(h).cardMessageId!)
    expect(request(h).assignedLawyerId).toBe(ADMIN_ID)
    expect(h.lastText(LAWYERS_CHAT_ID)).toBe(h.t('ru', 'desk:takeOverAsk', { reference: REF, name: '#1' }))
    await h.driver.pressData('d:takeover:1')
    expect(request(h).assignedLawyerId).toBe(55)
    expect(h.lastText(LAWYERS_CHAT_ID)).toBe(h.t('ru', 'desk:takenOver', { reference: REF, name: 'Айгуль <A&B>', previous: '#1' }))
    // Escaped once for Telegram's HTML, not twice.
    expect(h.telegram.calls.at(-1)!.payload.text).toContain('Айгуль &lt;A&amp;B&gt;')
  })
})

describe('stale card buttons (item 8)', () => {
  it('a withdrawn card keeps only Notes, and an old Take is refused kindly', async () => {
    const h = await withRequest()
    await h.driver.send('/myrequests')
    await h.driver.pressData('my:open:1')
    await h.driver.pressData('my:withdraw:1')
    await h.driver.pressData('my:withdraw-yes:1')
    await h.flush()
    const card = h.telegram.message(LAWYERS_CHAT_ID, request(h).cardMessageId!)!
    expect(card.replyMarkup.inline_keyboard.flat().map((b: { callback_data: string }) => b.callback_data)).toEqual(['d:notes:1'])
    h.driver.as(ADMIN_ID, 'group')
    const mark = h.mark()
    await h.driver.pressCallback('d:take:1', request(h).cardMessageId!)
    expect(h.since(mark).map((c) => c.payload.text)).toEqual([h.t('ru', 'desk:notOpen', { reference: REF, status: h.t('ru', 'figures:status.withdrawn') })])
    expect(request(h)).toMatchObject({ status: 'withdrawn', assignedLawyerId: null })
  })

  it('a closed card offers Status (to reopen), Notes and the contact', async () => {
    const h = await withRequest()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressData('d:st:1')
    await h.driver.pressData('d:set:1:resolved')
    await h.driver.reply('-')
    await h.flush()
    const card = h.telegram.message(LAWYERS_CHAT_ID, request(h).cardMessageId!)!
    expect(card.replyMarkup.inline_keyboard.flat().map((b: { callback_data: string }) => b.callback_data)).toEqual(['d:st:1', 'd:notes:1', 'd:contact:1'])
  })
})

describe('the file limit (item 9)', () => {
  it('the fifth file says it is the limit; a sixth is told files cannot be added there', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h, {}, { send: false, stopBefore: 'files' })
    for (const p of ['a', 'b', 'c', 'd']) await h.driver.sendPhoto(p)
    const mark = h.mark()
    await h.driver.sendPhoto('e')
    expect(h.textsSince(mark, MIGRANT)).toEqual([h.t('ru', 'lawyer:filesLimit', { max: 5 }), h.t('ru', 'lawyer:contact')])
    const mark2 = h.mark()
    await h.driver.sendPhoto('f')
    expect(h.textsSince(mark2, MIGRANT)[0]).toBe(h.t('ru', 'conv.noFileHere'))
  })
})

describe('/intake alone (item 10)', () => {
  it('says whether intake is paused, since when and by whom', async () => {
    const h = await createTestBot()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.send('/intake')
    expect(h.lastText(LAWYERS_CHAT_ID)).toContain(h.t('ru', 'desk:intakeNowOpen'))
    await h.driver.send('/intake pause до понедельника')
    await h.driver.send('/intake')
    expect(h.lastText(LAWYERS_CHAT_ID)).toContain(h.t('ru', 'desk:intakeNowPaused', { since: '25.11.2026 12:00', by: '#1' }))
    expect(h.lastText(LAWYERS_CHAT_ID)).toContain('до понедельника')
  })
})

describe('edits keep their history (item 11)', () => {
  it('the stored message and /case show the latest text; the earlier one is kept', async () => {
    const h = await withRequest()
    await waitingForMigrant(h)
    await h.driver.send('Зарплата 30000')
    const own = h.driver.lastOwnMessageId()!
    await h.flush()
    await h.driver.editMessage(own, 'Зарплата 35000')
    const stored = h.db.select().from(requestMessages).all().find((m) => m.direction === 'from_client')!
    expect(stored.text).toBe('Зарплата 35000')
    expect(earlierTextsOf(stored).map((e) => e.text)).toEqual(['Зарплата 30000'])
    h.driver.as(ADMIN_ID)
    await h.driver.send(`/case ${REF}`)
    expect(h.textsSince(0, ADMIN_ID).join('\n')).toContain('Зарплата 35000')
  })
})
