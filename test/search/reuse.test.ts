/**
 * One search keeps scratch buffers between questions (scores, hit marks, trigram counts): a question must get the
 * same answer whatever was asked before it, as from a search that has answered nothing yet.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadArticles, type Language } from '../../src/content/articles.js'
import { ArticleSearch } from '../../src/search/article-search.js'
import { skeleton } from '../../src/search/normalise.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const articles = loadArticles(join(HERE, 'fixtures', 'locales'))
const questions = readFileSync(join(HERE, 'questions.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { lang: Language; q: string })
  .filter((_x, i) => i % 7 === 0)
// Long questions (more words than a query keeps), one-letter and two-letter words, nothing searchable.
const odd: { lang: Language; q: string }[] = [
  { lang: 'ru', q: 'паспорт регистрация патент работа зарплата полиция суд депортация въезд выезд штраф налог врач больница школа дети жена муж' },
  { lang: 'ru', q: 'я 90 дней а не 30' },
  { lang: 'en', q: '😀 ??? ...' },
  { lang: 'ky', q: '' },
]

describe('a search reused question after question', () => {
  const reused = new ArticleSearch(articles)
  const all = [...questions, ...odd]

  it('answers each question as a fresh search does, in any order', () => {
    const fresh = all.map(({ q, lang }) => {
      const search = new ArticleSearch(articles)
      return { results: search.search(q, lang, 5), why: search.explainRanking(q, lang, 5) }
    })
    for (const order of [all.map((_x, i) => i), all.map((_x, i) => all.length - 1 - i)]) {
      for (const i of order) {
        const { q, lang } = all[i]!
        expect(reused.search(q, lang, 5), q).toEqual(fresh[i]!.results)
        expect(reused.explainRanking(q, lang, 5), q).toEqual(fresh[i]!.why)
      }
    }
    expect(fresh.filter((f) => f.results.length > 0).length).toBeGreaterThan(questions.length / 2)
  })
})

describe('skeleton() remembering the last text it folded', () => {
  it('gives each text its own skeleton, asked in turn and again', () => {
    const texts = ['Паспорт', 'пасспорт', 'Zarplata', 'зарплата', 'Паспорт', 'Паспорт', '', 'ўғирланди', 'oʻgʻirlandi', 'Паспорт']
    expect(texts.map((t) => skeleton(t))).toEqual(['pasport', 'pasport', 'zarplata', 'zarplata', 'pasport', 'pasport', '', 'ogirlandi', 'ogirlandi', 'pasport'])
  })
})
