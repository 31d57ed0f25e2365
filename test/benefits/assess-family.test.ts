import { afterEach, describe, expect, it, vi } from 'vitest'
import { assessFamily, BENEFIT_CONFLICTS, findConflicts } from '../../src/benefits/assess-family.js'
import {
  ageInMonths,
  countIncomePerPerson,
  type BenefitAssessment,
  type FamilyAnswers,
  type Verdict,
} from '../../src/benefits/assessment.js'
import { BENEFIT_IDS, BENEFITS, BENEFITS_CHECKED, SOURCES, type BenefitId } from '../../src/content/benefits.js'
import { ASSESSMENT_DAY, BASE_FAMILY } from '../helpers/family.js'

const BASE = BASE_FAMILY
const TODAY = ASSESSMENT_DAY
const LOW_INCOME: Partial<FamilyAnswers> = { householdSize: 4, monthlyIncome: 2000 }

function assess(over: Partial<FamilyAnswers>, today = TODAY): BenefitAssessment[] {
  return assessFamily({ ...BASE, ...over }, today)
}

function one(id: BenefitId, over: Partial<FamilyAnswers>, today = TODAY): BenefitAssessment {
  const r = assess(over, today).find((x) => x.benefitId === id)
  if (!r) throw new Error(`no ${id}`)
  return r
}

function keys(r: BenefitAssessment): string[] {
  return r.reasons.map((x) => x.key)
}

