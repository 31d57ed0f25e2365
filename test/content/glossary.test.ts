import { describe, expect, it } from 'vitest'
import { LANGUAGES, loadArticles } from '../../src/content/articles.js'
import { GLOSSARY } from '../../src/content/glossary.js'
import { LOCALES_DIR } from '../../src/i18n.js'

const articles = loadArticles(LOCALES_DIR)
const text = (a: { title: string; body: string }) => `${a.title}\n${a.body}`.replace(/<[^>]+>/g, '')

/** Where an article uses a variant the glossary rules out. */
function offTerm(a: { lang: (typeof LANGUAGES)[number]; title: string; body: string }): string[] {
  return Object.entries(GLOSSARY).flatMap(([id, term]) =>
    (term.avoid?.[a.lang] ?? []).flatMap((variant) =>
      [...text(a).matchAll(new RegExp(`.{0,30}${variant}.{0,30}`, 'giu'))].map((m) => `${id}: «${m[0]}» — write «${term.use[a.lang]}»`),
    ),
  )
}

describe('one term for one thing (glossary)', () => {
  it('rules out variants in Kyrgyz, Uzbek and Tajik at least', () => {
    for (const lang of ['ky', 'uz', 'tg'] as const) {
      expect(Object.values(GLOSSARY).some((t) => t.avoid?.[lang]?.length), lang).toBe(true)
    }
    for (const term of Object.values(GLOSSARY)) for (const lang of LANGUAGES) expect(term.use[lang], term.meaning).toBeTruthy()
  })

  it.each(articles.map((a) => [`${a.lang}/${a.id}`, a] as const))('%s uses the glossary terms', (_, a) => {
    expect(offTerm(a)).toEqual([])
  })

  it.each(LANGUAGES.map((l) => [l] as const))('%s: the article that explains each term uses it', (lang) => {
    for (const [id, term] of Object.entries(GLOSSARY)) {
      for (const articleId of term.explainedIn ?? []) {
        const a = articles.find((x) => x.lang === lang && x.id === articleId)!
        expect(text(a).toLowerCase(), `${id} in ${lang}/${articleId}`).toContain(term.use[lang]!.toLowerCase())
      }
    }
  })

  it('catches a Tajik article that says полиция', () => {
    const tg = articles.find((a) => a.lang === 'tg' && a.id === 'police-check')!
    expect(offTerm({ ...tg, body: `${tg.body}\nБа полиция занг занед.` })).toHaveLength(1)
  })
})
