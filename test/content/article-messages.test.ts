import { describe, expect, it } from 'vitest'
import { articleText } from '../../src/bot/features/rights.js'
import { ARTICLE_CATEGORIES, LANGUAGES, loadArticles } from '../../src/content/articles.js'
import { createI18n, LOCALES_DIR } from '../../src/i18n.js'
import { htmlToText } from '../../src/transport/local-chat.js'

const articles = loadArticles(LOCALES_DIR)
const ALLOWED_TAGS = new Set(['b', 'i', 'u', 's', 'a', 'code', 'blockquote'])

describe('the article base', () => {
  it('has every fixed id in all five languages', () => {
    const ids = ARTICLE_CATEGORIES.flatMap((c) => c.articleIds)
    expect(ids).toHaveLength(32)
    for (const lang of LANGUAGES) {
      expect(articles.filter((a) => a.lang === lang).map((a) => a.id).sort()).toEqual([...ids].sort())
    }
  })

  it('keeps each article in its category and gives it sources and a checked date', () => {
    for (const a of articles) {
      const category = ARTICLE_CATEGORIES.find((c) => (c.articleIds as readonly string[]).includes(a.id))
      expect(a.category, `${a.lang}/${a.id}`).toBe(category?.id)
      expect(a.sources.length, `${a.lang}/${a.id}`).toBeGreaterThan(0)
      expect(a.keywords.length, `${a.lang}/${a.id}`).toBeGreaterThanOrEqual(10)
    }
  })

  it('keeps each article short enough for a cheap phone (about 2,500 characters of text)', () => {
    const long = articles.filter((a) => htmlToText(a.body).length > 2600).map((a) => `${a.lang}/${a.id}`)
    expect(long).toEqual([])
  })

  it('sends every article as one valid Telegram HTML message within the 4096-character limit', async () => {
    const i18n = await createI18n()
    for (const a of articles) {
      const html = articleText({ t: i18n.getFixedT(a.lang), clock: () => new Date('2026-11-25') }, a)
      const where = `${a.lang}/${a.id}`
      expect(htmlToText(html).length, where).toBeLessThanOrEqual(4096)
      const stack: string[] = []
      for (const [, closing, name] of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
        expect(ALLOWED_TAGS.has(name!), `${where}: <${name}>`).toBe(true)
        if (closing) expect(stack.pop(), `${where}: </${name}>`).toBe(name)
        else stack.push(name!)
      }
      expect(stack, where).toEqual([])
      expect(html.replace(/<[^>]+>/g, '').match(/&(?!(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);)/gi), `${where}: bare &`).toBeNull()
    }
  })
})
