/**
 * Kyrgyz state benefits for migrants' families, as data. Every figure comes from
 * ../shared/reference/kyrgyz-benefits.md (research window to mid-March 2026, verification pass 2026-11-23) and
 * carries the year it refers to, the month it was last seen, its source ids and confidence.
 * Text shown to users lives in locales/<lang>/benefits.json; here are only keys.
 * Pure data: no grammY, no database. The rules that use it are in src/benefits/assess-family.ts.
 */

/** Date of the last verification pass of the reference. */
export const BENEFITS_CHECKED = '2026-11-23'

export const BENEFIT_IDS = [
  'family-support',
  'birth-grant',
  'young-children',
  'high-mountain-child',
  'social-contract',
  'social-benefit',
  'maternity',
  'pension',
] as const
export type BenefitId = (typeof BENEFIT_IDS)[number]

export type ArticleId =
  | 'benefit-family-support'
  | 'benefit-birth-grant'
  | 'benefit-young-children'
  | 'benefit-disability'
  | 'benefit-maternity'
  | 'pension-kg'

export type Confidence = 'high' | 'medium'

/** How an amount reads: `som-month-child` = som a month per child, `percent-earnings` = % of the woman's pay. */
export type AmountUnit =
  | 'som-month-child'
  | 'som-once-child'
  | 'som-month'
  | 'som-once-family'
  | 'som-loan-family'
  | 'percent-earnings'

/**
 * `old`: the newest sourced figure is from before 2026 (shown with its year, no newer one found);
 * `unverified`: one source only; `conflict`: sources disagree (a range is shown);
 * `announced`: not paid yet on the given day; `after-window`: took effect after March 2026, could not be checked.
 */
export type AmountFlag = 'old' | 'unverified' | 'conflict' | 'announced' | 'after-window'

/** Same meaning as `status` in the reference's machine table. */
export type AmountStatus = 'current' | 'announced' | 'conflict' | 'historical' | 'not_in_force'

export const NOTE_KEYS = [
  'figures-change',
  'ask-lawyer',
  'as-of-march-2026',
  'medium-check-office',
  'family-support-1500-draft',
  'remittances-unknown',
  'property-check',
  'regional-coefficient',
  'social-contract-stops-family-support',
  'high-mountain-not-with-family-support',
  'young-children-rules-not-published',
  'young-children-combination-unknown',
  'young-children-caregiver-unknown',
  'high-mountain-stops-abroad',
  'bala-bereke',
  'birth-grant-mountain-conflict',
  'birth-grant-born-abroad',
  'social-benefit-no-2026-rise',
  'social-benefit-old-amount',
  'social-benefit-amount-not-found',
  'orphan-one-parent-conflict',
  'orphan-survivor-pension',
  'social-benefit-one-only',
  'social-benefit-place',
  'unverified-amount',
  'maternity-mountain-self-employed',
  'pension-indexation-unchecked',
  'pension-min-record-rising',
  'pension-voluntary',
  'pension-eaeu',
] as const
export type NoteKey = (typeof NOTE_KEYS)[number]

export const DOCUMENT_KEYS = [
  'passport',
  'children-birth',
  'aiyl-okmotu-income',
  'tax-income',
  'guardianship-decision',
  'power-of-attorney',
  'parents-passports',
  'multiple-birth',
  'zone-registration',
  'representative',
  'social-passport',
  'business-plan',
  'msec-conclusion',
  'residence-registration',
  'sick-leave',
  'employer-application',
  'patent-or-registration',
  'application-pin',
  'work-record',
  'ask-office-list',
] as const
export type DocumentKey = (typeof DOCUMENT_KEYS)[number]

export const WHERE_KEYS = [
  'district-office',
  'district-office-actual',
  'con',
  'zags',
  'tunduk',
  'aiyl-okmotu',
  'employer',
  'social-fund',
] as const
export type WhereKey = (typeof WHERE_KEYS)[number]

/** Source ids from the reference's Sources list (SEED = /work/shared/seeds/001_f7ae2b88052fa1fc.txt). */
export type SourceId = keyof typeof SOURCES

export interface AmountRule {
  /** Which figure this is, e.g. `per-child`, `triplets`; also the locale key `variant.<variant>`. */
  readonly variant: string
  readonly value?: number
  readonly min?: number
  readonly max?: number
  readonly unit: AmountUnit
  /** ISO date the amount started, where known. */
  readonly validFrom?: string
  /** The latest year a source confirmed the figure (`figure_year` in the machine table). */
  readonly year: number
  /** YYYY-MM of the newest source that shows the figure. */
  readonly asOf: string
  /** Main source; `sources` lists all of them. */
  readonly source: SourceId
  readonly sources: readonly SourceId[]
  readonly confidence: Confidence
  readonly status: AmountStatus
  readonly flags: readonly AmountFlag[]
  readonly note?: NoteKey
}

export interface ConditionRule {
  /** Machine name of the condition; the user-facing sentences are the reason keys of the assessment. */
  readonly key: string
  readonly sources: readonly SourceId[]
  readonly confidence: Confidence
  /** ⚠ UNVERIFIED in the reference: word with care. */
  readonly unverified?: true
}

export interface BenefitRule {
  readonly id: BenefitId
  /** Names exactly as offices write them (ky, ru); `short` is what people say. */
  readonly names: { readonly ky: string; readonly ru: string; readonly short: string }
  readonly articleId: ArticleId
  readonly incomeTest: boolean
  readonly amounts: readonly AmountRule[]
  readonly conditions: readonly ConditionRule[]
  readonly documents: readonly DocumentKey[]
  readonly whereToApply: readonly WhereKey[]
  /** Notes shown whenever the benefit may apply. */
  readonly notes: readonly NoteKey[]
}

