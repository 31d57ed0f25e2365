import { describe, expect, it } from 'vitest'
import { loadArticles } from '../../src/content/articles.js'
import { LOCALES_DIR } from '../../src/i18n.js'

const articles = loadArticles(LOCALES_DIR)

/**
 * The numbers a text states (amounts, days, years, article numbers), thousands separators folded.
 * A date written 29.10.2024 keeps its year; its day is returned apart, as another language may
 * write "29 October 2024".
 */
function numbersIn(html: string): { numbers: Set<string>; dateDays: Set<string> } {
  const dateDays = new Set<string>()
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\b(\d{1,2})\.\d{2}\.(\d{4})\b/g, (_, day: string, year: string) => {
      dateDays.add(String(Number(day)))
      return ` ${year} `
    })
    .replace(/(\d)[\s\u00a0\u202f,.](?=\d{3}(?!\d))/g, '$1')
  return { numbers: new Set((text.match(/\d+/g) ?? []).map((n) => String(Number(n)))), dateDays }
}

/** A wrong deadline or amount in one language hurts people: every translation states the Russian text's numbers. */
describe('article translations state the same numbers', () => {
  const russian = new Map(articles.filter((a) => a.lang === 'ru').map((a) => [a.id, numbersIn(a.body)]))
  it.each(articles.filter((a) => a.lang !== 'ru').map((a) => [`${a.lang}/${a.id}`, a] as const))('%s', (_, article) => {
    const ru = russian.get(article.id)!
    const own = numbersIn(article.body)
    const dateDay = (n: string) => ru.dateDays.has(n) || own.dateDays.has(n)
    expect([...ru.numbers].filter((n) => !own.numbers.has(n) && !dateDay(n)), 'missing').toEqual([])
    expect([...own.numbers].filter((n) => !ru.numbers.has(n) && !dateDay(n)), 'extra').toEqual([])
  })
})
