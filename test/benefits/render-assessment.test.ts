import { readFileSync } from 'node:fs'
import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { assessFamily } from '../../src/benefits/assess-family.js'
import { REASON_KEYS, type FamilyAnswers } from '../../src/benefits/assessment.js'
import {
  renderAssessment,
  renderAssessmentMessages,
  renderBenefitDetail,
  renderForwardableSummary,
  renderShortAnswer,
  renderWhyNot,
  SHORT_ANSWER_LIMIT,
  type Translate,
} from '../../src/benefits/render-assessment.js'
import {
  BENEFIT_IDS,
  BENEFITS,
  DOCUMENT_KEYS,
  NOTE_KEYS,
  WHERE_KEYS,
  type AmountFlag,
  type AmountRule,
} from '../../src/content/benefits.js'
import { ALL_UNKNOWN_FAMILY, ASSESSMENT_DAY, BASE_FAMILY } from '../helpers/family.js'

const LANGS = ['ky', 'ru', 'uz', 'tg', 'en'] as const
type Lang = (typeof LANGS)[number]
type Json = { [key: string]: string | Json }

const files = Object.fromEntries(
  LANGS.map((l) => [l, JSON.parse(readFileSync(new URL(`../../locales/${l}/benefits.json`, import.meta.url), 'utf8')) as Json]),
) as Record<Lang, Json>

function flatten(o: Json, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') out[prefix + k] = v
    else Object.assign(out, flatten(v, `${prefix}${k}.`))
  }
  return out
}
const flat = Object.fromEntries(LANGS.map((l) => [l, flatten(files[l])])) as Record<Lang, Record<string, string>>
const PLURAL_FORMS: Record<Lang, string[]> = { ky: ['one', 'other'], ru: ['one', 'few', 'many', 'other'], uz: ['one', 'other'], tg: ['one', 'other'], en: ['one', 'other'] }
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',')

/** The key as i18next resolves it: plain, or every plural form of the language when a count is passed. */
function hasKey(lang: Lang, key: string, withCount: boolean): boolean {
  if (!withCount) return typeof flat[lang][key] === 'string'
  return PLURAL_FORMS[lang].every((form) => typeof flat[lang][`${key}_${form}`] === 'string')
}

const translators = {} as Record<Lang, Translate>
beforeAll(async () => {
  for (const lng of LANGS) {
    const i = i18next.createInstance()
    await i.init({ lng, resources: { [lng]: { benefits: files[lng] } }, ns: ['benefits'], defaultNS: 'benefits', interpolation: { escapeValue: false } })
    const t = i.t as unknown as (key: string, options?: Record<string, unknown>) => string
    translators[lng] = (key, options) => String(t(key, options))
  }
})

const TODAY = ASSESSMENT_DAY
const BASE = BASE_FAMILY

/** The migrant in Kazan: a baby born a month ago at home, low income. */
const NEWBORN: FamilyAnswers = {
  ...BASE,
  childrenUnder16: 'yes',
  childAges: [4, 0],
  baby: 'born',
  babyAgeMonths: 1,
  householdSize: 4,
  monthlyIncome: 3000,
  monthlyRemittances: 0,
}

/** The grandmother in Naryn raising three grandchildren. */
const GRANDMOTHER: FamilyAnswers = {
  ...BASE,
  childrenUnder16: 'yes',
  childAges: [11, 7, 2],
  householdSize: 4,
  monthlyIncome: 'unknown',
  monthlyRemittances: 'unknown',
  highMountain: 'yes',
  caregiver: 'relative',
  elderWithoutPension: 'unknown',
}

