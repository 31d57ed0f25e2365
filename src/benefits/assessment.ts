/**
 * The answers of the benefits conversation and the shape of an assessment (verdict, reasons as machine keys,
 * amounts), with small helpers the conversation uses too. The rules are in rules/, run by assess-family.ts.
 */
import type {
  AmountFlag,
  AmountUnit,
  ArticleId,
  BenefitId,
  Confidence,
  DocumentKey,
  NoteKey,
  SourceId,
  WhereKey,
} from '../content/benefits.js'

export type YesNo = 'yes' | 'no' | 'unknown'
export type Sex = 'male' | 'female' | 'unknown'

/**
 * Answers of the benefits conversation. Every answer can be 'unknown' ("I don't know"); optional answers
 * that were not asked are `undefined` and then play no part (they never turn a verdict into 'maybe').
 */
export interface FamilyAnswers {
  /** Do children under 16 live with the family? */
  childrenUnder16: YesNo
  /** Age in full years of each child living with the family (a baby already born counts as 0). */
  childAges: ReadonlyArray<number | 'unknown'> | 'unknown'
  /** A baby born in the last 12 months, or expected. */
  baby: 'born' | 'expected' | 'no' | 'unknown'
  /** Full months since the baby's birth (0 = less than a month). */
  babyAgeMonths?: number | 'unknown'
  /** Babies born (or expected) at once: 2 for twins, 3 for triplets. */
  babiesAtOnce?: number | 'unknown'
  /** Was the baby born outside Kyrgyzstan (e.g. in Russia)? */
  babyBornAbroad?: YesNo
  /** Is the youngest child the mother's third or later child? If not asked, counted from `childAges`. */
  youngestIsThirdOrLater?: YesNo
  /**
   * Which child of the mother the youngest (or the expected baby) is: 1, 2, 3… (older children living elsewhere
   * count). Asked only in high-mountain areas, where two benefits depend on it; if not asked, counted from the ages.
   */
  youngestBirthOrder?: number | 'unknown'
  /** A child with a disability (under 18) lives with the family. */
  disabledChild: YesNo
  /** An adult with a disability lives with the family. */
  disabledAdult: YesNo
  disabledAdultGroup?: 'I' | 'II' | 'III' | 'unknown'
  disabledAdultSinceChildhood?: YesNo
  /** A pregnant woman in the family, and whether she works. */
  pregnantWoman: 'employed' | 'entrepreneur' | 'registered-unemployed' | 'not-working' | 'no' | 'unknown'
  /** Someone of pension age (men 63, women 58) who gets no pension. */
  elderWithoutPension: YesNo
  elderSex?: Sex
  elderAge?: number | 'unknown'
  /** Years of work with contributions to the Social Fund (insurance record). */
  elderInsuranceYears?: number | 'unknown'
  /** A mother-heroine aged 55 or more without a pension. */
  motherHeroine?: YesNo
  /** A child under 18 who lost parents: both, one, none. */
  orphan?: 'both-parents' | 'one-parent' | 'no' | 'unknown'
  /** People living in the family, children included. */
  householdSize: number | 'unknown'
  /** Money the family gets at home in a usual month, in som, without money sent from abroad, pensions and benefits. */
  monthlyIncome: number | 'unknown'
  /** Money sent from abroad in a usual month (asked apart: how the office counts it is not published). */
  monthlyRemittances?: number | 'unknown'
  /** Does the family have a social passport (for poor families, from the aiyl okmotu)? */
  socialPassport?: YesNo
  /** Lives in a high-mountain or remote area. */
  highMountain: YesNo
  /** Who looks after the children: a parent, or a grandparent/other relative (parents abroad). */
  caregiver?: 'parent' | 'relative' | 'unknown'
  /** Did the family sign a social contract in the last three years? */
  socialContractSigned?: YesNo
}

export type Verdict = 'likely' | 'maybe' | 'unlikely'
/** `check`: a condition we did not ask about, to confirm at the office; `info`: useful to know. */
export type ReasonStatus = 'met' | 'not-met' | 'unknown' | 'check' | 'info'

