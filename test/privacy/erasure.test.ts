import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { auditLog, keyValue, legalRequests, outbox, users } from '../../src/db/schema.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs, type TestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const MIGRANT = 7100
const OTHER = 7200

/** Everything that identifies the migrant or what they told us, as it would sit in the file. */
const SECRETS = {
  name: 'Гульнара Токтосунова',
  phone: '+7 912 555 44 33',
  description: 'Хозяин склада Ибраимов отобрал паспорт',
  lawyerText: 'Пришлите договор, Гульнара',
  clientReply: 'Договора нет, только расписка Ибраимова',
  note: 'Внутренняя заметка: паспорт у Ибраимова',
  statusNote: 'ждём расписку от Гульнары',
  photo: 'photo-file-id-passport-scan',
  caption: 'Фото расписки Ибраимова от мая',
  draft: 'Черновик: бригадир Жусупов угрожает',
  draftName: 'Бакыт Жусупов-Черновик',
  firstName: `User ${MIGRANT}`,
}

/** Byte search in the database file and its WAL, as anyone holding a copy of the file could do. */
function foundInFiles(h: TestBot, needle: string): string[] {
  return [h.dbPath, `${h.dbPath}-wal`, `${h.dbPath}-shm`]
    .filter((file) => existsSync(file) && readFileSync(file).includes(Buffer.from(needle, 'utf8')))
    .map((file) => file.slice(h.dbPath.length) || 'db')
}

/** The migrant leaves everything a person can leave: requests with files, messages both ways, notes, a draft, a session. */
async function seedEverything() {
  const h = await createTestBot()
  await startAs(h, MIGRANT, 'ru')
  // A refused lawyer command puts the migrant's id in the audit log.
  await h.driver.send('/queue')
  await fileRequest(h, { forWhom: 'family', subjectName: SECRETS.name, description: SECRETS.description, photos: [SECRETS.photo], phone: SECRETS.phone, safe: 'no' })
  await h.flush()
  // The lawyer takes it, writes to the person, keeps a note and waits for an answer (with a note).
  h.driver.as(ADMIN_ID, 'group')
  await h.driver.pressData('d:take:1')
  const card = h.db.select().from(legalRequests).get()!.cardMessageId!
  await h.driver.send(SECRETS.lawyerText, h.driver.replyTo(card))
  await h.driver.send(`/note ${SECRETS.note}`, h.driver.replyTo(card))
  await h.driver.pressData('d:st:1')
  await h.driver.pressData('d:set:1:waiting_for_client')
  await h.driver.reply(SECRETS.statusNote)
  await h.flush()
  // The person answers the lawyer's message with Telegram's reply, with text and with a photo.
  h.driver.as(MIGRANT)
  const lawyerMessage = [...h.telegram.messages.values()].filter((m) => m.chatId === MIGRANT && m.fromBot && m.text.includes(SECRETS.lawyerText)).pop()!
  await h.driver.send(SECRETS.clientReply, h.driver.replyTo(lawyerMessage.messageId))
  await h.driver.sendPhoto('photo-of-raspiska', SECRETS.caption, h.driver.replyTo(lawyerMessage.messageId))
  await h.flush()
  // A second request left in the middle: the draft sits in the conversation state.
  await fileRequest(h, { forWhom: 'family', subjectName: SECRETS.draftName, description: SECRETS.draft }, { send: false })
  // Someone else's request must survive untouched.
  await startAs(h, OTHER, 'ky')
  await fileRequest(h, { description: 'Башка адамдын арызы' })
  await h.flush()
  h.driver.as(MIGRANT)
  return h
}

