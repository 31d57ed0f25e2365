import { describe, expect, it } from 'vitest'
import { LANGUAGES, loadArticles } from '../../src/content/articles.js'
import { LOCALES_DIR } from '../../src/i18n.js'
import { blocksOf } from './article-numbers.js'

const articles = loadArticles(LOCALES_DIR)

/** Words for registration (migration registration) per language. */
const REGISTRATION = /учёт|учет|регистр|каттоо|каттал|roʻyxat|hisobga|қайд|regist/iu
/** A number of days: "15 дней", "30 рабочих дней", "15 күн", "15 kun", "15 рӯз", "30 рӯзи корӣ", "15 days". */
const DAYS = /(\d+)[\s\u00a0-]*(?:(?:календарных|рабочих|calendar|working|иш|ish|kalendar)\s+)?(?:дн|день|дней|күн|kun|рӯз|day)/giu

/** The first number of days in a text. */
const firstDays = (text: string) => [...text.matchAll(DAYS)][0]?.[1]

/**
 * Uzbek and Tajik citizens may stay only 15 days unregistered (REG-1, REG-2); Kyrgyz citizens 30 (REG-3); one source
 * gives 30 working days for «Амина» (AM-2). A migrant acts on the first figure read, so an article that states a
 * registration deadline to Uzbek and Tajik readers leads with 15 days.
 */
const FOR_UZBEK_AND_TAJIK = ['registration', 'patent', 'amina-app', 'housing']

describe('the registration deadline a migrant can act on', () => {
  it.each(LANGUAGES.flatMap((lang) => FOR_UZBEK_AND_TAJIK.map((id) => [`${lang}/${id}`, lang, id] as const)))(
    '%s leads with the safe 15 days',
    (_, lang, id) => {
      const article = articles.find((a) => a.lang === lang && a.id === id)!
      const blocks = blocksOf(article.body).filter((b) => firstDays(b))
      // the registration article is about nothing else; elsewhere look at lines that speak of registration
      const first = id === 'registration' ? blocks[0] : blocks.find((b) => REGISTRATION.test(b))
      expect(first && firstDays(first), first).toBe('15')
    },
  )

  it.each(LANGUAGES.map((lang) => [lang] as const))('%s/amina-app gives both figures and says the sources differ', (lang) => {
    const article = articles.find((a) => a.lang === lang && a.id === 'amina-app')!
    const block = blocksOf(article.body).find((b) => REGISTRATION.test(b) && firstDays(b))!
    expect([...block.matchAll(DAYS)].map((m) => m[1])).toEqual(expect.arrayContaining(['15', '30']))
    expect(block).toContain('⚠')
  })
})
