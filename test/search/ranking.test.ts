/**
 * The in-memory ranking: bm25.ts must score exactly as SQLite FTS5's bm25() (the search was tuned on FTS5, and the
 * accuracy figures assume the same scores), and `explainRanking` must account for every result's score.
 */
import Database from 'better-sqlite3'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadArticles } from '../../src/content/articles.js'
import { ArticleSearch } from '../../src/search/article-search.js'
import { Bm25Index, type TokenKind } from '../../src/search/bm25.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'locales')

// Padded skeleton text as the search indexes it; "pasport" is in more than half the rows (FTS5 clamps its IDF).
const TEXTS = [
  ' pasport poteral 90 dnei pasport ',
  ' pasport ukrali | vorovstvo | ab ',
  ' registracia po mestu prebivania 90 ',
  ' zarplata ne plativ ab ab 7 ',
  ' pasport registracia pasportnii stol ',
  '  ',
]

/** bm25 of each row for an OR of phrases, from FTS5 (rowid → score, positive). */
function fts5(kind: TokenKind, phrases: string[]): Map<number, number> {
  const db = new Database(':memory:')
  try {
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(text, tokenize = '${kind === 'trigram' ? 'trigram' : 'unicode61'}')`)
    const insert = db.prepare('INSERT INTO t (rowid, text) VALUES (?, ?)')
    TEXTS.forEach((text, i) => insert.run(i, text))
    const match = phrases.map((p) => (p.endsWith('*') ? `"${p.slice(0, -1)}"*` : `"${p}"`)).join(' OR ')
    const rows = db.prepare('SELECT rowid AS row, bm25(t) AS rank FROM t WHERE t MATCH ?').all(match) as { row: number; rank: number }[]
    return new Map(rows.map((r) => [r.row, -r.rank]))
  } finally {
    db.close()
  }
}

function inMemory(kind: TokenKind, phrases: string[]): Map<number, number> {
  const score = new Float64Array(TEXTS.length)
  const hit = new Uint8Array(TEXTS.length)
  new Bm25Index(TEXTS, kind).addBm25(phrases, score, hit)
  return new Map([...hit].flatMap((h, row) => (h ? [[row, score[row]!] as const] : [])))
}

describe('bm25 in memory', () => {
  it.each([
    ['trigram', ['pas', 'asp', 'spo', 'por', 'ort']],
    ['trigram', ['reg', 'gis', 'zar']],
    ['trigram', [' 90 ', 'dne']],
    ['trigram', [' ab ', 'ab ', ' ab']],
    ['trigram', ['xyz', ' 7 ']],
    ['word', ['pasport', '90']],
    ['word', ['pas*', 'regis*', 'ab', 'ab']],
    ['word', ['zarplata', 'nothing', 'st*']],
  ] as [TokenKind, string[]][])('%s %j scores as FTS5 bm25(), to the last bit', (kind, phrases) => {
    const expected = fts5(kind, phrases)
    expect(expected.size).toBeGreaterThan(0)
    expect(inMemory(kind, phrases)).toEqual(expected)
  })
})

describe('explainRanking', () => {
  const search = new ArticleSearch(loadArticles(FIXTURES))

  it.each([
    ['пасспорт потерял', 'ru'],
    ['айлыгымды бербей жатат', 'ky'],
    ['registratsiya 90', 'uz'],
    ['муж бьёт', 'ru'],
  ] as const)('%s: the same results as search(), each score the sum of its parts', (q, lang) => {
    const results = search.search(q, lang, 5)
    const why = search.explainRanking(q, lang, 5)
    expect(why.map((w) => w.id)).toEqual(results.map((r) => r.id))
    for (const w of why) {
      const words = Object.values(w.bm25).reduce((sum, f) => sum + f.trigram + f.word, 0)
      // Parts are rounded to 0.01 each; the coverage factor multiplies that rounding.
      expect(words * w.languageBoost * (1 + 2 * w.coverage) + w.concept).toBeCloseTo(w.score, 0)
      expect(w.lang === null || w.languageBoost === (w.lang === lang ? 1.25 : 1)).toBe(true)
    }
  })

  it('gibberish explains nothing', () => {
    expect(search.explainRanking('qqqq zzzz', 'ru')).toEqual([])
  })
})
