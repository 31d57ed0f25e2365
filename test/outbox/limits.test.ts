import { describe, expect, it } from 'vitest'
import { legalRequests, outbox } from '../../src/db/schema.js'
import { submitLegalRequest } from '../../src/db/legal-requests.js'
import { parseTelegramHtml } from '../../src/transport/telegram-rules.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs, type TestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const MIGRANT = 6200
const EMOJI = '😀' // 2 UTF-16 units, 4 bytes
const MATH = '𝐀' // a 4-byte character outside the BMP
const request = (h: TestBot) => h.db.select().from(legalRequests).all()[0]!
const visible = (html: string) => {
  const parsed = parseTelegramHtml(html)
  if (!parsed.ok) throw new Error(parsed.description)
  return parsed.text
}

/**
 * Every kind of outbox event at Telegram's limits: each is delivered within 4,096 / 1,024 (the
 * strict fake refuses anything over, and the harness fails the test on any refusal) or failed
 * with a message; nothing is left retrying.
 */
describe('every outbox event at the limits', () => {
  it('delivers the longest texts, captions and edits, in emoji and 4-byte characters, split or moved, and loses no character', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    // request.created with the longest description, in 4-byte characters (2 UTF-16 units each).
    await fileRequest(h, { description: MATH.repeat(1490) + EMOJI, photos: ['photo-1'] })
    expect(await h.flush()).toBe(0)
    const card = h.telegram.calls.find((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID)!
    expect(visible(card.payload.text).length).toBeLessThanOrEqual(4096)

    // lawyer.message: 2,048 emoji (4,096 UTF-16 units) plus the header → split in two, nothing lost.
    h.driver.as(ADMIN_ID, 'group')
    const onCard = () => h.driver.replyTo(request(h).cardMessageId!)
    let mark = h.mark()
    const long = EMOJI.repeat(2048)
    await h.driver.send(long, onCard())
    expect(await h.flush()).toBe(0)
    const parts = h.since(mark).filter((c) => Number(c.payload.chat_id) === MIGRANT)
    expect(parts.length).toBe(2)
    expect(parts.map((c) => visible(c.payload.text).split('\n').slice(1).join('\n')).join('')).toBe(long)
    expect(parts.at(-1)!.payload.reply_markup.inline_keyboard.flat()[0].callback_data).toBe(`my:write:${request(h).id}`)

    // lawyer.message with a photo and a 1,024-character caption: the copy keeps the header, the text follows.
    mark = h.mark()
    const caption = 'Д'.repeat(1024)
    await h.driver.sendPhoto('contract', caption, onCard())
    expect(await h.flush()).toBe(0)
    const [copy, followUp] = h.since(mark).filter((c) => Number(c.payload.chat_id) === MIGRANT)
    expect(copy!.method).toBe('copyMessage')
    expect(visible(copy!.payload.caption).length).toBeLessThanOrEqual(1024)
    expect(visible(followUp!.payload.text)).toContain(caption)

    // relay.edit to the person at 4,096 characters: clipped with "…" (an edit cannot be split).
    await h.driver.send('короткий', onCard())
    const shortId = h.driver.lastOwnMessageId()!
    expect(await h.flush()).toBe(0)
    mark = h.mark()
    await h.driver.editMessage(shortId, `${MATH}${'ж'.repeat(4095)}`)
    expect(await h.flush()).toBe(0)
    const edit = h.since(mark).find((c) => c.method === 'editMessageText')!
    expect(visible(edit.payload.text).length).toBe(4096)
    expect(visible(edit.payload.text).endsWith('…')).toBe(true)

    // request.message: the migrant's photo with a 1,024-character caption, and a long text in emoji.
    h.driver.as(MIGRANT)
    mark = h.mark()
    await h.driver.sendPhoto('receipt', `${EMOJI}${'к'.repeat(1022)}`, h.driver.replyTo((parts[0]!.result as { message_id: number }).message_id))
    await h.driver.reply(EMOJI.repeat(2048))
    expect(await h.flush()).toBe(0)
    const group = h.since(mark).filter((c) => Number(c.payload.chat_id) === LAWYERS_CHAT_ID && c.method !== 'setMessageReaction')
    for (const c of group) expect(visible(c.payload.text ?? c.payload.caption).length).toBeLessThanOrEqual(c.payload.caption !== undefined ? 1024 : 4096)
    expect(group.some((c) => c.method === 'copyMessage')).toBe(true)

    // Everything delivered, nothing failed or waiting.
    expect(h.db.select().from(outbox).all().filter((r) => r.deliveredAt === null || r.lastError !== null)).toEqual([])
  })

  it('keeps a card within 4,096 with 21 conflicting open requests, and says how many more', async () => {
    const h = await createTestBot()
    const now = new Date('2026-11-25T08:00:00Z')
    for (let i = 0; i < 21; i++) {
      submitLegalRequest(h.db, { forWhom: 'family', subjectName: 'Азамат Бакиров', topic: 'work', urgency: 'normal', city: 'kazan', description: MATH.repeat(2500), attachments: [], safeToContact: true, contactPhone: '+7 912 345 67 89' }, { userId: 7000 + i, chatId: 7000 + i, language: 'ru', sourceUpdateId: `c-${i}`, now })
    }
    expect(await h.flush()).toBe(0)
    const cards = h.telegram.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID)
    expect(cards).toHaveLength(21)
    const last = visible(cards.at(-1)!.payload.text)
    expect(last.length).toBeLessThanOrEqual(4096)
    expect(last).toContain('… и ещё возможных конфликтов: 15')
  })
})