export const REASON_KEYS = [
  'children-under-16',
  'has-children-under-16',
  'children-under-16-unknown',
  'no-children-under-16',
  'income-below-threshold',
  'income-above-threshold',
  'income-remittances-decide',
  'income-remittances-unknown',
  'income-unknown',
  'household-size-unknown',
  'adults-work-or-registered',
  'migrant-families-included',
  'social-contract-signed',
  'paid-for-a-year',
  'baby-born-apply-soon',
  'baby-deadline-passed',
  'baby-age-unknown',
  'baby-expected',
  'baby-unknown',
  'no-baby',
  'baby-born-abroad',
  'payment-bank',
  'no-income-test',
  'children-under-3',
  'child-may-turn-3',
  'no-children-under-3',
  'children-ages-unknown',
  'baby-expected-under-3',
  'young-children-not-started',
  'young-children-started',
  'high-mountain-yes',
  'high-mountain-no',
  'high-mountain-unknown',
  'third-child-under-3',
  'third-child-inferred',
  'expected-third-child',
  'no-third-child-under-3',
  'third-child-unknown',
  'born-before-2026',
  'high-mountain-not-started',
  'via-family-support',
  'social-passport',
  'social-passport-unknown',
  'no-social-passport',
  'instead-of',
  'bala-bereke-order',
  'family-support-unclear',
  'not-low-income',
  'business-plan',
  'disabled-child',
  'disabled-child-unknown',
  'disabled-adult-childhood',
  'disabled-adult-illness',
  'disabled-adult-unknown',
  'elderly-no-pension-right',
  'elderly-too-young',
  'elderly-has-pension-right',
  'elderly-unknown',
  'orphan-both',
  'orphan-one',
  'orphan-unknown',
  'hero-mother',
  'hero-mother-unknown',
  'no-category',
  'no-pension-right',
  'pregnant-employed',
  'pregnant-entrepreneur',
  'pregnant-unemployed',
  'pregnant-not-working',
  'no-pregnant',
  'pregnant-unknown',
  'leave-days',
  'mountain-full-pay',
  'elder-pension-age',
  'elder-below-pension-age',
  'elder-age-unknown',
  'record-enough',
  'record-short',
  'record-unknown',
  'full-base-part',
  'no-elder',
  'elder-unknown',
  'voluntary-contributions',
  'eaeu-work',
] as const
export type ReasonId = (typeof REASON_KEYS)[number]

/** One condition, as a machine key the locale turns into a sentence (`reason.<key>`). */
export interface ReasonKey {
  key: ReasonId
  status: ReasonStatus
  /** Numbers, ISO dates (YYYY-MM-DD) or strings; `count` picks the plural form. */
  params?: Record<string, number | string>
}

export interface AssessedAmount {
  variant: string
  value?: number
  min?: number
  max?: number
  unit: AmountUnit
  perChild: boolean
  /** How many children it is paid for, when known. Totals are never computed (regional coefficients). */
  count?: number
  year: number
  asOf: string
  source: SourceId
  confidence: Confidence
  flags: AmountFlag[]
}

export interface BenefitAssessment {
  benefitId: BenefitId
  verdict: Verdict
  reasons: ReasonKey[]
  amount?: AssessedAmount
  /** Further figures: other categories, the triplets amount, the loan after a social contract… */
  otherAmounts: AssessedAmount[]
  uncertain: NoteKey[]
  documents: DocumentKey[]
  whereToApply: WhereKey[]
  articleId: ArticleId
  /** Benefits this one is not paid together with (or may stop), among those that may apply. */
  conflictsWith: BenefitId[]
  /** Set when another benefit pays more and the two are not paid together: this one is "instead of", not in addition. */
  insteadOf?: BenefitId
}

/** Income per family member per month, or 'unknown' when either answer is missing or impossible. */
export function countIncomePerPerson(
  monthlyIncome: number | 'unknown',
  householdSize: number | 'unknown',
): number | 'unknown' {
  if (monthlyIncome === 'unknown' || householdSize === 'unknown') return 'unknown'
  if (!Number.isFinite(monthlyIncome) || monthlyIncome < 0) return 'unknown'
  if (!Number.isInteger(householdSize) || householdSize < 1) return 'unknown'
  return monthlyIncome / householdSize
}

/** Full months from `birth` to `today` (for the conversation, which may ask for a birth date). */
export function ageInMonths(birth: Date, today: Date): number {
  let months =
    (today.getUTCFullYear() - birth.getUTCFullYear()) * 12 + (today.getUTCMonth() - birth.getUTCMonth())
  if (today.getUTCDate() < birth.getUTCDate()) months -= 1
  return Math.max(0, months)
}
