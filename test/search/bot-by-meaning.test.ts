/**
 * Search by meaning through the real bot: a person describes what happened, in everyday words that are in no
 * article's title or keywords, and the first answer is the article that helps.
 */
import { describe, expect, it } from 'vitest'
import { createTestBot, startAs } from '../helpers/bot-harness.js'

describe('search by meaning in the chat', () => {
  it.each([
    ['ru', 'муж бьёт меня', 'discrimination-violence'],
    ['ky', 'kuyoom meni urat', 'discrimination-violence'],
    ['uz', 'xojayin pasportimni olib qoydi', 'passport-withheld'],
    ['tg', 'моро дар сех маҳкам карда кор мефармоянд', 'forced-labour'],
    ['en', 'bank froze my card and says i am on a list', 'controlled-persons'],
  ])('in %s, “%s” answers with %s first, in the user’s language', async (lang, question, id) => {
    const h = await createTestBot()
    await startAs(h, 5105, lang)
    await h.driver.send(question)
    const buttons = h.driver.buttons()
    expect(buttons[0]?.callbackData).toBe(`r:a:${id}`)
    expect(buttons[0]?.label).toBe(`📖 ${h.content().articles.get(id, lang as 'ru')!.title}`)
  })
})
