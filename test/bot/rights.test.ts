import { describe, expect, it } from 'vitest'
import { articleFeedback, legalRequests } from '../../src/db/schema.js'
import { createTestBot, startAs } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

describe('know your rights: browsing', () => {
  it('goes menu → category → article → back, editing one message in place', async () => {
    const h = await createTestBot()
    await startAs(h, 5000, 'ru')
    await h.driver.press('Знай свои права')
    const menuMessage = h.telegram.calls.at(-1)!
    expect(h.driver.buttons().map((b) => b.label)).toContain('🛠 Работа')
    await h.driver.press('Работа')
    await h.driver.press('Не платят зарплату')
    const article = h.telegram.calls.at(-1)!
    expect(article.method).toBe('editMessageText')
    expect(article.payload.message_id).toBe((menuMessage.result as any).message_id)
    expect(h.lastText()).toMatch(/^Не платят зарплату\n/)
    expect(h.lastText()).toContain('📅 Проверено: 23.11.2026')
    expect(h.lastText()).toContain('Это информация, а не юридическая консультация')
    expect(h.driver.buttons().map((b) => b.label)).toEqual(['👍', '👎', '⚖️ Спросить юриста об этом', '📤 Поделиться', '⬅️ Назад'])
    await h.driver.press('Назад')
    expect(h.lastText()).toBe('🛠 Работа')
    await h.driver.press('Назад')
    expect(h.lastText()).toMatch(/^Знай свои права/)
  })

  it('opens the hotlines article from Emergency numbers in one tap', async () => {
    const h = await createTestBot()
    await startAs(h, 5001, 'ky')
    await h.driver.pressData('menu:emergency')
    expect(h.lastText()).toContain('112')
    expect(h.lastText()).toMatch(new RegExp(`^${h.content().articles.get('hotlines', 'ky')!.title}`))
  })

  it('marks an article older than a year as possibly out of date', async () => {
    const h = await createTestBot({ now: new Date('2027-12-01T10:00:00Z') })
    await startAs(h, 5002, 'en')
    await h.driver.send('/emergency')
    expect(h.lastText()).toContain('it may be out of date')
  })

  it('records 👍/👎 per article and language without the user, once per message', async () => {
    const h = await createTestBot()
    await startAs(h, 5003, 'tg')
    await h.driver.send('/emergency')
    await h.driver.press('👎')
    expect(h.driver.buttons().map((b) => b.label)).not.toContain('👍')
    expect(h.db.select().from(articleFeedback).all()).toMatchObject([{ articleId: 'hotlines', language: 'tg', helpful: 0, notHelpful: 1 }])
    await h.driver.pressCallback('r:f:no-such-article:1')
    expect(h.db.select().from(articleFeedback).all()).toHaveLength(1)
  })

  it('starts a legal aid request with the article’s topic from “Ask a lawyer about this”', async () => {
    const h = await createTestBot()
    await startAs(h, 5004, 'ru')
    await h.driver.send('/rights')
    await h.driver.press('Полиция')
    await h.driver.press(h.content().articles.get('detention', 'ru')!.title)
    await h.driver.press('Спросить юриста об этом')
    await fileRequest(h, {}, { start: false, topicPrefilled: true })
    expect(h.db.select().from(legalRequests).all()).toMatchObject([{ topic: 'police', articleId: 'detention' }])
  })
})

describe('know your rights: search in people’s own words', () => {
  it.each([
    ['ru', 'забрали паспорт на работе', 'passport-withheld'],
    ['ru', 'zarplatu ne platyat', 'unpaid-wages'],
    ['ky', 'айлыгымды 3 айдан бери бербей жатат', 'unpaid-wages'],
    ['uz', 'ish haqimni bermayapti', 'unpaid-wages'],
    ['ky', 'жолокпул уй булого комок', 'benefit-family-support'],
  ])('in %s, “%s” finds %s first, in the user’s language', async (lang, question, id) => {
    const h = await createTestBot()
    await startAs(h, 5005, lang)
    await h.driver.send(question)
    const buttons = h.driver.buttons()
    expect(buttons[0]?.callbackData).toBe(`r:a:${id}`)
    expect(buttons[0]?.label).toBe(`📖 ${h.content().articles.get(id, lang as 'ru')!.title}`)
    expect(buttons.at(-1)?.callbackData).toBe(`r:l:${id}`)
  })

  it('never fails on hostile input and offers a lawyer when nothing matches', async () => {
    const h = await createTestBot()
    await startAs(h, 5006, 'en')
    for (const q of ['"*" NEAR(a b) -x AND OR ()', '😀😀😀', 'qqqqzzzz', 'ы'.repeat(10_000)]) {
      const mark = h.mark()
      await h.driver.send(q)
      expect(h.since(mark)).toHaveLength(1)
    }
    await h.driver.send('fjfjfj qpqpqp zxzxzx')
    expect(h.lastText()).toBe(h.t('en', 'rights:noResults'))
  })

  it('answers a greeting with the menu rather than "no article found"', async () => {
    const h = await createTestBot()
    await startAs(h, 5009, 'ky')
    await h.driver.send('салам')
    expect(h.lastText()).toBe(h.t('ky', 'menu.title'))
    expect(h.driver.buttons()).toHaveLength(7)
  })
})

describe('sharing', () => {
  it('answers inline queries in the asker’s language with a button into the bot', async () => {
    const h = await createTestBot()
    await startAs(h, 5007, 'uz')
    await h.driver.inlineQuery('patent')
    const answer = h.telegram.calls.at(-1)!
    expect(answer.method).toBe('answerInlineQuery')
    const [first] = answer.payload.results
    expect(first.id).toBe('patent')
    expect(first.title).toBe(h.content().articles.get('patent', 'uz')!.title)
    expect(first.input_message_content.message_text).toContain(h.i18n.t('rights:checked', { lng: 'uz', date: '23.11.2026' }))
    expect(first.reply_markup.inline_keyboard[0][0].url).toBe('https://t.me/joldosh_bot?start=a_patent')
  })

  it('opens the shared article from the deep link', async () => {
    const h = await createTestBot()
    await startAs(h, 5008, 'ru')
    await h.driver.send('/start a_patent')
    expect(h.lastText()).toMatch(new RegExp(`^${h.content().articles.get('patent', 'ru')!.title}`))
  })
})
