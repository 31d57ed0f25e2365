import { describe, expect, it } from 'vitest'
import { auditLog } from '../../src/db/schema.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const PHONE = '+7 912 345 67 89'
const NAME = 'Азамат Бакиров'

async function withCard() {
  const h = await createTestBot()
  await startAs(h, 7400, 'ky')
  await fileRequest(h, { forWhom: 'family', subjectName: NAME, phone: PHONE, safe: 'no' })
  await h.flush()
  return h
}

const contactViews = (h: Awaited<ReturnType<typeof withCard>>) => h.db.select().from(auditLog).all().filter((a) => a.action === 'contact:view')

describe('contact details on a request card', () => {
  it('the card in the group never shows the phone or the name, and offers 📞 instead', async () => {
    const h = await withCard()
    const card = h.telegram.calls.find((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID)!
    expect(card.payload.text).not.toContain(PHONE)
    expect(card.payload.text).not.toContain('912')
    expect(card.payload.text).not.toContain('Азамат')
    expect(card.payload.text).toContain(h.i18n.t('privacy:contact.onCard', { lng: 'ru' }))
    expect(card.payload.reply_markup.inline_keyboard.flat().map((b: any) => b.callback_data)).toContain('d:contact:1')
  })

  it('📞 sends a lawyer the name and phone in a private chat and writes the audit log', async () => {
    const h = await withCard()
    h.driver.as(ADMIN_ID, 'group')
    const mark = h.mark()
    await h.driver.pressData('d:contact:1')
    const sent = h.since(mark)
    expect(sent.filter((c) => Number(c.payload.chat_id) === LAWYERS_CHAT_ID && c.method !== 'answerCallbackQuery')).toEqual([])
    const message = sent.find((c) => c.method === 'sendMessage')!
    expect(Number(message.payload.chat_id)).toBe(ADMIN_ID)
    expect(h.textsSince(mark, ADMIN_ID)[0]).toContain(`Телефон: ${PHONE}`)
    expect(h.textsSince(mark, ADMIN_ID)[0]).toContain(`Имя: ${NAME}`)
    expect(h.textsSince(mark, ADMIN_ID)[0]).toContain(h.t('ru', 'desk:card.careful'))
    expect(sent.find((c) => c.method === 'answerCallbackQuery')?.payload.text).toBe(h.t('ru', 'privacy:contact.sent', { reference: 'JO-2026-00001' }))
    expect(contactViews(h)).toMatchObject([{ actorId: ADMIN_ID, requestId: 1, detail: 'group' }])
  })

  it('refuses anyone who is not a lawyer, in the group or with a forged button in a private chat', async () => {
    const h = await withCard()
    for (const where of ['group', 'private'] as const) {
      h.driver.as(4242, where)
      const mark = h.mark()
      await h.driver.pressCallback('d:contact:1')
      expect(h.since(mark).map((c) => c.method)).toEqual(['answerCallbackQuery'])
      expect(JSON.stringify(h.since(mark))).not.toContain('912')
    }
    expect(contactViews(h)).toEqual([])
  })

  it('asks a lawyer who never opened a private chat with the bot to do so, and audits nothing', async () => {
    const h = await withCard()
    h.driver.as(ADMIN_ID, 'group')
    h.telegram.failNext('sendMessage', 'blocked')
    const mark = h.mark()
    await h.driver.pressData('d:contact:1')
    expect(h.since(mark).map((c) => [c.method, c.payload.text])).toEqual([['answerCallbackQuery', h.t('ru', 'privacy:contact.openPrivate')]])
    expect(contactViews(h)).toEqual([])
  })
})
