import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTICLE_CATEGORIES, LANGUAGES, loadArticles, type Article } from '../../src/content/articles.js'
import { ArticleSearch, buildMatchQuery, MAX_QUERY_CHARS } from '../../src/search/article-search.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'locales')

describe('loadArticles', () => {
  const articles = loadArticles(FIXTURES)

  it('reads every fixture with its front matter', () => {
    expect(articles.length).toBe(10)
    const ru = articles.find((a) => a.id === 'unpaid-wages' && a.lang === 'ru')!
    expect(ru).toMatchObject({
      title: 'Не платят зарплату',
      category: 'work',
      keywords: ['зарплата', 'задержка зарплаты', 'кинули с деньгами'],
      sources: ['ТК РФ ст. 136, 142 (fixture)'],
      checked: '2026-11-23',
    })
    expect(ru.status).toBeUndefined()
    expect(ru.body.startsWith('<b>Правило.</b>')).toBe(true)
    expect(articles.find((a) => a.id === 'lost-passport' && a.lang === 'ky')!.status).toBe('changed')
    // numbers in YAML lists come back as text
    expect(articles.find((a) => a.id === 'hotlines')!.keywords).toContain('112')
  })

  it('sorts by language, then category order', () => {
    const langs = articles.map((a) => LANGUAGES.indexOf(a.lang))
    expect(langs).toEqual([...langs].sort((a, b) => a - b))
    expect(articles.filter((a) => a.lang === 'ru').map((a) => a.id)).toEqual([
      'registration',
      'lost-passport',
      'unpaid-wages',
    ])
  })

  it('exports the fixed categories', () => {
    expect(ARTICLE_CATEGORIES.map((c) => c.id)).toEqual(['documents', 'work', 'police', 'life', 'family', 'help'])
    expect(ARTICLE_CATEGORIES.flatMap((c) => c.articleIds)).toHaveLength(32)
  })

  describe('validation', () => {
    let dir: string
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'joldosh-articles-'))
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    const good = {
      title: 'T',
      category: 'work',
      keywords: '\n  - a',
      sources: '\n  - "S"',
      checked: '2026-11-23',
    }
    function write(name: string, fields: Record<string, string | undefined>, body = 'Body'): string {
      const root = join(dir, name)
      const file = join(root, 'ru', 'articles', 'x.md')
      mkdirSync(dirname(file), { recursive: true })
      const fm = Object.entries({ ...good, ...fields })
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}:${v!.startsWith('\n') ? '' : ' '}${v}`)
        .join('\n')
      writeFileSync(file, `---\n${fm}\n---\n${body}\n`)
      return root
    }

    it('accepts a good file', () => {
      expect(loadArticles(write('ok', {}))).toHaveLength(1)
    })
    it('unknown category throws naming the file', () => {
      expect(() => loadArticles(write('cat', { category: 'weather' }))).toThrow(/x\.md.*unknown category/)
    })
    it.each(['title', 'category', 'keywords', 'sources', 'checked'])('missing %s throws', (field) => {
      expect(() => loadArticles(write(`miss-${field}`, { [field]: undefined }))).toThrow(
        new RegExp(`x\\.md.*missing field "${field}"`),
      )
    })
    it.each(['2026-13-01', '2026-02-30', '23.11.2026', 'soon', '2026-1-5'])('bad date %s throws', (date) => {
      expect(() => loadArticles(write(`date-${date}`, { checked: date }))).toThrow(/x\.md.*bad date/)
    })
    it('unknown status throws', () => {
      expect(() => loadArticles(write('status', { status: 'maybe' }))).toThrow(/x\.md.*status/)
    })
    it('missing front matter throws', () => {
      const root = join(dir, 'nofm')
      mkdirSync(join(root, 'en', 'articles'), { recursive: true })
      writeFileSync(join(root, 'en', 'articles', 'y.md'), 'just text')
      expect(() => loadArticles(root)).toThrow(/y\.md.*front matter/)
    })
    it('a missing locales folder gives no articles', () => {
      expect(loadArticles(join(dir, 'nothing-here'))).toEqual([])
    })
  })
})

describe('ArticleSearch', () => {
  let articles: Article[]
  let search: ArticleSearch
  beforeAll(() => {
    articles = loadArticles(FIXTURES)
    search = new ArticleSearch(articles)
  })
  afterAll(() => search.close())

  const top = (q: string, lang: (typeof LANGUAGES)[number]) => search.search(q, lang)[0]?.id

  it('finds articles from real-world phrasing', () => {
    expect(top('zarplatu ne platyat', 'ru')).toBe('unpaid-wages')
    expect(top('айлыгымды бербей жатат', 'ky')).toBe('unpaid-wages')
    expect(top('ish haqimni bermayapti', 'uz')).toBe('unpaid-wages')
    expect(top('украли паспорт', 'ru')).toBe('lost-passport')
    expect(top('паспорт дуздида шуд', 'tg')).toBe('lost-passport')
    expect(top('propiska', 'ru')).toBe('registration')
    expect(top('роʻйхатдан ўтиш', 'uz')).toBe('registration')
    expect(top('regstratsiya', 'uz')).toBe('registration')
  })

  it('tolerates typos and missing letters', () => {
    expect(top('регстрация', 'ru')).toBe('registration')
    expect(top('пасспорт потерял', 'ru')).toBe('lost-passport')
    expect(top('zarplta', 'ru')).toBe('unpaid-wages')
  })

  it('finds nothing for greetings, filler and gibberish', () => {
    for (const q of ['hello', 'how are you', 'салам', 'привет', 'спасибо', 'рахмат', 'ok thanks', 'asdfgh', 'qqqq zzzz'])
      expect(search.search(q, 'ru'), q).toEqual([])
  })

  it('returns one entry per article id, best first, with positive scores', () => {
    const r = search.search('паспорт зарплата регистрация', 'ru', 10)
    expect(new Set(r.map((x) => x.id)).size).toBe(r.length)
    for (let i = 1; i < r.length; i++) expect(r[i - 1]!.score).toBeGreaterThanOrEqual(r[i]!.score)
    for (const x of r) expect(x.score).toBeGreaterThan(0)
  })

  it('respects the limit', () => {
    expect(search.search('паспорт зарплата регистрация', 'ru', 1)).toHaveLength(1)
    expect(search.search('паспорт зарплата регистрация', 'ru').length).toBeLessThanOrEqual(3)
    expect(search.search('паспорт', 'ru', 0)).toEqual([])
  })

  it('gives the title in the user language, falling back to Russian', () => {
    expect(search.search('зарплата', 'ky')[0]).toMatchObject({ id: 'unpaid-wages', title: 'Айлык төлөнбөй жатат' })
    expect(search.search('зарплата', 'en')[0]).toMatchObject({ id: 'unpaid-wages', title: 'Unpaid wages' })
    // lost-passport has no English fixture: Russian title
    expect(search.search('потерял паспорт', 'en')[0]).toMatchObject({ id: 'lost-passport', title: 'Потерял паспорт' })
    // registration has no Tajik fixture: Russian title
    expect(search.search('registratsiya', 'tg')[0]).toMatchObject({ id: 'registration', title: 'Регистрация по месту пребывания' })
  })

  it('ranks a match in the user language above an equal match in another language', () => {
    const mk = (id: string, lang: Article['lang']): Article => ({
      id,
      lang,
      title: 'Общая тема',
      category: 'help',
      keywords: ['консультация'],
      sources: ['s'],
      checked: '2026-01-01',
      body: 'Текст про консультацию.',
    })
    const s = new ArticleSearch([mk('a', 'ru'), mk('b', 'ky')])
    try {
      expect(s.search('консультация', 'ky').map((r) => r.id)).toEqual(['b', 'a'])
      expect(s.search('консультация', 'ru').map((r) => r.id)).toEqual(['a', 'b'])
    } finally {
      s.close()
    }
  })

  it('empty and blank queries give []', () => {
    for (const q of ['', '   ', '\n\t', '!!!', '😀😀', '«»—…']) expect(search.search(q, 'ru')).toEqual([])
  })

  const hostile = [
    '"',
    '"""',
    "'",
    '*',
    '***',
    'паспорт*',
    '"паспорт',
    'NEAR',
    'NEAR(паспорт зарплата, 2)',
    'AND',
    'OR OR OR',
    'NOT паспорт',
    'a AND b OR NOT c',
    '-',
    '- паспорт -зарплата',
    '(',
    ')',
    '((паспорт',
    '{title}: паспорт',
    'title:паспорт',
    'body : x',
    '^паспорт',
    '+',
    ':',
    ';DROP TABLE title_fts;--',
    "' OR 1=1 --",
    '\u0000\u0001\u0002',
    '\uD800',
    '🇰🇬🇷🇺 паспорт 💀',
    'a',
    'ab',
    'паспорт'.repeat(2000),
    'x '.repeat(5000),
    'айлык '.repeat(2000),
    'ё'.repeat(10_000),
    'zarplata '.repeat(1200),
    Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' '),
    Array.from({ length: 600 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join(''),
    'https://example.com/?q=' + 'aZ09-_'.repeat(200),
  ]

  it.each(hostile.map((q) => [q.length > 40 ? `${q.slice(0, 40)}… (${q.length} chars)` : q, q]))(
    'never throws on %j',
    (_label, q) => {
      let r: unknown
      expect(() => {
        r = search.search(q, 'ru')
      }).not.toThrow()
      expect(Array.isArray(r)).toBe(true)
    },
  )

  it('never throws on non-string input at runtime', () => {
    expect(search.search(undefined as unknown as string, 'ru')).toEqual([])
    expect(search.search(42 as unknown as string, 'ru')).toEqual([])
    expect(() => search.search('паспорт', 'xx' as never)).not.toThrow()
  })

  it('still finds the article in a long, noisy message', () => {
    const q = `${'салам агай '.repeat(3)} айлыгымды бербей жатат ${'😀'.repeat(50)}`
    expect(top(q, 'ky')).toBe('unpaid-wages')
  })

  it('truncates very long input before searching', () => {
    const q = `паспорт ${'а'.repeat(10_000)}`
    const t0 = performance.now()
    search.search(q, 'ru')
    expect(performance.now() - t0).toBeLessThan(500)
    expect(MAX_QUERY_CHARS).toBeLessThanOrEqual(1000)
  })

  it('builds MATCH expressions only from quoted [a-z0-9 ] terms', () => {
    for (const q of hostile) {
      const m = buildMatchQuery(q)
      if (m === null) continue
      expect(m).toMatch(/^"[a-z0-9 ]{3,4}"(?: OR "[a-z0-9 ]{3,4}")*$/)
    }
    expect(buildMatchQuery('')).toBeNull()
    expect(buildMatchQuery('😀')).toBeNull()
  })

  it('an empty index answers []', () => {
    const empty = new ArticleSearch([])
    try {
      expect(empty.search('паспорт', 'ru')).toEqual([])
      expect(empty.size).toBe(0)
    } finally {
      empty.close()
    }
  })
})
