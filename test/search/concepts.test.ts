/**
 * Search by meaning: the concept vocabulary (src/search/concepts/*.ts) and its matcher, then its effect on the
 * ranking, first on fixture articles (with a vocabulary of our own), then on the real articles.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ARTICLE_CATEGORIES, LANGUAGES, loadArticles } from '../../src/content/articles.js'
import { ArticleSearch } from '../../src/search/article-search.js'
import {
  CONCEPTS,
  compileConcepts,
  compilePhrase,
  KNOWN_ARTICLE_IDS,
  matchConcepts,
} from '../../src/search/concepts.js'
import { skeleton } from '../../src/search/normalise.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const ALL = compileConcepts(CONCEPTS)
const ids = (question: string) => matchConcepts(skeleton(question), ALL).map((h) => h.id)

describe('compilePhrase', () => {
  it('folds each word like the question and keeps * as "any ending"', () => {
    expect(compilePhrase('Паспорт* у хозяина')).toEqual([
      { text: 'pasport', prefix: true },
      { text: 'u', prefix: false },
      { text: 'hoziaina', prefix: false },
    ])
    // Uzbek oʻ/gʻ and Kyrgyz/Tajik letters fold away, as in the question
    expect(compilePhrase('oʻgʻirla*')).toEqual([{ text: 'ogirla', prefix: true }])
    expect(compilePhrase('күйөөм ур*')).toEqual(compilePhrase('куйоом ур*'))
    expect(compilePhrase('шавҳарам')).toEqual(compilePhrase('шавхарам'))
    expect(compilePhrase('  ')).toEqual([])
  })
})

describe('matchConcepts', () => {
  const phrases = compileConcepts({ ru: { a: ['муж бьет'], b: ['забрал* паспорт*'], c: ['паспорт*'] } })

  it('needs every word of a phrase, in any order; * allows any ending, a plain word must be whole', () => {
    const hit = (q: string) => matchConcepts(skeleton(q), phrases).map((h) => h.id)
    expect(hit('муж меня бьет')).toEqual(['a'])
    expect(hit('бьет муж')).toEqual(['a'])
    expect(hit('муж бьется')).toEqual([]) // "бьет" is not a prefix phrase
    expect(hit('муж пришёл')).toEqual([])
    expect(hit('паспорт забрали на работе')).toEqual(['b', 'c']) // the longer phrase first
    expect(hit('')).toEqual([])
  })

  it('counts evidence in question words: two phrases on the same word are one, a phrase on another word adds', () => {
    const v = compileConcepts({ tg: { card: ['миграционка*', 'миграционк*'], lost: ['гум кардам', 'гум'] } })
    const strength = (q: string) => Object.fromEntries(matchConcepts(skeleton(q), v).map((h) => [h.id, h.strength]))
    expect(strength('миграционка гум кардам')).toEqual({ card: 1, lost: 2 })
    const w = compileConcepts({ ru: { x: ['паспорт* забрал*', 'хозяин*'] } })
    expect(matchConcepts(skeleton('хозяин забрал паспорт'), w)[0]!.strength).toBe(2.5)
  })

  it('a stem still matches when the ending merges with its last letter (beat* = beats)', () => {
    const v = compileConcepts({ en: { violence: ['beat*'] } })
    expect(matchConcepts(skeleton('he beats me'), v).map((h) => h.id)).toEqual(['violence'])
    expect(matchConcepts(skeleton('he bets'), v)).toEqual([])
  })

  it('is a pure function of the folded text', () => {
    const text = skeleton('Бригадир забрал паспорт, муж бьет')
    const first = matchConcepts(text, phrases)
    expect(matchConcepts(text, phrases)).toEqual(first)
    expect(matchConcepts(text, [...phrases].reverse())).toEqual(first)
  })

  it('matches the real vocabulary in every language, script and translit', () => {
    const violence = 'discrimination-violence'
    expect(ids('муж бьёт меня')).toContain(violence)
    expect(ids("muzh b'et menya")).toContain(violence) // Russian typed in Latin
    expect(ids('күйөөм урат')).toContain(violence)
    expect(ids('kuyoom urat')).toContain(violence) // Kyrgyz in Latin, no ө/ү
    expect(ids('erim uradi')).toContain(violence)
    expect(ids('эрим уради')).toContain(violence) // Uzbek in Cyrillic
    expect(ids('шавҳарам мезанад')).toContain(violence)
    expect(ids('шавхарам мезанад')).toContain(violence) // Tajik without ҳ
    expect(ids('my husband hits me')).toContain(violence)
    expect(ids('xoʻjayin pasportimni olib qoʻydi')[0]).toBe('passport-withheld')
    expect(ids('xojayin pasportimni olib qoydi')[0]).toBe('passport-withheld') // no oʻ
    expect(ids('как дела')).toEqual([])
  })
})

describe('the concept vocabulary', () => {
  it('names only real articles, and every article in all five languages', () => {
    for (const lang of LANGUAGES) {
      const terms = CONCEPTS[lang]
      expect(terms, lang).toBeDefined()
      for (const id of Object.keys(terms!)) expect(KNOWN_ARTICLE_IDS.has(id), `${lang}: ${id}`).toBe(true)
      for (const c of ARTICLE_CATEGORIES)
        for (const id of c.articleIds) expect(terms![id]?.length ?? 0, `${lang}: ${id}`).toBeGreaterThan(0)
    }
  })

  it('has no empty, duplicated or too-short phrases (a short stem would match unrelated words)', () => {
    const seen = new Set<string>()
    for (const p of ALL) {
      const key = `${p.lang} ${p.id} ${p.words.map((w) => w.text + (w.prefix ? '*' : '')).join(' ')}`
      expect(seen.has(key), key).toBe(false)
      seen.add(key)
      for (const w of p.words) if (w.prefix) expect(w.text.length, `${key} (${p.source})`).toBeGreaterThanOrEqual(3)
      // One word alone with "any ending" must be a long stem: 'манъ*' (Tajik "ban") matched English "many".
      if (p.words.length === 1 && p.words[0]!.prefix)
        expect(p.words[0]!.text.length, `${key} (${p.source})`).toBeGreaterThanOrEqual(4)
    }
    expect(ALL.length).toBeGreaterThan(1000)
  })
})

describe('ArticleSearch with concepts', () => {
  const fixtures = loadArticles(join(HERE, 'fixtures', 'locales'))
  const vocabulary = { ru: { 'lost-passport': ['обокрали*'], 'no-such-article': ['обокрали*'] } }

  it('ranks an article by meaning when the question shares no word with it', () => {
    const plain = new ArticleSearch(fixtures, { concepts: null })
    expect(plain.search('в метро меня обокрали', 'ru', 3).map((r) => r.id)).not.toContain('lost-passport')
    plain.close()
    const search = new ArticleSearch(fixtures, { concepts: vocabulary })
    const results = search.search('в метро меня обокрали', 'ru', 3)
    // an id that has no article is never offered
    expect(results.map((r) => r.id)).toEqual(['lost-passport'])
    expect(results[0]!.title).toBe('Потерял паспорт')
    expect(search.explain('меня обокрали')).toEqual([
      { id: 'lost-passport', strength: 1, phrases: ['обокрали*'] },
    ])
    search.close()
  })

  it('conceptWeight 0 turns it off', () => {
    const search = new ArticleSearch(fixtures, { concepts: vocabulary, conceptWeight: 0 })
    expect(search.search('в метро меня обокрали', 'ru', 3).map((r) => r.id)).not.toContain('lost-passport')
    search.close()
  })
})

const articles = loadArticles(join(HERE, '..', '..', 'locales'))

describe.skipIf(articles.length === 0)('search by meaning on the real articles', () => {
  const search = new ArticleSearch(articles)
  const top = (q: string, lang: (typeof LANGUAGES)[number]) => search.search(q, lang, 3)[0]?.id

  it('"my husband hits me" finds the violence article in every language', () => {
    expect(top('муж бьет меня', 'ru')).toBe('discrimination-violence')
    expect(top('kuyoom meni urat', 'ky')).toBe('discrimination-violence')
    expect(top('erim meni uradi', 'uz')).toBe('discrimination-violence')
    expect(top('шавҳарам маро мезанад', 'tg')).toBe('discrimination-violence')
    expect(top('my husband hits me', 'en')).toBe('discrimination-violence')
  })

  it('a question that names its topic keeps that topic first', () => {
    expect(top('патент канча турат', 'ky')).toBe('patent')
    expect(top('регистратсия чанд руз', 'tg')).toBe('registration')
  })
})