/** Guaranteed minimum income (ГМД): «үй-бүлөгө көмөк» needs income per family member below it. */
export const GMD_THRESHOLD = {
  value: 1000,
  unit: 'som-month-person',
  comparison: 'below',
  validFrom: '2020',
  year: 2026,
  asOf: '2026-01',
  source: 'S95',
  sources: ['S10', 'S02', 'S05', 'S06', 'S95'],
  confidence: 'high',
} as const satisfies Omit<AmountRule, 'variant' | 'unit' | 'status' | 'flags'> & { unit: string; comparison: 'below' }

/** Ages, dates and counts the rules use, each with its sources. Ages are in full years. */
export const RULES = {
  familySupport: { childAgeBelow: 16, sources: ['S02', 'S05', 'S06'] },
  birthGrant: { applyWithinMonths: 6, multipleBirthFrom: 3, sources: ['S19', 'S21', 'S24'] },
  youngChildren: { childAgeBelow: 3, startsOn: '2026-07-01', sources: ['S25', 'S25b', 'S25c', 'S84'] },
  highMountain: {
    fromChildOrder: 3,
    childAgeBelow: 3,
    inForceFrom: '2026-01-01',
    /** ⚠ UNVERIFIED: maybe only for a 3rd+ child born on or after this day (S93, S94). */
    possibleBirthCutoff: '2026-01-01',
    sources: ['S27', 'S28', 'S90', 'S91', 'S92'],
  },
  balaBereke: {
    fromChildOrder: 4,
    bornFrom: '2026-01-01',
    motherInZoneYears: 2,
    /** Apply within this many months after the child's first birthday (S30, S88). */
    applyWithinMonthsAfterFirstBirthday: 6,
    /** Som once, by the mother's birth order of the child; 10 = the 10th and every later child (S29, S88, S89). */
    amountByOrder: { 4: 100000, 5: 600000, 6: 800000, 7: 1000000, 8: 1200000, 9: 1500000, 10: 2000000 },
    sources: ['S29', 'S30', 'S88'],
  },
  socialContract: { blocksFamilySupportYears: 3, sources: ['S03'] },
  socialBenefit: {
    elderlyAge: { male: 65, female: 60 },
    heroMotherAge: 55,
    disabledChildAgeBelow: 18,
    sources: ['S33', 'S34', 'S38'],
  },
  maternity: {
    employerPaysWorkingDays: 10,
    leaveDays: { lowland: 126, lowlandComplicatedOrMultiple: 140, mountain: 140, mountainMultiple: 180 },
    sources: ['S42', 'S43', 'S44', 'S45'],
  },
  pension: {
    age: { male: 63, female: 58 },
    /** Minimum insurance record for any pension; it keeps rising (to 20 years by 2045), later steps not sourced. */
    minRecord: [
      { from: '2024-07-01', years: 5 },
      { from: '2026-01-01', years: 6 },
    ],
    /** From this day on the sourced minimum may be out of date. */
    minRecordCheckedUntil: '2027-12-31',
    fullBasePartRecord: { male: 25, female: 20 },
    eaeuAgreementFrom: '2021-01-01',
    eaeuMinMonthsAbroad: 12,
    voluntaryMinPercentOfAverageWage: 8,
    sources: ['S49', 'S50', 'S55', 'S56', 'S53', 'S54', 'S58', 'S60', 'S61', 'S62'],
  },
} as const

const FIGURE: Pick<AmountRule, 'status' | 'flags'> = { status: 'current', flags: [] }
const OLD: Pick<AmountRule, 'status' | 'flags'> = { status: 'current', flags: ['old'] }

