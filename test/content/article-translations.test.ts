import { describe, expect, it } from 'vitest'
import { loadArticles, type Article } from '../../src/content/articles.js'
import { LOCALES_DIR } from '../../src/i18n.js'
import { articleNumbers, type NumberBlock } from './article-numbers.js'

const articles = loadArticles(LOCALES_DIR)

/**
 * Blocks where Kyrgyz, Uzbek or Tajik grammar puts the numbers in another order than Russian ("for a child under 3,
 * 3,000 som" against «3 000 сом на ребёнка до 3 лет"). Each entry is the translation's own order, checked by a
 * person against the Russian text; the block must still hold exactly the Russian numbers.
 */
const WORD_ORDER: Record<string, string[]> = {
  'ky/stay-periods': ['90,90,115,5,180,90'],
  'uz/stay-periods': ['90,90,115,5,180,90'],
  'ky/benefit-family-support': ['3,3,3000'],
  'uz/benefit-family-support': ['3,3,3000'],
  ...Object.fromEntries(
    ['ky', 'uz', 'tg'].flatMap((lang) => [
      [`${lang}/benefit-young-children`, ['1,3,1200,1,3,3,3000', '3,3,3000']],
      [`${lang}/pension-kg`, ['1,7100,1']],
      [`${lang}/children-left-behind`, ['16,1200', '1,3,1200', '3,3,3000']],
    ]),
  ),
}

const sorted = (xs: string[]) => [...xs].sort().join(',')

/** What differs between a translated article and the Russian one, block by block; empty when they agree. */
export function numberDifferences(ru: NumberBlock[], own: NumberBlock[], wordOrder: string[] = []): string[] {
  if (ru.length !== own.length) return [`${own.length} paragraphs and list lines, Russian has ${ru.length}`]
  const out: string[] = []
  ru.forEach((r, i) => {
    const o = own[i]!
    const inOrder = r.numbers.join(',') === o.numbers.join(',')
    const reordered = wordOrder.includes(o.numbers.join(',')) && sorted(r.numbers) === sorted(o.numbers)
    if (!inOrder && !reordered) out.push(`block ${i + 1}: numbers ${o.numbers.join(' ')}, Russian ${r.numbers.join(' ')} — «${o.text.slice(0, 80)}»`)
    if (r.years.join(',') !== o.years.join(',')) out.push(`block ${i + 1}: years ${o.years.join(' ')}, Russian ${r.years.join(' ')}`)
  })
  return out
}

const russian = new Map(articles.filter((a) => a.lang === 'ru').map((a) => [a.id, articleNumbers(a.body)]))
const differences = (a: Article) => numberDifferences(russian.get(a.id)!, articleNumbers(a.body), WORD_ORDER[`${a.lang}/${a.id}`])

/**
 * A wrong deadline or amount in one language hurts people: every paragraph and list line of a translation states
 * the Russian text's numbers, in the same order.
 */
describe('article translations state the same numbers, paragraph by paragraph, in order', () => {
  it.each(articles.filter((a) => a.lang !== 'ru').map((a) => [`${a.lang}/${a.id}`, a] as const))('%s', (_, article) => {
    expect(differences(article)).toEqual([])
  })

  it('catches a deadline changed to a number the article uses elsewhere (Uzbek registration, 15 → 30 days)', () => {
    const uz = articles.find((a) => a.lang === 'uz' && a.id === 'registration')!
    const wrong = { ...uz, body: uz.body.replace('Oʻzbekiston — 15 kun', 'Oʻzbekiston — 30 kun') }
    expect(wrong.body).not.toBe(uz.body)
    expect(uz.body).toContain('30 kun') // 30 is stated elsewhere, so a set of numbers would not notice
    expect(differences(wrong).join('\n')).toMatch(/numbers 30.*Russian 15/)
  })

  it('catches two numbers swapped inside one line', () => {
    const ky = articles.find((a) => a.lang === 'ky' && a.id === 'registration')!
    const ru = russian.get('registration')!
    const block = articleNumbers(ky.body).findIndex((b) => b.numbers.length >= 2 && new Set(b.numbers).size >= 2)
    const swapped = articleNumbers(ky.body).map((b, i) => (i === block ? { ...b, numbers: [...b.numbers].reverse() } : b))
    expect(numberDifferences(ru, swapped)).not.toEqual([])
  })
})
