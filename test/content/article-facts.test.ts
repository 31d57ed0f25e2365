import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE_CATEGORIES, LANGUAGES, loadArticles, parseArticle } from '../../src/content/articles.js'
import { LOCALES_DIR } from '../../src/i18n.js'

const articles = loadArticles(LOCALES_DIR)
const REFERENCE = join(LOCALES_DIR, '..', '..', 'shared', 'reference')

/** Every fact id the reference holds: `- **REG-1**` in the law file, `| S02 |` in the benefits sources table. */
function referenceIds(): Set<string> {
  const law = readFileSync(join(REFERENCE, 'russia-migrants-law.md'), 'utf8')
  const benefits = readFileSync(join(REFERENCE, 'kyrgyz-benefits.md'), 'utf8')
  return new Set([...law.matchAll(/^- \*\*([A-Z]{2,3}-\d+)\*\*/gm), ...benefits.matchAll(/^\| (S\d+) \|/gm)].map((m) => m[1]!))
}
const known = referenceIds()

/** Every article cites its facts by id. */
const CITING: readonly string[] = ARTICLE_CATEGORIES.flatMap((c) => c.articleIds)

/** What the review found unsourced: each of these facts needs its own listed source. */
const REVIEWED = {
  'migration-card': ['MC-3', 'MC-8'],
  'stay-periods': ['SP-5', 'SP-16'],
  'entry-ban': ['SP-18', 'EB-5'],
  'eaeu-workers': ['REG-3'],
  'controlled-persons': ['AM-4'],
} as const

/** Why an article's facts and its sources do not match; empty when every cited fact has a listed source. */
function unsourced(a: { facts?: string[]; sourceFacts?: string[] }): string[] {
  const tagged = new Set(a.sourceFacts ?? [])
  return [
    ...(a.facts ?? []).filter((id) => !known.has(id)).map((id) => `${id}: no such fact in the reference`),
    ...(a.facts ?? []).filter((id) => !tagged.has(id)).map((id) => `${id}: cited, but no listed source backs it`),
    ...[...tagged].filter((id) => !(a.facts ?? []).includes(id)).map((id) => `${id}: a source backs it, but "facts" does not list it`),
  ]
}

describe('an article that cites a fact lists the fact’s source', () => {
  it('reads the reference', () => {
    expect(known.has('REG-1') && known.has('SP-18') && known.has('S02')).toBe(true)
  })

  it('covers all 32 articles', () => expect(CITING).toHaveLength(32))

  it.each(articles.filter((a) => CITING.includes(a.id)).map((a) => [`${a.lang}/${a.id}`, a] as const))('%s', (_, a) => {
    expect(a.facts, 'facts').toBeDefined()
    expect(unsourced(a)).toEqual([])
    const ru = articles.find((r) => r.lang === 'ru' && r.id === a.id)!
    expect(a.facts, 'the same facts in every language').toEqual(ru.facts)
  })

  it.each(Object.entries(REVIEWED))('%s lists a source for %s', (id, ids) => {
    for (const lang of LANGUAGES) {
      const a = articles.find((x) => x.lang === lang && x.id === id)!
      expect(a.facts).toEqual(expect.arrayContaining([...ids]))
      expect(a.sourceFacts).toEqual(expect.arrayContaining([...ids]))
    }
  })

  it('fails a fact cited without its source, and shows sources without their fact ids', () => {
    const text = (facts: string) =>
      `---\ntitle: T\ncategory: work\nkeywords: [a]\nsources:\n  - "ФЗ-115 ст. 13.3 [PT-1]"\nfacts: [${facts}]\nchecked: 2026-11-23\n---\nBody`
    const ok = parseArticle(text('PT-1'), 'x.md', 'patent', 'ru')
    expect(ok.sources).toEqual(['ФЗ-115 ст. 13.3'])
    expect(unsourced(ok)).toEqual([])
    expect(unsourced(parseArticle(text('PT-1, PT-6'), 'x.md', 'patent', 'ru'))).toEqual(['PT-6: cited, but no listed source backs it'])
    expect(unsourced(parseArticle(text('PT-1, XX-99'), 'x.md', 'patent', 'ru'))[0]).toMatch(/XX-99: no such fact/)
    expect(() => parseArticle(text('later'), 'x.md', 'patent', 'ru')).toThrow(/bad fact id/)
  })
})