export const BENEFITS = {
  'family-support': {
    id: 'family-support',
    names: {
      ky: '16 жашка чейинки балдары бар муктаж жарандарга (үй-бүлөлөргө) "үй-бүлөгө көмөк" ар айлык жөлөкпул',
      ru: 'ежемесячное пособие нуждающимся гражданам (семьям), имеющим детей до 16 лет, «үй-бүлөгө көмөк»',
      short: 'Үй-бүлөгө көмөк',
    },
    articleId: 'benefit-family-support',
    incomeTest: true,
    amounts: [
      {
        variant: 'per-child',
        value: 1200,
        unit: 'som-month-child',
        validFrom: '2022-06-01',
        year: 2026,
        asOf: '2026-01',
        source: 'S08',
        sources: ['S09', 'S105', 'S05', 'S06', 'S07', 'S08', 'S94'],
        confidence: 'high',
        ...FIGURE,
      },
      {
        // A ministry draft read as a decision by one text: never shown as an amount, only in the note.
        variant: 'draft-1500',
        value: 1500,
        unit: 'som-month-child',
        year: 2025,
        asOf: '2025-09',
        source: 'S07',
        sources: ['S03', 'S07', 'S08', 'S94', 'S95'],
        confidence: 'medium',
        status: 'not_in_force',
        flags: ['conflict'],
        note: 'family-support-1500-draft',
      },
    ],
    conditions: [
      { key: 'child-under-16', sources: ['S02'], confidence: 'high' },
      { key: 'income-per-member-below-gmd', sources: ['S02', 'S05', 'S06', 'S95'], confidence: 'high' },
      { key: 'pensions-and-benefits-not-counted', sources: ['S04', 'S12', 'SEED'], confidence: 'high' },
      { key: 'adults-work-or-registered-unemployed', sources: ['S04', 'S03'], confidence: 'medium' },
      { key: 'migrant-families-included', sources: ['S03', 'S04'], confidence: 'medium' },
      { key: 'not-with-high-mountain-benefit', sources: ['S86', 'S87'], confidence: 'medium' },
      { key: 'not-after-social-contract-3-years', sources: ['S03'], confidence: 'medium', unverified: true },
    ],
    documents: ['passport', 'children-birth', 'aiyl-okmotu-income', 'tax-income'],
    whereToApply: ['district-office-actual'],
    notes: ['family-support-1500-draft', 'property-check'],
  },
  'birth-grant': {
    id: 'birth-grant',
    names: {
      ky: '"балага сүйүнчү" бир жолку төлөм',
      ru: 'единовременная выплата при рождении ребенка «балага суйунчу»',
      short: 'Балага сүйүнчү',
    },
    articleId: 'benefit-birth-grant',
    incomeTest: false,
    amounts: [
      {
        variant: 'per-child',
        value: 4000,
        unit: 'som-once-child',
        validFrom: '2018-01-01',
        year: 2026,
        asOf: '2026-01',
        source: 'S20',
        sources: ['SEED', 'S18', 'S19', 'S20', 'S08'],
        confidence: 'high',
        ...FIGURE,
      },
      {
        variant: 'triplets',
        value: 50000,
        unit: 'som-once-child',
        validFrom: '2019-12-01',
        year: 2026,
        asOf: '2026-01',
        source: 'S20',
        sources: ['S24', 'S19', 'S20', 'S18'],
        confidence: 'high',
        ...FIGURE,
      },
      {
        // 2018 report only; the 2026 source says the sums carry no coefficient. Never shown as an amount.
        variant: 'mountain-2018',
        value: 6000,
        unit: 'som-once-child',
        validFrom: '2018-01-01',
        year: 2018,
        asOf: '2018-01',
        source: 'S23',
        sources: ['S23', 'S20'],
        confidence: 'medium',
        status: 'conflict',
        flags: ['old', 'conflict'],
        note: 'birth-grant-mountain-conflict',
      },
    ],
    conditions: [
      { key: 'every-child-no-income-test', sources: ['S18', 'S20'], confidence: 'high' },
      { key: 'apply-within-6-months-of-birth', sources: ['S19', 'S21'], confidence: 'high' },
      { key: 'applicant-lives-with-child', sources: ['S18'], confidence: 'high' },
    ],
    documents: ['passport'],
    whereToApply: ['con', 'zags', 'tunduk'],
    notes: [],
  },
  'young-children': {
    id: 'young-children',
    names: {
      // The decree text was not seen: names as the press service and Azattyk wrote them (S25b, S84).
      ky: '"Бала ырысы" жөлөк пулу',
      ru: 'пособие «Бала ырысы»',
      short: 'Бала ырысы',
    },
    articleId: 'benefit-young-children',
    incomeTest: false,
    amounts: [
      {
        variant: 'per-child',
        value: 1200,
        unit: 'som-month-child',
        validFrom: '2026-07-01',
        year: 2026,
        asOf: '2026-03',
        source: 'S25',
        sources: ['S25', 'S25b', 'S25c', 'S84', 'S85'],
        confidence: 'high',
        status: 'announced',
        flags: ['after-window'],
      },
    ],
    conditions: [
      { key: 'every-child-under-3-no-income-test', sources: ['S25', 'S84'], confidence: 'high' },
      { key: 'paid-from-2026-07-01', sources: ['S25', 'S25b', 'S25c'], confidence: 'high' },
      { key: 'mechanism-not-published', sources: ['S84'], confidence: 'medium', unverified: true },
    ],
    documents: ['ask-office-list'],
    whereToApply: ['district-office', 'con'],
    notes: ['young-children-rules-not-published', 'young-children-combination-unknown'],
  },
  'high-mountain-child': {
    id: 'high-mountain-child',
    names: {
      ky: 'Бийик тоолуу аймактардын жашоочуларына көмөк',
      ru: 'ежемесячное пособие жителям высокогорных районов',
      short: 'Бийик тоолуу аймактардын жашоочуларына көмөк',
    },
    articleId: 'benefit-young-children',
    incomeTest: false,
    amounts: [
      {
        variant: 'per-child',
        value: 3000,
        unit: 'som-month-child',
        validFrom: '2026-01-01',
        year: 2026,
        asOf: '2026-01',
        source: 'S28',
        sources: ['S27', 'S27b', 'S28', 'S90', 'S91', 'S92', 'S08'],
        confidence: 'high',
        ...FIGURE,
      },
      {
        // «Бала береке»: one-off for the 4th and later child born from 2026, paid at age one (from 2027).
        variant: 'bala-bereke',
        min: 100000,
        max: 2000000,
        unit: 'som-once-child',
        validFrom: '2026-01-01',
        year: 2026,
        asOf: '2026-01',
        source: 'S88',
        sources: ['S29', 'S30', 'S88', 'S89'],
        confidence: 'high',
        status: 'announced',
        flags: ['announced'],
        note: 'bala-bereke',
      },
    ],
    conditions: [
      { key: 'lives-in-high-mountain-or-remote-zone', sources: ['S27', 'S28'], confidence: 'high' },
      { key: 'third-or-later-child-under-3', sources: ['S27', 'S28'], confidence: 'high' },
      { key: 'no-income-test-child-lives-with-recipient', sources: ['S28'], confidence: 'high' },
      { key: 'not-with-family-support', sources: ['S86', 'S87'], confidence: 'medium' },
      { key: 'maybe-only-born-from-2026', sources: ['S93', 'S94'], confidence: 'medium', unverified: true },
    ],
    documents: ['parents-passports', 'children-birth', 'multiple-birth', 'zone-registration'],
    whereToApply: ['district-office'],
    notes: ['high-mountain-not-with-family-support', 'high-mountain-stops-abroad'],
  },
  'social-contract': {
    id: 'social-contract',
    names: { ky: 'Социалдык келишим', ru: 'Социальный контракт', short: 'Социалдык келишим' },
    articleId: 'benefit-family-support',
    incomeTest: true,
    amounts: [
      {
        variant: 'grant',
        value: 150000,
        unit: 'som-once-family',
        validFrom: '2025-01-01',
        year: 2026,
        asOf: '2026-03',
        source: 'S13',
        sources: ['S13', 'S14', 'S15'],
        confidence: 'high',
        ...FIGURE,
      },
      {
        variant: 'loan',
        value: 200000,
        unit: 'som-loan-family',
        year: 2025,
        asOf: '2025-01',
        source: 'S81',
        sources: ['S80', 'S81'],
        confidence: 'medium',
        ...OLD,
      },
    ],
    conditions: [
      { key: 'social-passport-or-family-support', sources: ['S14', 'S15', 'S16'], confidence: 'high' },
      { key: 'working-capacity-and-business-plan', sources: ['S14', 'S15'], confidence: 'high' },
      { key: 'commission-decides', sources: ['S14', 'S15'], confidence: 'high' },
      { key: 'stops-family-support-3-years', sources: ['S03'], confidence: 'medium', unverified: true },
    ],
    documents: ['social-passport', 'business-plan'],
    whereToApply: ['aiyl-okmotu', 'district-office'],
    notes: ['social-contract-stops-family-support'],
  },
  'social-benefit': {
    id: 'social-benefit',
    names: {
      ky: 'Пенсиялык камсыз кылууга укугу жок адамдарга ар айлык социалдык жөлөкпул — "социалдык жөлөкпул"',
      ru: 'ежемесячное социальное пособие',
      short: 'Социалдык жөлөкпул',
    },
    articleId: 'benefit-disability',
    incomeTest: false,
    amounts: [
      {
        variant: 'disabled-child',
        value: 8000,
        unit: 'som-month',
        validFrom: '2022-01-01',
        year: 2025,
        asOf: '2025-11',
        source: 'S33',
        sources: ['S35', 'S36', 'S33', 'S34'],
        confidence: 'high',
        ...OLD,
      },
      {
        variant: 'disabled-childhood-1',
        value: 8000,
        unit: 'som-month',
        validFrom: '2022-01-01',
        year: 2025,
        asOf: '2025-11',
        source: 'S33',
        sources: ['S35', 'S33', 'S34'],
        confidence: 'high',
        ...OLD,
      },
      {
        variant: 'disabled-childhood-2',
        value: 4950,
        unit: 'som-month',
        validFrom: '2021-10-01',
        year: 2021,
        asOf: '2021-09',
        source: 'S35',
        sources: ['S35', 'S37'],
        confidence: 'medium',
        status: 'historical',
        flags: ['old'],
        note: 'social-benefit-old-amount',
      },
      {
        variant: 'disabled-childhood-3',
        value: 4050,
        unit: 'som-month',
        validFrom: '2021-10-01',
        year: 2021,
        asOf: '2021-09',
        source: 'S35',
        sources: ['S35', 'S37'],
        confidence: 'medium',
        status: 'historical',
        flags: ['old'],
        note: 'social-benefit-old-amount',
      },
      {
        variant: 'disabled-general-1',
        value: 5500,
        unit: 'som-month',
        validFrom: '2022-06-01',
        year: 2022,
        asOf: '2022-06',
        source: 'S09',
        sources: ['S09'],
        confidence: 'high',
        ...OLD,
      },
      {
        variant: 'orphan-both',
        value: 6000,
        unit: 'som-month',
        validFrom: '2022-01-01',
        year: 2026,
        asOf: '2026-01',
        source: 'S08',
        sources: ['S39', 'S40', 'S73', 'S08'],
        confidence: 'high',
        ...FIGURE,
      },
      {
        variant: 'orphan-one',
        min: 2000,
        max: 3000,
        unit: 'som-month',
        validFrom: '2022-01-01',
        year: 2022,
        asOf: '2022-01',
        source: 'S35',
        sources: ['S35', 'S39'],
        confidence: 'medium',
        status: 'conflict',
        flags: ['old', 'conflict'],
        note: 'orphan-one-parent-conflict',
      },
      {
        variant: 'elderly',
        value: 2000,
        unit: 'som-month',
        year: 2025,
        asOf: '2025-02',
        source: 'S33',
        sources: ['S33'],
        confidence: 'medium',
        status: 'current',
        flags: ['old', 'unverified'],
        note: 'unverified-amount',
      },
      {
        variant: 'hero-mother',
        value: 3000,
        unit: 'som-month',
        year: 2025,
        asOf: '2025-02',
        source: 'S33',
        sources: ['S33'],
        confidence: 'medium',
        status: 'current',
        flags: ['old', 'unverified'],
        note: 'unverified-amount',
      },
      {
        variant: 'range',
        min: 2000,
        max: 8000,
        unit: 'som-month',
        year: 2025,
        asOf: '2025-11',
        source: 'S34',
        sources: ['S34', 'S101'],
        confidence: 'high',
        ...OLD,
      },
    ],
    conditions: [
      { key: 'no-right-to-pension', sources: ['S32', 'S34'], confidence: 'high' },
      { key: 'category-disabled-child-orphan-disabled-elderly-hero-mother', sources: ['S34'], confidence: 'high' },
      { key: 'elderly-men-65-women-60-hero-mothers-55', sources: ['S33', 'S38'], confidence: 'high' },
      { key: 'no-income-test', sources: ['S32'], confidence: 'high' },
      { key: 'one-benefit-per-person', sources: ['S38'], confidence: 'medium' },
    ],
    documents: ['passport', 'ask-office-list'],
    whereToApply: ['district-office'],
    notes: ['social-benefit-no-2026-rise', 'social-benefit-place'],
  },
  maternity: {
    id: 'maternity',
    names: {
      ky: 'Кош бойлуулук жана төрөт боюнча жөлөкпул',
      ru: 'пособие по беременности и родам',
      short: 'Кош бойлуулук жана төрөт боюнча жөлөкпул',
    },
    articleId: 'benefit-maternity',
    incomeTest: false,
    amounts: [
      {
        variant: 'employer-first-days',
        value: 100,
        unit: 'percent-earnings',
        year: 2024,
        asOf: '2024-10',
        source: 'S42',
        sources: ['S42', 'S43', 'S96'],
        confidence: 'high',
        ...OLD,
      },
      {
        variant: 'budget-from-day-11',
        value: 2000,
        unit: 'som-month',
        validFrom: '2024-01-01',
        year: 2026,
        asOf: '2026-01',
        source: 'S46',
        sources: ['S42', 'S43', 'S46', 'S96'],
        confidence: 'high',
        ...FIGURE,
      },
      {
        variant: 'mountain-employed',
        value: 100,
        unit: 'percent-earnings',
        year: 2024,
        asOf: '2024-10',
        source: 'S43',
        sources: ['S43', 'S96', 'SEED'],
        confidence: 'high',
        ...OLD,
      },
    ],
    conditions: [
      { key: 'employed-entrepreneur-farm-or-registered-unemployed', sources: ['S42', 'S43', 'S44'], confidence: 'high' },
      { key: 'unemployed-needs-unemployment-benefit-right', sources: ['S42', 'S44'], confidence: 'high' },
      { key: 'non-working-women-get-nothing', sources: ['S42', 'S43', 'S44'], confidence: 'high' },
    ],
    documents: ['sick-leave'],
    whereToApply: ['employer', 'district-office'],
    notes: [],
  },
  pension: {
    id: 'pension',
    names: {
      // ⚠ The reference gives no Kyrgyz name; «курагы боюнча пенсия» is the term of the pension law.
      ky: 'курагы боюнча пенсия',
      ru: 'пенсия по возрасту',
      short: 'Пенсия',
    },
    articleId: 'pension-kg',
    incomeTest: false,
    amounts: [
      {
        variant: 'minimum',
        value: 7100,
        unit: 'som-month',
        validFrom: '2025-10-01',
        year: 2025,
        asOf: '2025-10',
        source: 'S52',
        sources: ['S51', 'S52', 'S50', 'S97', 'S98'],
        confidence: 'high',
        ...OLD,
        note: 'pension-indexation-unchecked',
      },
      {
        variant: 'base-part',
        value: 3170,
        unit: 'som-month',
        year: 2024,
        asOf: '2024-02',
        source: 'S53',
        sources: ['S53'],
        confidence: 'high',
        ...OLD,
      },
    ],
    conditions: [
      { key: 'age-men-63-women-58', sources: ['S49', 'S50', 'S97'], confidence: 'high' },
      { key: 'min-insurance-record', sources: ['S55', 'S56', 'S57'], confidence: 'medium' },
      { key: 'voluntary-contributions-8-percent', sources: ['S58', 'S99'], confidence: 'high' },
      { key: 'eaeu-record-after-2021', sources: ['S60', 'S61', 'S62', 'S65', 'S100'], confidence: 'high' },
    ],
    documents: ['passport', 'work-record', 'ask-office-list'],
    whereToApply: ['social-fund'],
    notes: ['pension-indexation-unchecked'],
  },
} as const satisfies Record<BenefitId, BenefitRule>