/** Families that together reach every reason and note the assessment can give. */
const SCENARIOS: Array<[Partial<FamilyAnswers>, Date?]> = [
  [NEWBORN],
  [GRANDMOTHER],
  [{}],
  [{ childrenUnder16: 'unknown', childAges: 'unknown', monthlyIncome: 8000, monthlyRemittances: 'unknown' }],
  [{ childrenUnder16: 'yes', childAges: 'unknown', monthlyIncome: 6000, monthlyRemittances: 4000, baby: 'unknown', youngestIsThirdOrLater: 'unknown', highMountain: 'yes' }],
  [{ childrenUnder16: 'unknown', childAges: 'unknown', householdSize: 'unknown', baby: 'born', babyAgeMonths: 'unknown', babyBornAbroad: 'unknown' }],
  [{ childrenUnder16: 'yes', childAges: [16], monthlyIncome: 6000, monthlyRemittances: undefined, baby: 'born', babyAgeMonths: 8 }],
  [{ childrenUnder16: 'yes', childAges: [9, 6, 1], monthlyIncome: 2000, socialContractSigned: 'yes', baby: 'expected', highMountain: 'yes', pregnantWoman: 'employed' }],
  [{ childrenUnder16: 'yes', childAges: [2], youngestIsThirdOrLater: 'yes', highMountain: 'unknown', pregnantWoman: 'entrepreneur' }, new Date('2026-03-01T12:00:00Z')],
  [{ childrenUnder16: 'yes', childAges: [10, 8, 5], baby: 'born', babyAgeMonths: 1, highMountain: 'yes', pregnantWoman: 'entrepreneur' }, new Date('2025-12-15T12:00:00Z')],
  [{ childrenUnder16: 'yes', childAges: [6, 4], baby: 'expected', highMountain: 'yes', monthlyIncome: 'unknown', pregnantWoman: 'registered-unemployed' }],
  [{ childrenUnder16: 'yes', childAges: [5, 1], youngestIsThirdOrLater: 'no', highMountain: 'yes', pregnantWoman: 'not-working' }],
  [{ disabledChild: 'yes', disabledAdult: 'yes', disabledAdultSinceChildhood: 'yes', disabledAdultGroup: 'II', orphan: 'one-parent', motherHeroine: 'yes', pregnantWoman: 'unknown', elderWithoutPension: 'yes', elderSex: 'female', elderAge: 61, elderInsuranceYears: 2 }],
  [{ disabledChild: 'unknown', disabledAdult: 'yes', disabledAdultSinceChildhood: 'no', disabledAdultGroup: 'III', orphan: 'both-parents', motherHeroine: 'unknown', elderWithoutPension: 'yes', elderSex: 'female', elderAge: 57, elderInsuranceYears: 'unknown' }],
  [{ disabledAdult: 'yes', disabledAdultSinceChildhood: 'unknown', orphan: 'unknown', elderWithoutPension: 'yes', elderSex: 'unknown', elderAge: 60, elderInsuranceYears: 30 }],
  [{ disabledAdult: 'unknown', elderWithoutPension: 'yes', elderSex: 'male', elderAge: 70, elderInsuranceYears: 3 }],
  [{ disabledAdult: 'yes', disabledAdultSinceChildhood: 'no', disabledAdultGroup: 'I', elderWithoutPension: 'yes', elderSex: 'male', elderAge: 63, elderInsuranceYears: 20 }],
  [{ childrenUnder16: 'yes', childAges: [5, 9], householdSize: 4, monthlyIncome: 2000, monthlyRemittances: 'unknown' }],
  [{ childrenUnder16: 'yes', childAges: [5, 9], householdSize: 4, monthlyIncome: 2000, monthlyRemittances: 4000 }],
  [{ childrenUnder16: 'no', householdSize: 3, monthlyIncome: 1500, socialPassport: 'yes' }],
  [{ childrenUnder16: 'no', householdSize: 3, monthlyIncome: 1500, socialPassport: 'unknown' }],
  [{ childrenUnder16: 'no', householdSize: 3, monthlyIncome: 1500, socialPassport: 'no' }],
  [{ childrenUnder16: 'yes', childAges: [10, 8, 5, 0], baby: 'born', babyAgeMonths: 3, youngestBirthOrder: 4, highMountain: 'yes', householdSize: 6, monthlyIncome: 2000 }],
]
const allResults = SCENARIOS.map(([over, today]) => assessFamily({ ...BASE, ...over }, today ?? TODAY))