describe('/deletemydata', () => {
  it('leaves no name, phone, text, file id or Telegram name in the database file or its WAL', async () => {
    const h = await seedEverything()
    // The seed really put everything in the file, so the search below can fail.
    const before = Object.entries(SECRETS).filter(([, v]) => foundInFiles(h, v).length === 0).map(([k]) => k)
    expect(before).toEqual([])
    expect(h.db.select().from(auditLog).all().map((a) => a.actorId)).toContain(MIGRANT)

    await h.driver.send('/deletemydata')
    await h.driver.press('🗑')
    await h.flush()

    const left = Object.fromEntries(Object.entries(SECRETS).map(([k, v]) => [k, foundInFiles(h, v)]).filter(([, where]) => (where as string[]).length > 0))
    expect(left).toEqual({})
    expect(h.db.$client.pragma('integrity_check', { simple: true })).toBe('ok')
    // The other person's request is untouched; ours stays only as an anonymous figure.
    const rows = h.db.select().from(legalRequests).all()
    expect(rows.find((r) => r.userId === OTHER)?.description).toBe('Башка адамдын арызы')
    expect(rows.filter((r) => r.userId !== OTHER)).toMatchObject([{ userId: 0, chatId: 0, description: '', subjectName: null, contactPhone: null, topic: 'work', city: 'kazan', status: 'withdrawn' }])
    expect(h.db.select().from(users).all().map((u) => u.id)).not.toContain(MIGRANT)
    expect(h.db.select().from(keyValue).all().filter((r) => r.key.endsWith(`:${MIGRANT}`))).toEqual([])
    expect(h.db.select().from(auditLog).all().map((a) => a.actorId)).not.toContain(MIGRANT)
  })

  it('works in the middle of a request: the running conversation does not swallow it', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'en')
    await fileRequest(h, { description: SECRETS.draft }, { send: false })
    await h.driver.send('/deletemydata')
    expect(h.lastText()).toBe(h.t('en', 'requests:deleteConfirm'))
    await h.driver.press('🗑')
    expect(h.lastText()).toBe(h.t('en', 'requests:deleted', { count: 0 }))
    expect(foundInFiles(h, SECRETS.draft)).toEqual([])
  })

  it('tells the lawyers, removes the personal text from the card, deletes the bot’s copies and answers later replies with why', async () => {
    const h = await seedEverything()
    const request = h.db.select().from(legalRequests).get()!
    const copies = h.telegram.calls.filter((c) => Number(c.payload.chat_id) === LAWYERS_CHAT_ID && ['sendPhoto', 'sendDocument', 'copyMessage'].includes(c.method) || (c.method === 'sendMessage' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID && String(c.payload.text).includes(SECRETS.clientReply)))
    expect(copies.length).toBeGreaterThanOrEqual(3)
    await h.driver.send('/deletemydata')
    await h.driver.press('🗑')
    const mark = h.mark()
    await h.flush()
    const group = h.since(mark).filter((c) => Number(c.payload.chat_id) === LAWYERS_CHAT_ID)
    const deleted = group.filter((c) => c.method === 'deleteMessage').map((c) => c.payload.message_id).sort()
    expect(deleted).toEqual(copies.map((c) => (c.result as any).message_id).sort())
    const card = h.telegram.message(LAWYERS_CHAT_ID, request.cardMessageId!)!
    expect(card.text).toContain(h.t('ru', 'privacy:desk.cardErased').slice(0, 20))
    for (const secret of [SECRETS.description, SECRETS.phone]) expect(card.text).not.toContain(secret)
    expect(card.replyMarkup?.inline_keyboard?.flat() ?? []).toEqual([])
    expect(h.textsSince(mark, LAWYERS_CHAT_ID)).toContain(h.t('ru', 'privacy:desk.erased', { reference: request.reference }))
    expect(h.textsSince(mark, MIGRANT)).toEqual([])

    // A lawyer who answers on the card later is told why nothing goes out; Take says so too.
    h.driver.as(ADMIN_ID, 'group')
    const later = h.mark()
    await h.driver.send('Вы здесь?', h.driver.replyTo(request.cardMessageId!))
    await h.driver.pressCallback('d:take:1', request.cardMessageId!)
    await h.flush()
    expect(h.textsSince(later, LAWYERS_CHAT_ID)).toEqual([h.t('ru', 'privacy:desk.erasedNoRelay', { reference: request.reference })])
    expect(h.since(later).find((c) => c.method === 'answerCallbackQuery')?.payload.text).toBe(h.t('ru', 'privacy:desk.erasedAlert', { reference: request.reference }))
    expect(h.db.select().from(outbox).all().filter((o) => !o.deliveredAt)).toEqual([])
  })
})