/** Pairs of benefits that exclude or limit each other. */
export interface BenefitConflict {
  readonly benefits: readonly [BenefitId, BenefitId]
  /** `not-together`: only one of the two is paid; `stops-for-years`: taking the first stops the second;
   *  `unknown`: whether they combine was not published. */
  readonly kind: 'not-together' | 'stops-for-years' | 'unknown'
  readonly years?: number
  readonly note: NoteKey
  readonly sources: readonly SourceId[]
  readonly confidence: Confidence
  readonly unverified?: true
}

export const BENEFIT_CONFLICTS: readonly BenefitConflict[] = [
  {
    benefits: ['high-mountain-child', 'family-support'],
    kind: 'not-together',
    note: 'high-mountain-not-with-family-support',
    sources: ['S86', 'S87'],
    confidence: 'medium',
  },
  {
    benefits: ['social-contract', 'family-support'],
    kind: 'stops-for-years',
    years: RULES.socialContract.blocksFamilySupportYears,
    note: 'social-contract-stops-family-support',
    sources: ['S03'],
    confidence: 'medium',
    unverified: true,
  },
  {
    benefits: ['young-children', 'family-support'],
    kind: 'unknown',
    note: 'young-children-combination-unknown',
    sources: ['S84'],
    confidence: 'medium',
  },
  {
    benefits: ['young-children', 'high-mountain-child'],
    kind: 'unknown',
    note: 'young-children-combination-unknown',
    sources: ['S84'],
    confidence: 'medium',
  },
]