describe('renderAssessment: the newborn + low-income family', () => {
  it.each([
    ['ky', '«Балага сүйүнчү»', 'арыз берген адамдын паспорту', 'ЦОН', 'райондук же шаардык эмгек, социалдык камсыздоо жана миграция башкармалыгы', '2026-жылдын январына карата'],
    ['ru', '«Балага сүйүнчү»', 'паспорт того, кто подаёт заявление', 'ЦОН', 'районное или городское управление труда, социального обеспечения и миграции', 'на январь 2026 г.'],
  ] as const)('%s: both benefits with amounts, years, papers and office', (lang, birthName, passport, con, office, asOf) => {
    const t = translators[lang]
    const text = renderAssessment(assessFamily(NEWBORN, TODAY), t, { html: true })
    expect(text).toContain(`<b>${birthName}</b>`)
    expect(text).toContain('<b>«Үй-бүлөгө көмөк»</b>')
    expect(text).toMatch(/4\u00a0000/)
    expect(text).toMatch(/1\u00a0200/)
    expect(text).toContain(asOf)
    expect(text).toContain(passport)
    expect(text).toContain(con)
    expect(text).toContain(office)
    expect(text).toContain(t('reason.income-below-threshold', { perPerson: '750', threshold: '1\u00a0000', thresholdYear: 2026 }))
    expect(text).not.toContain('1\u00a0500 ')
    // always ends with "figures change, check at the office" and "if refused, ask a lawyer"
    expect(text).toContain(t('note.figures-change'))
    expect(text).toContain(t('note.ask-lawyer'))
    expect(text.indexOf(t('note.ask-lawyer'))).toBeGreaterThan(text.indexOf(t('result.unlikely')))
  })

  it('tells each benefit that does not apply in one kind sentence', () => {
    const t = translators.ru
    const results = assessFamily(NEWBORN, TODAY)
    const text = renderAssessment(results, t, { html: true })
    const section = text.slice(text.indexOf(`<b>${t('result.unlikely')}</b>`)).split('\n\n')[0]?.split('\n') ?? []
    const closed = results.filter((x) => x.verdict === 'unlikely')
    expect(closed.map((r) => r.benefitId)).toEqual(['high-mountain-child', 'social-benefit', 'maternity', 'pension'])
    expect(section.slice(1)).toEqual([
      `• <b>${t('benefit.high-mountain-child.name')}</b>: ${t('reason.high-mountain-no')}`,
      `• <b>${t('benefit.social-benefit.name')}</b>: ${t('reason.no-category')}`,
      `• <b>${t('benefit.maternity.name')}</b>: ${t('reason.no-pregnant')}`,
      `• <b>${t('benefit.pension.name')}</b>: ${t('reason.no-elder', { date: t('date.01', { day: 1, year: 2021 }) })}`,
    ])
  })

  it('uses only <b> and <i> and escapes everything else', () => {
    const html = renderAssessment(assessFamily(GRANDMOTHER, TODAY), translators.ky, { html: true })
    expect(html.replace(/<\/?[bi]>/g, '')).not.toMatch(/[<>]/)
    const hostile: Translate = (key) => `${key} & <x>`
    const escaped = renderAssessment(assessFamily(NEWBORN, TODAY), hostile, { html: true })
    expect(escaped).toContain('&amp; &lt;x&gt;')
    expect(escaped.replace(/<\/?[bi]>/g, '')).not.toMatch(/[<>]/)
  })

  it('plain text has no tags', () => {
    const plain = renderAssessment(assessFamily(NEWBORN, TODAY), translators.en, { html: false })
    expect(plain).not.toMatch(/<\/?[bi]>/)
    expect(plain).toContain('«Балага сүйүнчү»')
  })

  it('splits into messages of at most 4 096 characters without losing text', () => {
    for (const lang of LANGS) {
      const results = assessFamily(GRANDMOTHER, TODAY)
      const messages = renderAssessmentMessages(results, translators[lang], { html: true })
      for (const m of messages) expect(m.length).toBeLessThanOrEqual(4096)
      expect(messages.join('\n\n')).toBe(renderAssessment(results, translators[lang], { html: true }))
    }
  })
})

describe('renderForwardableSummary', () => {
  it.each(['ky', 'ru'] as const)('%s: one plain message with names, amounts, office and the warnings', (lang) => {
    const t = translators[lang]
    const text = renderForwardableSummary(assessFamily(NEWBORN, TODAY), t)
    expect(text).not.toMatch(/<\/?[bi]>/)
    expect(text).toContain(t('benefit.birth-grant.name'))
    expect(text).toContain(t('benefit.family-support.name'))
    expect(text).toMatch(/4\u00a0000/)
    expect(text).toContain(t('where.zags'))
    expect(text).toContain(t('note.figures-change'))
    expect(text.trimEnd().endsWith(t('note.ask-lawyer'))).toBe(true)
    expect(text).not.toContain(t('benefit.maternity.name'))
  })

  it.each(LANGS)('%s: stays one Telegram message when "I don\'t know" opens almost everything', (lang) => {
    const many: FamilyAnswers = { ...BASE, householdSize: 8, monthlyIncome: 2000, monthlyRemittances: 'unknown', childrenUnder16: 'yes', childAges: [9, 6, 4, 0], baby: 'born', babyAgeMonths: 2, babyBornAbroad: 'unknown', highMountain: 'unknown', disabledChild: 'yes', disabledAdult: 'unknown', pregnantWoman: 'unknown', elderWithoutPension: 'unknown', orphan: 'unknown', motherHeroine: 'unknown', caregiver: 'relative', youngestBirthOrder: 'unknown' }
    const text = renderForwardableSummary(assessFamily(many, TODAY), translators[lang])
    expect(text.length).toBeLessThanOrEqual(4096)
    expect(text).toContain(translators[lang]('where.con'))
  })

  it('says when nothing applies', () => {
    const text = renderForwardableSummary(assessFamily(BASE, TODAY), translators.en)
    expect(text).toContain(translators.en('result.nothing'))
  })
})

