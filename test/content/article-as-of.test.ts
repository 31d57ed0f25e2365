import { describe, expect, it } from 'vitest'
import { loadArticles, type Article } from '../../src/content/articles.js'
import { LOCALES_DIR } from '../../src/i18n.js'
import { datesIn, isAfter } from './article-dates.js'
import { blocksOf } from './article-numbers.js'

const articles = loadArticles(LOCALES_DIR)

/**
 * The marker of a sentence that says a date lies beyond what our sources know ("this experiment was to end on
 * 1 September 2026; we could not confirm whether it was extended — check at …"). The same sign in every language,
 * so a reader learns it and a test can see it.
 */
export const BEYOND_SOURCES = '⏳'

/** Paragraphs and list lines that name a date after the article's sources without saying so. */
function unmarkedLaterDates(article: Pick<Article, 'body' | 'sourcesAsOf'>): string[] {
  return blocksOf(article.body)
    .filter((block) => !block.includes(BEYOND_SOURCES))
    .flatMap((block) => datesIn(block).filter((d) => isAfter(d, article.sourcesAsOf!)).map((d) => `${d}: «${block.slice(0, 90)}»`))
}

describe('"checked" is not "current": each article says what date its sources are as of', () => {
  it('every article has sources_as_of, no later than when it was checked', () => {
    expect(articles).toHaveLength(160)
    for (const a of articles) expect(a.sourcesAsOf, `${a.lang}/${a.id}`).toMatch(/^\d{4}-\d{2}$/)
  })

  it.each(articles.map((a) => [`${a.lang}/${a.id}`, a] as const))(
    '%s: a date after sources_as_of is in a sentence marked ⏳ that says we could not confirm it',
    (_, article) => {
      expect(unmarkedLaterDates(article)).toEqual([])
    },
  )

  it('reads dates the way each language writes them', () => {
    expect(datesIn('до 1 сентября 2026 г.; с 01.07.2026; в 2027 году')).toEqual(['2026-07', '2026-09', '2027'])
    expect(datesIn('2026-жылдын 30-июнуна чейин; 2026-жылдын октябрынан')).toEqual(['2026-06', '2026-10'])
    expect(datesIn('2026-yil 1-sentyabrgacha; 2026-yil mart holatiga')).toEqual(['2026-09', '2026-03'])
    expect(datesIn('аз 1 июли соли 2026; то 30 июни 2026')).toEqual(['2026-07', '2026-06'])
    expect(datesIn('until 30 June 2026, sources to March 2026')).toEqual(['2026-06', '2026-03'])
  })

  it('fails an article that names a later date without the marked sentence, and passes it with one', () => {
    const asOf = '2026-03'
    expect(unmarkedLaterDates({ sourcesAsOf: asOf, body: 'Эксперимент идёт до 1 сентября 2026 г.' })).toHaveLength(1)
    expect(unmarkedLaterDates({ sourcesAsOf: asOf, body: 'Сумма на январь 2026 г.' })).toEqual([])
    expect(
      unmarkedLaterDates({ sourcesAsOf: asOf, body: '⏳ Эксперимент должен был закончиться 1 сентября 2026 г.; продлён ли он, мы не смогли проверить.' }),
    ).toEqual([])
  })
})