/** Where each source id points (copied from the reference's Sources list). */
export const SOURCES = {
  SEED: { url: '001_f7ae2b88052fa1fc.txt', seen: 'undated file; data 2018 / 1 Jan 2019' },
  S02: { url: 'https://mlsp.gov.kg/16-zhashka-chejinki-baldary-bar-muktazh-zharandarga-j-b-l-l-rg-j-b-l-g-k-m-k-ar-ajlyk-zh-l-kpul/', seen: 'undated' },
  S03: { url: 'https://24-kg.com/obschestvo/277609_poluchaem_posobie_uy-bulogo_komok_kakie_spravki_nujnyi_ikuda_idti/amp', seen: '2025-07-01' },
  S04: { url: 'https://for.kg/news-825108-ru.html', seen: 'undated' },
  S05: { url: 'https://economist.kg/society/2025/02/28/v-kyrghyzstanie-58-tysiach-siemiei-poluchaiut-posobiie-ui-bulogho-komok', seen: '2025-02-28' },
  S06: { url: 'https://24.kg/english/321407_Over_200000_children_in_Kyrgyzstan_receive_ui-bulogo_komok_allowance/', seen: '2025-02-28' },
  S07: { url: 'http://www.sayasat.kg/society-mobile/136416-v-kyrgyzstane-planiruetsya-povyshenie-detskikh-posobij.html', seen: '2025-09-30' },
  S08: { url: 'https://24.kg/vlast/359915_prezidenta_eto_zlit_kabmin_priznal_nalichie_barerov_pri_poluchenii_posobiy/', seen: '2026-01-30' },
  S09: { url: 'https://kirgizistangazetesi.com/%d0%bf%d0%be%d0%b2%d1%8b%d1%88%d0%b5%d0%bd-%d1%80%d0%b0%d0%b7%d0%bc%d0%b5%d1%80-%d0%bf%d0%be%d1%81%d0%be%d0%b1%d0%b8%d0%b9-%d0%be%d1%82%d0%b4%d0%b5%d0%bb%d1%8c%d0%bd%d1%8b%d0%bc-%d0%ba%d0%b0%d1%82-h13508.html', seen: 'undated (decree effective 01.06.2022)' },
  S10: { url: 'https://24.kg/vlast/148800_rejim_chpvkyirgyizstane_vyiplatu_sotsposobiy_garantiruet_respublikanskiy_shtab/', seen: 'undated (spring 2020)' },
  S12: { url: 'https://knews.kg/2018/12/27/v-kyrgyzstane-deti-iz-maloobespechennyh-semej-poluchayut-posobie-v-875-somov/', seen: '2018-12-27' },
  S13: { url: 'https://24.kg/obschestvo/365609_dlya_uchastiya_vprogramme_sotsialnyiy_kontrakt_postupilo_1tyisyacha_825_zayavok/', seen: '2026-03-12' },
  S14: { url: 'https://24.kg/obschestvo/362339_bolee_13tyisyach_semey_smogut_poluchit_sotsialnyiy_kontrakt_v2026_godu/', seen: '2026-02-17' },
  S15: { url: 'https://www.azattyk.org/a/33680459.html', seen: '2026-02-17' },
  S16: { url: 'https://open.kg/news/local-news/82748-socialnyj-kontrakt-kak-instrument-borby-s-bednostju-mintruda.html', seen: 'undated' },
  S18: { url: 'https://24.kg/obschestvo/278689_poluchaem_laquobalaga_suyunchuraquo_kakie_dokumentyi_nujnyi_inbspkuda_idti', seen: 'undated' },
  S19: { url: 'https://akchabar.kg/ru/news/trt-ajda-60-miden-ashuun-bbkk-balaga-sjnch-berildi-paggubulmkiwprkd', seen: '2024-06-04' },
  S20: { url: 'https://topnews.kg/obschestvo/110514-cifra-dnja-v-2025-godu-136-568-detej-poluchili-vyplatu-balaga-sjnch.html', seen: 'as of 2026-01-01' },
  S21: { url: 'https://vb.kg./doc/374501_komy_kak_i_kogda_vydaetsia_posobie_balaga_syyynchy.html', seen: 'undated' },
  S23: { url: 'https://24.kg/english/72541_Kyrgyzstan_introduces_allowance_for_birth_of_child_/', seen: '2018-01-04' },
  S24: { url: 'https://alakan.biz/2019/11/20/ch-em-t-r-lg-n-j-b-l-g-50-mi-somdon-s-j-nch-pul-km-t-t-l-p-bere-turgan-boldu', seen: '2019-11-20' },
  S25: { url: 'https://24.kg/obschestvo/364806_vkrvsem_detyam_dotreh_let_nachnut_vyiplachivat_posobiya_prezident_podpisal_ukaz/', seen: '2026-03-06' },
  S25b: { url: 'https://www.azattyk.org/a/33696651.html', seen: '2026-03-06' },
  S25c: { url: 'https://www.vb.kg/doc/456309_s_1_iulia_vse_deti_do_3_let_v_kyrgyzstane_nachnyt_polychat_posobiia.html', seen: '2026-03-06' },
  S27: { url: 'https://24.kg/obschestvo/345760_vkrbudut_platit_po3tyisyachi_somov_nadetey_komu_prednaznacheno_eto_posobie/', seen: '2025-10-03' },
  S27b: { url: 'https://24.kg/kyrgyzcha/345810_kyirgyizstan_bir_balaga_3000_somdon_toloyt_bul_jolok_puldar_kimderge_berilet/', seen: '2025-10-03' },
  S28: { url: 'https://24.kg/obschestvo/358887_vmintruda_razyyasnili_kak_naznachaetsya_posobie_jitelyam_vyisokogornyih_rayonov/', seen: '2026-01-22' },
  S29: { url: 'https://24.kg/vlast/344788_s2027_goda_nachnut_platit_zarojdenie_4-go_iposleduyuschih_detey_jkprinyal_zakon/', seen: '2025-09-24' },
  S30: { url: 'https://24.kg/obschestvo/359805_pervyie_vyiplatyi_bala_bereke_nachnutsya_v2027_godu_skolko_detey_ihpoluchat/', seen: '2026-01-29' },
  S32: { url: 'https://mlsp.gov.kg/soczialdyk-zh%D3%A9l%D3%A9kpulga/', seen: 'undated (amounts pre-2021)' },
  S33: { url: 'https://akchabar.kg/en/news/razmer-soczposobij-variruetsya-ot-2-do-8-tysyach-somov-ikh-poluchaet-svyshe-111-tysyach-chelovek', seen: '2025-02-28' },
  S34: { url: 'https://24.kg/obschestvo/352971_posostoyaniyu_na1noyabrya_ejemesyachnoe_sotsposobie_poluchayut_1084_tyisyachi_chelovek/', seen: '2025-12-01' },
  S35: { url: 'https://ealegislation.com/document.fwx?rgn=134516', seen: '2021-09-01' },
  S36: { url: 'https://24.kg/english/284732_37400_children_receive_disability_allowance_in_Kyrgyzstan/', seen: '2024-01-22' },
  S37: { url: 'https://mlsp.gov.kg/kg/2019/04/29/2018-zhyldyn-1-iyulunan-tartyp-aj-sajyn-t-l-n-ch-soczialdyk-zh-l-kpuldun-lch-m-33-zhogorulatylgan/', seen: '2019-04-29' },
  S38: { url: 'https://ombudsman.kg/kg/consultaions/mamlekettik-zhenildikter', seen: 'undated' },
  S39: { url: 'https://minfin.kg/posts/show/po-posobiyam', seen: 'undated' },
  S40: { url: 'https://bulak.kg/2021/11/17/v-kyrgyzstane-vyrosli-posobiya-dlya-detej-sirot', seen: '2021-11-17' },
  S42: { url: 'https://24.kg/obschestvo/283773_gotovites_stat_mamoy_kak_poluchit_posobie_poberemennosti_irodam/amp', seen: '2024-10-08' },
  S43: { url: 'https://open.kg/en/news/local-news/74684-v-mintruda-kr-rasskazali-kak-naznachajutsja-posobija-po-beremennosti-i-rodam.html', seen: 'undated (≈ start of 2024)' },
  S44: { url: 'https://jardam.kg/ru/socialnaya-zashchita/kto-i-kak-mozhet-poluchit-posobie-po-beremennosti-i-rodam', seen: 'актуально на 12-04-2024' },
  S45: { url: 'http://www.mlsp.gov.kg/?q=ky/content/kosh-boyluuluk-zhana-torot-boyuncha-zholokpul-ayalga-kanday-moonotko-kalendarlyk-kungo', seen: 'undated' },
  S46: { url: 'https://topnews.kg/obschestvo/108766-k-nachalu-2026-goda-okolo-28-tys-zhenschin-poluchili-posobie-po-beremennosti-i-rodam-mintruda.html', seen: 'as of 2026-01-01' },
  S49: { url: 'https://kabar.kg/news/v-kyrgyzstane-ne-planiruiut-povyshat-vozrast-vykhoda-na-pensiiu-glava-sotcfonda', seen: '2023-12-18' },
  S50: { url: 'https://24.kg/kyrgyzcha/345549_1-oktyabrdan_tarta_pensiya_koboydu_ortocho_esep_menen_11min_226_somgo_jetti/', seen: 'undated (Oct 2025)' },
  S51: { url: 'https://24.kg/kyrgyzcha/341450_kyirgyizstanda_1-oktyabrdan_tarta_pensiya_kanchaga_kotorulot/', seen: '2025-08-29' },
  S52: { url: 'https://www.azattyk.org/a/33545826.html', seen: '2025-10-01' },
  S53: { url: 'http://socfond.kg/ru/news/1933-Chto-takoie-bazovaia-chast-piensii.html.html', seen: '2024-02-26' },
  S54: { url: 'https://cabar.asia/ru/kyrgyzstan-kim-pensiyaga-bashkalarga-karaganda-ertereek-chyga-alat/', seen: 'undated' },
  S55: { url: 'https://day.kg/koom/9429-kijinki-zhyly-pensijaga-chykchu-minimaldyk-zhumush-stazhy-zgrt.html', seen: 'undated (2025)' },
  S56: { url: 'https://open.kg/ky/news/economy/66183-stazh-dlja-vyhoda-na-pensiju-v-kyrgyzstane-uvelichili.html', seen: 'undated' },
  S57: { url: 'https://24.kg/obschestvo/348421_minimalnyiy_staj_20let_zachem_kyirgyizstan_ujestochaet_pravila_vyihoda_napensiyu_/', seen: '2025-10-28' },
  S58: { url: 'http://socfond.kg/kg/news/2006-1996-zhyldan-kiiin-kamsyzdandyruu-stazhyn-kantip-k/', seen: '2024-05-06' },
  S60: { url: 'http://socfond.kg/kg/news/2052-IeAEB-makuldashuunun-alkaghynda-piensiia-chiektoo.', seen: '2024-06-18' },
  S61: { url: 'http://egov.kz/cms/en/articles/enpf/eaes-1', seen: '2023-02-23' },
  S62: { url: 'https://vesti.kg/kg/politika-kg/item/81012-kijinki-zhyly-ele-kyrgyzstandyktar-pensiyasyn-eaebdin-kaalagan-olkosundo-ishtegen-zherine-karabastan-ala-alyshat.html', seen: 'undated (2020)' },
  S65: { url: 'https://sf.gov.kg/el-aralyk-kyzmattashtyk', seen: 'undated' },
  S73: { url: 'https://24.kg/english/205614_President_Japarov_promises_Kyrgyzstanis_decent_life_pensions_increase_____/', seen: '2021-08-31' },
  S80: { url: 'https://sputnik.kg/amp/20240513/200-sin-somdon-ssuda-berilet-1085064957.html', seen: '2024-05-13' },
  S81: { url: 'http://new.24-kg.com/obschestvo/335525_v2025_godu_sotsialnyiy_kontrakt_poluchat_13tyisyach_334_semi', seen: 'undated (2025)' },
  S84: { url: 'http://www.sayasat.kg/society-mobile/140740-s-iyulya-vsem-detyam-do-3-let-v-kyrgyzstane-nachnut-vyplachivat-posobie-bala-yrysy.html', seen: '2026-03-06' },
  S85: { url: 'https://24.kg/kyrgyzcha/364856_bala_yiryisyi_kyirgyizstanda_3jashka_cheyinki_baldarga_jolokpul_berile_bashtayt/', seen: '2026-03-06' },
  S86: { url: 'https://24.kg/vlast/348761_prezident_podpisal_zakon_ovyiplate_bala_bereke_mnogodetnyim_materyam_/', seen: 'undated (Oct 2025)' },
  S87: { url: 'http://www.sayasat.kg/society-mobile/137405-sadyr-zhaparov-podpisal-zakon-o-vvedenii-posobiya-bala-bereke-s-2026-goda.html', seen: '2025-10-28' },
  S88: { url: 'https://24.kg/obschestvo/359312_vyiplatyi_do2millionov_somov_utverjden_poryadok_nachisleniya_posobiya_bala_bereke/', seen: '2026-01-26' },
  S89: { url: 'https://24.kg/vlast/346688_kabmin_vvel_novoe_posobie_bala_bereke_dlya_mnogodetnyih_materey_vyisokogorya/', seen: 'undated (Oct 2025)' },
  S90: { url: 'http://www.sayasat.kg/policy/136580-v-kr-vvedeno-novoe-posobie-dlya-semej-s-detmi-v-vysokogornykh-rajonakh.html', seen: 'undated (Oct 2025)' },
  S91: { url: 'https://24.kg/obschestvo/355700_s2026_goda_vkr_nachnut_vyiplachivat_posobie_dlya_semey_vvyisokogornyih_rayonah/', seen: '2025-12-23' },
  S92: { url: 'https://ru.kabar.kg/news/mintruda-chto-nuzhno-znat-o-ezhemesyachnom-posobii-zhitelyam-vysokogornyh-rayonov', seen: '2026-01-22' },
  S93: { url: 'https://24.kg/vlast/359395_novyie_posobiya_deputatyi_predlagayut_okazyivat_pomosch_vsem_detyam_do12let/', seen: '2026-01-27' },
  S94: { url: 'https://open.kg/news/local-news/66824-deputat-predlagaet-vydavat-posobie-vsem-semjam-s-detmi-a-ne-tolko-maloobespechennym.html', seen: 'undated (Jan 2026)' },
  S95: { url: 'https://mts.kg/ky/obschestvo/10928-bajsalov-rasskazal-na-skolko-planirujut-povysit-posobija-i-komu.html', seen: 'undated (meeting of 30.01.2026)' },
  S96: { url: 'https://vesti.kg/politika/item/113985-v-kyrgyzstane-s-1-yanvarya-2024-goda-povysitsya-posobie-po-beremennosti.html', seen: 'undated (late 2023)' },
  S97: { url: 'https://vesti.kg/zxc/item/143989-v-kyrgyzstane-s-1-oktyabrya-uvelicheny-pensii.html', seen: 'undated (Oct 2025)' },
  S98: { url: 'https://24.kg/english/337988_Kyrgyzstan_plans_to_increase_pensions_starting_October_1/', seen: 'undated (Aug 2025)' },
  S99: { url: 'https://jardam.kg/socialdyk-korgoo/pensiyanyn-toptolmo-b%D3%A9l%D2%AFg%D2%AFn-m%D3%A9%D3%A9n%D3%A9t%D2%AFn%D3%A9n-murda-kantip-alsa-bolot', seen: 'актуалдуу 15-03-2024' },
  S100: { url: 'https://am.sputniknews.ru/20210129/Zhaksylykov-soglashenie-EAES-po-pensionnomu-obespecheniyu-pomozhet-legalizovat-trud-migrantov-26269879.html', seen: '2021-01-29' },
  S101: { url: 'https://www.vb.kg/doc/448868_v_kyrgyzstane_sokratilos_chislo_polychateley_ejemesiachnyh_socposobiy.html', seen: '2025-12-01' },
  S105: { url: 'https://mlsp.gov.kg/kg/2022/06/09/az-kamsyz-bolgon-%d2%afj-b%d2%afl%d3%a9l%d3%a9rd%d2%afn-baldary-%d2%afch%d2%afn-zh%d3%a9l%d3%a9k-pul-1-iyundan-bashtap-k%d3%a9b%d3%a9jt%d2%afl%d3%a9t/', seen: '2022-06-09' },
} as const satisfies Record<string, { url: string; seen: string }>