describe('assessFamily: shape', () => {
  it('returns every covered benefit once, in order, with its article', () => {
    const results = assess({})
    expect(results.map((r) => r.benefitId)).toEqual([...BENEFIT_IDS])
    expect(Object.fromEntries(results.map((r) => [r.benefitId, r.articleId]))).toEqual({
      'family-support': 'benefit-family-support',
      'birth-grant': 'benefit-birth-grant',
      'young-children': 'benefit-young-children',
      'high-mountain-child': 'benefit-young-children',
      'social-contract': 'benefit-family-support',
      'social-benefit': 'benefit-disability',
      maternity: 'benefit-maternity',
      pension: 'pension-kg',
    })
  })

  it('gives an unlikely benefit a not-met reason (the kind sentence) and no amount', () => {
    for (const r of assess({})) {
      expect(r.verdict).toBe('unlikely')
      expect(r.reasons.some((x) => x.status === 'not-met')).toBe(true)
      expect(r.amount).toBeUndefined()
    }
  })

  it('uses the today argument, not the clock', () => {
    const answers = { ...BASE, childrenUnder16: 'yes' as const, childAges: [1] }
    const before = assessFamily(answers, new Date('2026-06-30T12:00:00Z'))
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z'))
    expect(assessFamily(answers, new Date('2026-06-30T12:00:00Z'))).toEqual(before)
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('dates every amount and cites a known source; figures come from the data, never adjusted', () => {
    const dataValues = new Set(
      Object.values(BENEFITS).flatMap((b) => b.amounts.flatMap((a) => ['value', 'min', 'max'].map((k) => (a as Record<string, unknown>)[k]))),
    )
    const rich = assess({
      ...LOW_INCOME,
      childrenUnder16: 'yes',
      childAges: [9, 6, 4, 0],
      baby: 'born',
      babyAgeMonths: 2,
      highMountain: 'yes',
      disabledChild: 'yes',
      disabledAdult: 'yes',
      disabledAdultSinceChildhood: 'yes',
      disabledAdultGroup: 'II',
      pregnantWoman: 'employed',
      elderWithoutPension: 'yes',
      elderSex: 'female',
      elderAge: 61,
      elderInsuranceYears: 3,
      orphan: 'one-parent',
      motherHeroine: 'yes',
    })
    const amounts = rich.flatMap((r) => (r.amount ? [r.amount, ...r.otherAmounts] : r.otherAmounts))
    expect(amounts.length).toBeGreaterThan(10)
    for (const a of amounts) {
      expect(a.year).toBeGreaterThanOrEqual(2018)
      expect(a.asOf).toMatch(/^\d{4}-\d{2}$/)
      expect(Object.keys(SOURCES)).toContain(a.source)
      for (const v of [a.value, a.min, a.max]) if (v !== undefined) expect(dataValues.has(v)).toBe(true)
      if (a.year < 2026) expect(a.flags).toContain('old')
    }
    expect(BENEFITS_CHECKED).toBe('2026-11-23')
  })
})

describe('countIncomePerPerson', () => {
  it.each([
    [3000, 3, 1000],
    [2999, 3, 2999 / 3],
    [0, 5, 0],
    ['unknown', 3, 'unknown'],
    [3000, 'unknown', 'unknown'],
    [3000, 0, 'unknown'],
    [3000, 2.5, 'unknown'],
    [-10, 2, 'unknown'],
  ] as const)('%s som for %s people → %s', (income, size, expected) => {
    expect(countIncomePerPerson(income, size)).toBe(expected)
  })
})

describe('ageInMonths', () => {
  it.each([
    ['2026-11-23', '2026-11-23', 0],
    ['2026-10-24', '2026-11-23', 0],
    ['2026-10-23', '2026-11-23', 1],
    ['2025-12-23', '2026-11-23', 11],
    ['2025-10-23', '2026-11-23', 13],
  ])('born %s, on %s → %i months', (birth, today, months) => {
    expect(ageInMonths(new Date(`${birth}T00:00:00Z`), new Date(`${today}T12:00:00Z`))).toBe(months)
  })
})

describe('«Үй-бүлөгө көмөк» (family-support)', () => {
  const kids: Partial<FamilyAnswers> = { childrenUnder16: 'yes', childAges: [5, 9] }

  it.each<[string, number, Verdict, string, number]>([
    ['one below the threshold per person', 3996, 'likely', 'income-below-threshold', 999],
    ['exactly at the threshold', 4000, 'unlikely', 'income-above-threshold', 1000],
    ['one above the threshold per person', 4004, 'unlikely', 'income-above-threshold', 1001],
    ['far below', 800, 'likely', 'income-below-threshold', 200],
  ])('%s (income %i for 4 people) → %s', (_, income, verdict, key, perPerson) => {
    const r = one('family-support', { ...kids, householdSize: 4, monthlyIncome: income })
    expect(r.verdict).toBe(verdict)
    const reason = r.reasons.find((x) => x.key === key)
    expect(reason?.params).toEqual({ perPerson, threshold: 1000, thresholdYear: 2026 })
  })

  it.each<[number | 'unknown', Verdict, string]>([
    [15, 'likely', 'children-under-16'],
    [16, 'unlikely', 'no-children-under-16'],
    [0, 'likely', 'children-under-16'],
    ['unknown', 'likely', 'has-children-under-16'],
  ])('child aged %s → %s', (age, verdict, key) => {
    const r = one('family-support', { ...LOW_INCOME, childrenUnder16: age === 16 ? 'no' : 'yes', childAges: [age] })
    expect(r.verdict).toBe(verdict)
    expect(keys(r)[0]).toBe(key)
  })

  it('says the children are there when the ages are not known', () => {
    const r = one('family-support', { ...LOW_INCOME, childrenUnder16: 'yes', childAges: 'unknown' })
    expect(r.verdict).toBe('likely')
    expect(keys(r)).toContain('has-children-under-16')
    expect(r.amount?.count).toBeUndefined()
  })

  it.each<[string, Partial<FamilyAnswers>, string]>([
    ['children unknown', { ...LOW_INCOME, childrenUnder16: 'unknown', childAges: 'unknown' }, 'children-under-16-unknown'],
    ['income unknown', { ...kids, monthlyIncome: 'unknown' }, 'income-unknown'],
    ['household size unknown', { ...kids, householdSize: 'unknown' }, 'household-size-unknown'],
    ['below the line at home, money from abroad unknown', { ...kids, monthlyIncome: 2000, monthlyRemittances: 'unknown' }, 'income-remittances-unknown'],
    ['money from abroad decides', { ...kids, monthlyIncome: 2000, monthlyRemittances: 4000 }, 'income-remittances-decide'],
    ['social contract signed', { ...kids, ...LOW_INCOME, socialContractSigned: 'yes' }, 'social-contract-signed'],
  ])('"I don\'t know" or an open rule gives maybe: %s', (_, over, key) => {
    const r = one('family-support', over)
    expect(r.verdict).toBe('maybe')
    expect(r.reasons.find((x) => x.key === key)?.status).toBe('unknown')
  })

  it('shows income without and with money from abroad when that decides it', () => {
    const r = one('family-support', { ...kids, monthlyIncome: 2000, monthlyRemittances: 4000 })
    expect(r.reasons.find((x) => x.key === 'income-remittances-decide')?.params).toEqual({
      perPerson: 500,
      perPersonWith: 1500,
      threshold: 1000,
      thresholdYear: 2026,
    })
    expect(r.uncertain).toContain('remittances-unknown')
  })

  it('stays unlikely when income is high even without the remittances', () => {
    const r = one('family-support', { ...kids, monthlyIncome: 12000, monthlyRemittances: 2000 })
    expect(r.verdict).toBe('unlikely')
    expect(keys(r)).toContain('income-above-threshold')
  })

  it('never adds money from abroad into income: income at home above the line is enough to say no', () => {
    const r = one('family-support', { ...kids, monthlyIncome: 6000, monthlyRemittances: undefined })
    expect(r.verdict).toBe('unlikely')
    expect(keys(r)).toContain('income-above-threshold')
    expect(r.uncertain).not.toContain('income-remittances-decide')
  })

  it('pays 1 200 som per child (2026, as of January 2026), never the 1 500 draft', () => {
    const r = one('family-support', { ...kids, ...LOW_INCOME })
    expect(r.amount).toMatchObject({ value: 1200, unit: 'som-month-child', perChild: true, count: 2, year: 2026, asOf: '2026-01', source: 'S08' })
    expect(r.otherAmounts).toEqual([])
    expect(r.uncertain).toContain('family-support-1500-draft')
    expect(r.reasons.find((x) => x.key === 'adults-work-or-registered')?.status).toBe('check')
    expect(r.documents).toEqual(['passport', 'children-birth', 'aiyl-okmotu-income', 'tax-income'])
    expect(r.whereToApply).toEqual(['district-office-actual'])
  })

  it.each(['yes', 'unknown'] as const)('mountain area %s: coefficient note, same base amount', (highMountain) => {
    const r = one('family-support', { ...kids, ...LOW_INCOME, highMountain })
    expect(r.uncertain).toContain('regional-coefficient')
    expect(r.amount?.value).toBe(1200)
  })
})

describe('«Балага сүйүнчү» (birth-grant)', () => {
  it.each<[string, Partial<FamilyAnswers>, Verdict, string]>([
    ['expected', { baby: 'expected' }, 'likely', 'baby-expected'],
    ['born this month', { baby: 'born', babyAgeMonths: 0 }, 'likely', 'baby-born-apply-soon'],
    ['5 months old', { baby: 'born', babyAgeMonths: 5 }, 'likely', 'baby-born-apply-soon'],
    ['6 months old: the deadline passed', { baby: 'born', babyAgeMonths: 6 }, 'unlikely', 'baby-deadline-passed'],
    ['11 months old', { baby: 'born', babyAgeMonths: 11 }, 'unlikely', 'baby-deadline-passed'],
    ['13 months old', { baby: 'born', babyAgeMonths: 13 }, 'unlikely', 'baby-deadline-passed'],
    ['age unknown', { baby: 'born', babyAgeMonths: 'unknown' }, 'maybe', 'baby-age-unknown'],
    ['baby unknown', { baby: 'unknown' }, 'maybe', 'baby-unknown'],
    ['no baby', { baby: 'no' }, 'unlikely', 'no-baby'],
  ])('%s → %s', (_, over, verdict, key) => {
    const r = one('birth-grant', over)
    expect(r.verdict).toBe(verdict)
    expect(keys(r)[0]).toBe(key)
  })

  it('gives the months as params for the deadline sentence', () => {
    const r = one('birth-grant', { baby: 'born', babyAgeMonths: 2 })
    expect(r.reasons[0]?.params).toEqual({ count: 2, months: 6 })
  })

  it('4 000 som per child for one baby or twins, 50 000 each for triplets (2026 figures)', () => {
    expect(one('birth-grant', { baby: 'born', babyAgeMonths: 1 }).amount).toMatchObject({ value: 4000, year: 2026, asOf: '2026-01', source: 'S20' })
    expect(one('birth-grant', { baby: 'born', babyAgeMonths: 1, babiesAtOnce: 2 }).amount).toMatchObject({ value: 4000, count: 2 })
    const triplets = one('birth-grant', { baby: 'born', babyAgeMonths: 1, babiesAtOnce: 3 })
    expect(triplets.amount).toMatchObject({ value: 50000, count: 3, unit: 'som-once-child' })
  })

  it('no income test: a rich family gets it too', () => {
    expect(one('birth-grant', { baby: 'expected', monthlyIncome: 500000 }).verdict).toBe('likely')
  })

  it.each(['yes', 'unknown'] as const)('born abroad %s → maybe, register the birth first', (babyBornAbroad) => {
    const r = one('birth-grant', { baby: 'born', babyAgeMonths: 1, babyBornAbroad })
    expect(r.verdict).toBe('maybe')
    expect(r.uncertain).toContain('birth-grant-born-abroad')
  })

  it('mentions the 2018 mountain figure only as a conflict note, 4 000 stays', () => {
    const r = one('birth-grant', { baby: 'born', babyAgeMonths: 1, highMountain: 'yes' })
    expect(r.amount?.value).toBe(4000)
    expect(r.uncertain).toContain('birth-grant-mountain-conflict')
  })

  it('adds the power of attorney and guardianship papers for grandparents', () => {
    const r = one('birth-grant', { baby: 'born', babyAgeMonths: 1, caregiver: 'relative' })
    expect(r.documents).toEqual(['passport', 'power-of-attorney', 'guardianship-decision'])
    expect(r.whereToApply).toEqual(['con', 'zags', 'tunduk'])
  })
})

describe('«Бала ырысы» (young-children)', () => {
  it.each<[string, Partial<FamilyAnswers>, Verdict, string]>([
    ['child aged 2', { childrenUnder16: 'yes', childAges: [2] }, 'likely', 'children-under-3'],
    ['child aged 3', { childrenUnder16: 'yes', childAges: [3] }, 'unlikely', 'no-children-under-3'],
    ['newborn', { childrenUnder16: 'yes', childAges: [], baby: 'born', babyAgeMonths: 4 }, 'likely', 'children-under-3'],
    ['expected baby', { baby: 'expected' }, 'likely', 'baby-expected-under-3'],
    ['ages unknown', { childrenUnder16: 'yes', childAges: 'unknown' }, 'maybe', 'children-ages-unknown'],
    ['no children', {}, 'unlikely', 'no-children-under-3'],
  ])('%s → %s', (_, over, verdict, key) => {
    const r = one('young-children', over)
    expect(r.verdict).toBe(verdict)
    expect(keys(r)[0]).toBe(key)
  })

  it.each<[string, string, Verdict, string]>([
    ['the day before 1 July 2026', '2026-06-30T12:00:00Z', 'maybe', 'young-children-not-started'],
    ['1 July 2026', '2026-07-01T12:00:00Z', 'likely', 'young-children-started'],
  ])('%s → %s', (_, day, verdict, key) => {
    const r = one('young-children', { childrenUnder16: 'yes', childAges: [1] }, new Date(day))
    expect(r.verdict).toBe(verdict)
    expect(r.reasons.find((x) => x.key === key)?.params).toEqual({ date: '2026-07-01' })
    expect(r.amount).toMatchObject({ value: 1200, unit: 'som-month-child', year: 2026, asOf: '2026-03', source: 'S25' })
    expect(r.amount?.flags.includes('announced')).toBe(verdict === 'maybe')
  })

  it('a child aged 2 in March 2026 may be 3 by July', () => {
    const r = one('young-children', { childrenUnder16: 'yes', childAges: [2] }, new Date('2026-03-01T12:00:00Z'))
    expect(r.verdict).toBe('maybe')
    expect(keys(r)).toContain('child-may-turn-3')
  })

  it('always says how to apply is not published, and that combining is unknown', () => {
    const r = one('young-children', { childrenUnder16: 'yes', childAges: [1], caregiver: 'relative' })
    expect(r.uncertain).toEqual(
      expect.arrayContaining(['young-children-rules-not-published', 'young-children-combination-unknown', 'young-children-caregiver-unknown']),
    )
    expect(r.documents).toEqual(['ask-office-list'])
  })
})

describe('high-mountain benefit (high-mountain-child)', () => {
  const third: Partial<FamilyAnswers> = { childrenUnder16: 'yes', childAges: [8, 5], baby: 'born', babyAgeMonths: 3 }

  it.each<[string, Partial<FamilyAnswers>, Verdict, string]>([
    ['3rd child born 2026 in the mountains', { ...third, highMountain: 'yes' }, 'likely', 'third-child-inferred'],
    ['explicitly the 3rd child', { childrenUnder16: 'yes', childAges: [0], baby: 'born', babyAgeMonths: 2, youngestIsThirdOrLater: 'yes', highMountain: 'yes' }, 'likely', 'third-child-under-3'],
    ['not a mountain area', { ...third, highMountain: 'no' }, 'unlikely', 'high-mountain-no'],
    ['mountain area unknown', { ...third, highMountain: 'unknown' }, 'maybe', 'high-mountain-unknown'],
    ['only two children', { childrenUnder16: 'yes', childAges: [5, 1], highMountain: 'yes' }, 'unlikely', 'no-third-child-under-3'],
    ['third child is 3', { childrenUnder16: 'yes', childAges: [9, 6, 3], highMountain: 'yes' }, 'unlikely', 'no-third-child-under-3'],
    ['birth order unknown', { childrenUnder16: 'yes', childAges: [1], youngestIsThirdOrLater: 'unknown', highMountain: 'yes' }, 'maybe', 'third-child-unknown'],
    ['youngest is not the 3rd', { ...third, youngestIsThirdOrLater: 'no', highMountain: 'yes' }, 'unlikely', 'no-third-child-under-3'],
    ['expected 3rd child', { childrenUnder16: 'yes', childAges: [6, 4], baby: 'expected', highMountain: 'yes' }, 'likely', 'expected-third-child'],
  ])('%s → %s', (_, over, verdict, key) => {
    const r = one('high-mountain-child', over)
    expect(r.verdict).toBe(verdict)
    expect(keys(r)).toContain(key)
  })

  it('3 000 som a month (2026), no regional coefficient note', () => {
    const r = one('high-mountain-child', { ...third, highMountain: 'yes' })
    expect(r.amount).toMatchObject({ value: 3000, unit: 'som-month-child', count: 1, year: 2026, asOf: '2026-01' })
    expect(r.uncertain).not.toContain('regional-coefficient')
    expect(r.uncertain).toContain('high-mountain-stops-abroad')
  })

  it.each<[number, Verdict]>([
    [11, 'likely'],
    [13, 'maybe'],
  ])('3rd child born %i months before 15 January 2027 → %s (maybe only children born from 2026)', (months, verdict) => {
    const r = one(
      'high-mountain-child',
      { childrenUnder16: 'yes', childAges: [8, 5], baby: 'born', babyAgeMonths: months, highMountain: 'yes' },
      new Date('2027-01-15T12:00:00Z'),
    )
    expect(r.verdict).toBe(verdict)
    expect(keys(r).includes('born-before-2026')).toBe(verdict === 'maybe')
  })

  it('a 3rd child aged 1 in November 2026 was born before 2026: maybe', () => {
    const r = one('high-mountain-child', { childrenUnder16: 'yes', childAges: [7, 4, 1], highMountain: 'yes' })
    expect(r.verdict).toBe('maybe')
    expect(r.reasons.find((x) => x.key === 'born-before-2026')?.params).toEqual({ date: '2026-01-01' })
  })

  it('was not paid before 2026', () => {
    const r = one('high-mountain-child', { ...third, highMountain: 'yes', babyAgeMonths: 1 }, new Date('2025-12-15T12:00:00Z'))
    expect(keys(r)).toContain('high-mountain-not-started')
    expect(r.verdict).toBe('maybe')
  })

  it('adds representative papers for grandparents', () => {
    expect(one('high-mountain-child', { ...third, highMountain: 'yes', caregiver: 'relative' }).documents).toContain('representative')
  })

  it('mentions «Бала береке» for a 4th child born in 2026 in the mountains', () => {
    const r = one('high-mountain-child', { childrenUnder16: 'yes', childAges: [10, 8, 5], baby: 'born', babyAgeMonths: 3, highMountain: 'yes' })
    expect(r.uncertain).toContain('bala-bereke')
    expect(r.otherAmounts.find((a) => a.variant === 'bala-bereke')).toMatchObject({ value: 100000, flags: ['announced'] })
    expect(r.reasons.find((x) => x.key === 'bala-bereke-order')?.params).toEqual({ order: 4 })
  })
})

describe('conflicts', () => {
  it('exports the pairs from the reference', () => {
    expect(BENEFIT_CONFLICTS.map((c) => [c.benefits.join('+'), c.kind])).toEqual([
      ['high-mountain-child+family-support', 'not-together'],
      ['social-contract+family-support', 'stops-for-years'],
      ['young-children+family-support', 'unknown'],
      ['young-children+high-mountain-child', 'unknown'],
    ])
    expect(BENEFIT_CONFLICTS[1]?.years).toBe(3)
  })

  it('high-mountain benefit and «Үй-бүлөгө көмөк» are not paid together: the larger is likely, the other instead', () => {
    const results = assess({ ...LOW_INCOME, childrenUnder16: 'yes', childAges: [8, 5], baby: 'born', babyAgeMonths: 3, highMountain: 'yes' })
    const support = results.find((r) => r.benefitId === 'family-support')
    const mountain = results.find((r) => r.benefitId === 'high-mountain-child')
    expect(support?.verdict).toBe('likely')
    expect(mountain?.verdict).toBe('maybe')
    expect(mountain?.insteadOf).toBe('family-support')
    expect(mountain?.reasons[0]).toEqual({ key: 'instead-of', status: 'unknown', params: { other: 'family-support' } })
    expect(support?.conflictsWith).toContain('high-mountain-child')
    expect(mountain?.conflictsWith).toContain('family-support')
    expect(support?.uncertain).toContain('high-mountain-not-with-family-support')
    expect(mountain?.uncertain).toContain('high-mountain-not-with-family-support')
    expect(findConflicts(results).map((c) => c.kind)).toEqual(['not-together', 'stops-for-years', 'unknown', 'unknown'])
  })

  it('no conflict when one side does not apply', () => {
    const results = assess({ ...LOW_INCOME, childrenUnder16: 'yes', childAges: [8], highMountain: 'no' })
    expect(results.find((r) => r.benefitId === 'family-support')?.conflictsWith).not.toContain('high-mountain-child')
  })

  it.each<[string, Partial<FamilyAnswers>, Verdict, string]>([
    ['gets «Үй-бүлөгө көмөк»', { ...LOW_INCOME, childrenUnder16: 'yes', childAges: [6] }, 'likely', 'via-family-support'],
    ['income unknown', { monthlyIncome: 'unknown', childrenUnder16: 'yes', childAges: [6] }, 'maybe', 'family-support-unclear'],
    ['income too high', { childrenUnder16: 'yes', childAges: [6] }, 'unlikely', 'not-low-income'],
  ])('social contract when the family %s → %s; signing may stop «Үй-бүлөгө көмөк» for 3 years', (_, over, verdict, key) => {
    const r = one('social-contract', over)
    expect(r.verdict).toBe(verdict)
    expect(keys(r)[0]).toBe(key)
    if (verdict !== 'unlikely') {
      expect(r.uncertain).toContain('social-contract-stops-family-support')
      expect(r.conflictsWith).toContain('family-support')
      expect(r.amount).toMatchObject({ value: 150000, unit: 'som-once-family', year: 2026, asOf: '2026-03' })
    }
  })
})

describe('monthly social benefit (social-benefit)', () => {
  it.each<[string, Partial<FamilyAnswers>, Verdict, string, number | undefined]>([
    ['child with a disability', { disabledChild: 'yes' }, 'likely', 'disabled-child', 8000],
    ['maybe a child with a disability', { disabledChild: 'unknown' }, 'maybe', 'disabled-child-unknown', 8000],
    ['disabled from childhood, group I', { disabledAdult: 'yes', disabledAdultSinceChildhood: 'yes', disabledAdultGroup: 'I' }, 'likely', 'disabled-adult-childhood', 8000],
    ['disabled from childhood, group II (2021 figure)', { disabledAdult: 'yes', disabledAdultSinceChildhood: 'yes', disabledAdultGroup: 'II' }, 'likely', 'disabled-adult-childhood', 4950],
    ['disabled by illness, group I', { disabledAdult: 'yes', disabledAdultSinceChildhood: 'no', disabledAdultGroup: 'I' }, 'maybe', 'disabled-adult-illness', 5500],
    ['disabled by illness, group III', { disabledAdult: 'yes', disabledAdultSinceChildhood: 'no', disabledAdultGroup: 'III' }, 'maybe', 'disabled-adult-illness', undefined],
    ['full orphan', { orphan: 'both-parents' }, 'likely', 'orphan-both', 6000],
    ['mother-heroine', { motherHeroine: 'yes' }, 'likely', 'hero-mother', 3000],
    ['nobody', {}, 'unlikely', 'no-category', undefined],
  ])('%s → %s', (_, over, verdict, key, value) => {
    const r = one('social-benefit', over)
    expect(r.verdict).toBe(verdict)
    expect(keys(r)[0]).toBe(key)
    expect(r.amount?.value).toBe(value)
  })

  it('child with a disability: 8 000 som, 2025 figure flagged old, МСЭК paper', () => {
    const r = one('social-benefit', { disabledChild: 'yes', highMountain: 'yes' })
    expect(r.amount).toMatchObject({ value: 8000, year: 2025, flags: ['old'] })
    expect(r.documents).toEqual(['passport', 'children-birth', 'msec-conclusion', 'residence-registration'])
    expect(r.uncertain).toEqual(expect.arrayContaining(['social-benefit-no-2026-rise', 'regional-coefficient']))
  })

  it('child who lost one parent: sources disagree, 2 000–3 000', () => {
    const r = one('social-benefit', { orphan: 'one-parent' })
    expect(r.amount).toMatchObject({ min: 2000, max: 3000, flags: ['old', 'conflict'] })
    expect(r.uncertain).toContain('orphan-one-parent-conflict')
  })

  it.each<[string, Partial<FamilyAnswers>, Verdict, string]>([
    ['woman 60, 2 years of record', { elderSex: 'female', elderAge: 60, elderInsuranceYears: 2 }, 'likely', 'elderly-no-pension-right'],
    ['woman 59, 2 years of record', { elderSex: 'female', elderAge: 59, elderInsuranceYears: 2 }, 'unlikely', 'elderly-too-young'],
    ['man 64, no record', { elderSex: 'male', elderAge: 64, elderInsuranceYears: 0 }, 'unlikely', 'elderly-too-young'],
    ['man 65, no record', { elderSex: 'male', elderAge: 65, elderInsuranceYears: 0 }, 'likely', 'elderly-no-pension-right'],
    ['man 70 with 6 years: a pension instead', { elderSex: 'male', elderAge: 70, elderInsuranceYears: 6 }, 'unlikely', 'elderly-has-pension-right'],
    ['record unknown', { elderSex: 'male', elderAge: 70, elderInsuranceYears: 'unknown' }, 'maybe', 'elderly-unknown'],
    ['sex unknown, 62', { elderSex: 'unknown', elderAge: 62, elderInsuranceYears: 0 }, 'maybe', 'elderly-unknown'],
  ])('elderly without a pension: %s → %s', (_, over, verdict, key) => {
    const r = one('social-benefit', { elderWithoutPension: 'yes', ...over })
    expect(r.verdict).toBe(verdict)
    expect(keys(r)[0]).toBe(key)
    if (verdict === 'likely') expect(r.amount).toMatchObject({ value: 2000, year: 2025, flags: ['old', 'unverified'] })
  })

  it('one category is enough: another that does not apply does not hide it', () => {
    const r = one('social-benefit', { disabledChild: 'yes', elderWithoutPension: 'yes', elderSex: 'female', elderAge: 59, elderInsuranceYears: 0 })
    expect(r.verdict).toBe('likely')
    expect(keys(r)).toEqual(expect.arrayContaining(['disabled-child', 'elderly-too-young']))
  })

  it('says one person gets only one social benefit when several may apply', () => {
    expect(one('social-benefit', { disabledChild: 'yes', motherHeroine: 'yes' }).uncertain).toContain('social-benefit-one-only')
  })
})

describe('maternity benefit (maternity)', () => {
  it.each<[FamilyAnswers['pregnantWoman'], Verdict, string, string[]]>([
    ['employed', 'likely', 'pregnant-employed', ['employer']],
    ['entrepreneur', 'likely', 'pregnant-entrepreneur', ['district-office']],
    ['registered-unemployed', 'maybe', 'pregnant-unemployed', ['district-office']],
    ['not-working', 'unlikely', 'pregnant-not-working', ['employer', 'district-office']],
    ['no', 'unlikely', 'no-pregnant', ['employer', 'district-office']],
    ['unknown', 'maybe', 'pregnant-unknown', ['employer', 'district-office']],
  ])('pregnant woman: %s → %s', (pregnantWoman, verdict, key, where) => {
    const r = one('maternity', { pregnantWoman })
    expect(r.verdict).toBe(verdict)
    expect(keys(r)[0]).toBe(key)
    expect(r.whereToApply).toEqual(where)
  })

  it('employed: 100 % from the employer for 10 working days, then 2 000 som a month (2026); 126 days', () => {
    const r = one('maternity', { pregnantWoman: 'employed' })
    expect(r.amount).toMatchObject({ variant: 'employer-first-days', value: 100, unit: 'percent-earnings', flags: ['old'] })
    expect(r.otherAmounts[0]).toMatchObject({ variant: 'budget-from-day-11', value: 2000, year: 2026, asOf: '2026-01' })
    expect(r.reasons.find((x) => x.key === 'leave-days')?.params).toEqual({ count: 126 })
    expect(r.documents).toEqual(['sick-leave', 'employer-application'])
  })

  it('employed in the mountains: 100 % of pay for all working days, 140 days', () => {
    const r = one('maternity', { pregnantWoman: 'employed', highMountain: 'yes' })
    expect(keys(r)).toContain('mountain-full-pay')
    expect(r.amount?.variant).toBe('mountain-employed')
    expect(r.reasons.find((x) => x.key === 'leave-days')?.params).toEqual({ count: 140 })
  })

  it('own business in the mountains: the official rule was not found', () => {
    expect(one('maternity', { pregnantWoman: 'entrepreneur', highMountain: 'yes' }).uncertain).toContain('maternity-mountain-self-employed')
  })
})

describe('pension (pension)', () => {
  it.each<[string, Partial<FamilyAnswers>, Verdict, string[]]>([
    ['woman 58 with 6 years', { elderSex: 'female', elderAge: 58, elderInsuranceYears: 6 }, 'likely', ['elder-pension-age', 'record-enough']],
    ['woman 57', { elderSex: 'female', elderAge: 57, elderInsuranceYears: 10 }, 'unlikely', ['elder-below-pension-age']],
    ['man 62', { elderSex: 'male', elderAge: 62, elderInsuranceYears: 10 }, 'unlikely', ['elder-below-pension-age']],
    ['man 63', { elderSex: 'male', elderAge: 63, elderInsuranceYears: 10 }, 'likely', ['elder-pension-age']],
    ['sex unknown, 60', { elderSex: 'unknown', elderAge: 60, elderInsuranceYears: 10 }, 'maybe', ['elder-age-unknown']],
    ['5 years of record in 2026', { elderSex: 'male', elderAge: 70, elderInsuranceYears: 5 }, 'unlikely', ['record-short']],
    ['record unknown', { elderSex: 'male', elderAge: 70, elderInsuranceYears: 'unknown' }, 'maybe', ['record-unknown']],
  ])('%s → %s', (_, over, verdict, expectedKeys) => {
    const r = one('pension', { elderWithoutPension: 'yes', ...over })
    expect(r.verdict).toBe(verdict)
    expect(keys(r)).toEqual(expect.arrayContaining(expectedKeys))
  })

  it('5 years of record were enough before 2026 (rule from 1 July 2024)', () => {
    const r = one('pension', { elderWithoutPension: 'yes', elderSex: 'male', elderAge: 70, elderInsuranceYears: 5 }, new Date('2025-10-01T12:00:00Z'))
    expect(r.verdict).toBe('likely')
    expect(r.reasons.find((x) => x.key === 'record-enough')?.params).toEqual({ count: 5, year: 2024 })
  })

  it('minimum pension 7 100 som, an October 2025 figure flagged old', () => {
    const r = one('pension', { elderWithoutPension: 'yes', elderSex: 'female', elderAge: 60, elderInsuranceYears: 20 })
    expect(r.amount).toMatchObject({ value: 7100, year: 2025, asOf: '2025-10', flags: ['old'] })
    expect(r.uncertain).toEqual(expect.arrayContaining(['pension-indexation-unchecked', 'pension-voluntary', 'pension-eaeu']))
    expect(r.whereToApply).toEqual(['social-fund'])
  })

  it('nobody of pension age: unlikely, with the migrant\'s EAEU sentence', () => {
    const r = one('pension', {})
    expect(r.verdict).toBe('unlikely')
    expect(r.reasons[0]).toEqual({ key: 'no-elder', status: 'not-met', params: { date: '2021-01-01' } })
    expect(r.reasons.find((x) => x.key === 'eaeu-work')?.params).toEqual({ date: '2021-01-01', count: 12 })
  })

  it('"I don\'t know" about an elder → maybe', () => {
    expect(one('pension', { elderWithoutPension: 'unknown' }).verdict).toBe('maybe')
  })
})
