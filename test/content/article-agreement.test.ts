import { describe, expect, it } from 'vitest'
import { LANGUAGES, loadArticles } from '../../src/content/articles.js'
import { LOCALES_DIR } from '../../src/i18n.js'
import { blocksOf } from './article-numbers.js'

const articles = loadArticles(LOCALES_DIR)
const body = (lang: string, id: string) => articles.find((a) => a.lang === lang && a.id === id)!.body

/** PE-5 in the words both pension articles use: apply to the fund where you worked; moving the pension is a step apart. */
const WHERE_YOU_WORKED = {
  ru: ['фонд страны, где вы работали', 'отдельный шаг'],
  ky: ['иштеген өлкөңүздүн фонд', 'өзүнчө кадам'],
  uz: ['ishlagan davlatingiz fond', 'alohida qadam'],
  tg: ['фонди кишваре, ки дар он кор кардед', 'қадами алоҳида'],
  en: ['the fund of the country where you worked', 'a separate step'],
} as const

/** EX-1 (КоАП 3.10): a judge orders expulsion, and border officials do for offences at entry. */
const BORDER = { ru: /границ/, ky: /чек ара/, uz: /chegara/, tg: /сарҳад/, en: /border/ } as const

describe('articles that touch the same rule agree', () => {
  it.each(LANGUAGES.map((l) => [l] as const))('%s: pension-eaeu and pension-kg say where to apply in the same words (PE-5)', (lang) => {
    for (const id of ['pension-eaeu', 'pension-kg']) {
      for (const phrase of WHERE_YOU_WORKED[lang]) expect(body(lang, id), `${id}: «${phrase}»`).toContain(phrase)
    }
  })

  it.each(LANGUAGES.map((l) => [l] as const))('%s: expulsion does not say only a judge ordered it before 2025 (EX-1)', (lang) => {
    const before = blocksOf(body(lang, 'expulsion')).find((b) => b.includes('2025'))!
    expect(before).toMatch(BORDER[lang])
    expect(before).toContain('3.10')
  })
})

/** AM-4 (medium confidence): no location data in «Амина» for over 3 working days *may* lead to the register. */
const MAY = { ru: /могут/, ky: /мүмкүн/, uz: /mumkin/, tg: /метавонанд/, en: /\bmay\b/ } as const

describe('medium-confidence facts are worded with care', () => {
  it.each(LANGUAGES.map((l) => [l] as const))('%s: controlled-persons says the Amina rule *may* lead to the register', (lang) => {
    const line = blocksOf(body(lang, 'controlled-persons')).find((b) => /Амин|Amina/.test(b))!
    expect(line).toMatch(MAY[lang])
  })
})

/** The nationwide free legal line (Rosmigrant) and the Tajik ministry's central hotline, in contacts.md. */
describe('the hotlines page lists the lines that work anywhere in Russia', () => {
  it.each(LANGUAGES.map((l) => [l] as const))('%s', (lang) => {
    const text = body(lang, 'hotlines')
    expect(text).toContain('8-800-550-32-03')
    expect(text).toContain('+7 (495) 967 98 44')
    expect(text).toContain('+7 (966) 031-22-22')
  })
})