describe('locale files', () => {
  it('the scenarios reach every reason and every note', () => {
    const reasons = new Set(allResults.flat().flatMap((r) => r.reasons.map((x) => x.key)))
    expect([...REASON_KEYS].filter((k) => !reasons.has(k))).toEqual([])
    const notes = new Set(allResults.flat().flatMap((r) => r.uncertain))
    const footer = ['figures-change', 'ask-lawyer', 'as-of-march-2026']
    expect(NOTE_KEYS.filter((k) => !notes.has(k) && !footer.includes(k))).toEqual([])
  })

  it('every key renderAssessment and renderForwardableSummary use exists in all five languages', () => {
    const used = new Map<string, boolean>()
    const recorder: Translate = (key, options) => {
      used.set(key, (used.get(key) ?? false) || options?.count !== undefined)
      return key
    }
    for (const results of allResults) {
      renderAssessment(results, recorder, { html: true })
      renderAssessment(results, recorder, { html: false })
      renderForwardableSummary(results, recorder)
      renderShortAnswer(results, recorder, { html: true })
      renderWhyNot(results, recorder)
      for (const id of BENEFIT_IDS) renderBenefitDetail(results, id, recorder)
    }
    expect(used.size).toBeGreaterThan(150)
    const missing = LANGS.flatMap((lang) => [...used].filter(([key, withCount]) => !hasKey(lang, key, withCount)).map(([key]) => `${lang}:${key}`))
    expect(missing).toEqual([])
  })

  it('has every key the model can produce, in all five languages', () => {
    const amounts = Object.values(BENEFITS).flatMap((b): readonly AmountRule[] => b.amounts)
    const flags: AmountFlag[] = ['old', 'unverified', 'conflict', 'announced', 'after-window']
    const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'))
    const plain = [
      ...NOTE_KEYS.map((k) => `note.${k}`),
      ...DOCUMENT_KEYS.map((k) => `document.${k}`),
      ...WHERE_KEYS.map((k) => `where.${k}`),
      ...amounts.map((a) => `unit.${a.unit}`),
      ...amounts.map((a) => `variant.${a.variant}`),
      ...flags.map((f) => `flag.${f}`),
      ...months.flatMap((m) => [`asOf.${m}`, `date.${m}`]),
      ...BENEFIT_IDS.flatMap((id) => [`benefit.${id}.name`, `benefit.${id}.official`, `benefit.${id}.desc`]),
      'amount.year',
      'income.help',
      'income.example',
      'button.yes',
      'button.no',
      'button.dontKnow',
    ]
    for (const lang of LANGS) {
      expect(plain.filter((k) => !hasKey(lang, k, false))).toEqual([])
      const reasons = REASON_KEYS.filter((k) => !hasKey(lang, `reason.${k}`, false) && !hasKey(lang, `reason.${k}`, true))
      expect(reasons).toEqual([])
    }
  })

  it('the five files have the same keys and the same {{variables}}', () => {
    const keys = (lang: Lang) => [...new Set(Object.keys(flat[lang]).map(base))].sort()
    for (const lang of LANGS) expect(keys(lang)).toEqual(keys('en'))
    for (const lang of LANGS) {
      for (const [key, value] of Object.entries(flat[lang])) {
        const counterpart = flat.en[key] ?? flat.en[`${base(key)}_other`] ?? flat.en[base(key)]
        expect(counterpart, `${lang}:${key}`).toBeDefined()
        expect(vars(value), `${lang}:${key}`).toBe(vars(counterpart ?? ''))
      }
    }
  })

  it('plural keys have every form each language needs', () => {
    for (const lang of LANGS) {
      const plurals = new Set(Object.keys(flat[lang]).filter((k) => /_(one|other)$/.test(k)).map(base))
      for (const key of plurals) expect(hasKey(lang, key, true), `${lang}:${key}`).toBe(true)
    }
  })

  it('gives the official names in Kyrgyz and Russian exactly as the data has them', () => {
    for (const id of BENEFIT_IDS) {
      expect(flat.ky[`benefit.${id}.official`]).toBe(BENEFITS[id].names.ky)
      expect(flat.ru[`benefit.${id}.official`]).toBe(BENEFITS[id].names.ru)
      for (const lang of ['uz', 'tg', 'en'] as const) {
        expect(flat[lang][`benefit.${id}.official`]).toContain(BENEFITS[id].names.ky)
      }
    }
  })

  it('Tajik plurals stay Tajik (no Russian fallback)', () => {
    expect(translators.tg('reason.children-under-16', { count: 5 })).toBe('Дар оила 5 кӯдаки то 16-сола ҳаст.')
    expect(translators.ru('reason.children-under-16', { count: 5 })).toBe('В семье 5 детей до 16 лет.')
    expect(translators.ru('reason.children-under-16', { count: 2 })).toBe('В семье 2 ребёнка до 16 лет.')
  })

  it('writes Uzbek in Latin with the proper ʻ letters', () => {
    const text = Object.values(flat.uz).join('\n')
    expect(text).toContain('oʻ')
    expect(text).not.toMatch(/[a-z]['‘’`][a-z]/i)
  })
})

describe('with the project i18n instance', () => {
  it('renders through getFixedT(lang, "benefits") without double escaping', async () => {
    const { createI18n } = await import('../../src/i18n.js')
    const i18n = await createI18n()
    const t = i18n.getFixedT('ky', 'benefits')
    const text = renderAssessment(assessFamily(NEWBORN, TODAY), t, { html: true })
    expect(text).toContain('<b>«Балага сүйүнчү»</b>')
    expect(text).toMatch(/бир балага бир жолу 4\u00a0000 сом/)
    expect(text).not.toContain('&amp;')
    expect(renderForwardableSummary(assessFamily(NEWBORN, TODAY), t)).toContain('«Балага сүйүнчү»')
  })
})

describe('renderShortAnswer: the first message fits one phone screen', () => {

  it.each(LANGS)('%s: ≤ 1 000 characters for every scenario and for "I don\'t know" everywhere, with what, how much and where', (lang) => {
    const t = translators[lang]
    const RICH: FamilyAnswers = { ...BASE, householdSize: 8, monthlyIncome: 2000, childrenUnder16: 'yes', childAges: [9, 6, 4, 0], baby: 'born', babyAgeMonths: 2, highMountain: 'yes', disabledChild: 'yes', pregnantWoman: 'employed', elderWithoutPension: 'yes', elderSex: 'female', elderAge: 61, elderInsuranceYears: 30, orphan: 'one-parent', motherHeroine: 'yes', caregiver: 'relative' }
    for (const results of [...allResults, assessFamily(ALL_UNKNOWN_FAMILY, TODAY), assessFamily(RICH, TODAY)]) {
      const text = renderShortAnswer(results, t, { html: true })
      expect(text.length, text).toBeLessThanOrEqual(SHORT_ANSWER_LIMIT)
      for (const r of results.filter((x) => x.verdict === 'likely')) expect(text).toContain(t(`benefit.${r.benefitId}.name`))
    }
    const newborn = renderShortAnswer(assessFamily(NEWBORN, TODAY), t, { html: true })
    expect(newborn).toMatch(/4\u00a0000/)
    expect(newborn).toContain(t('where.con'))
  })

  it('says the month the figures are as of, not only the day of the check', () => {
    const text = renderShortAnswer(assessFamily(NEWBORN, TODAY), translators.en, { html: false })
    expect(text).toContain('Figures as of March 2026')
    expect(text).toContain('checked on 23 November 2026')
  })

  it('shows the smaller of the mountain benefit and «Үй-бүлөгө көмөк» as instead of the other', () => {
    const results = assessFamily({ ...BASE, childrenUnder16: 'yes', childAges: [8, 5, 0], baby: 'born', babyAgeMonths: 3, highMountain: 'yes', householdSize: 5, monthlyIncome: 2000 }, TODAY)
    const text = renderShortAnswer(results, translators.en, { html: false })
    expect(text).toContain('✅ «Үй-бүлөгө көмөк»')
    expect(text).toContain('❓ «Бийик тоолуу аймактардын жашоочуларына көмөк» — 3\u00a0000 som a month per child (instead of «Үй-бүлөгө көмөк», not in addition)')
    expect(renderBenefitDetail(results, 'high-mountain-child', translators.en)).toContain('which pays your family more')
  })

  it('«Бала ырысы» before July 2026 says "announced", not also "started after March 2026"', () => {
    const results = assessFamily({ ...BASE, childrenUnder16: 'yes', childAges: [1] }, new Date('2026-06-30T12:00:00Z'))
    const text = renderBenefitDetail(results, 'young-children', translators.en) ?? ''
    expect(text).toContain(translators.en('flag.announced'))
    expect(text).not.toContain(translators.en('flag.after-window'))
  })
})
