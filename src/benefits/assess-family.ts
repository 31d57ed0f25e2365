/**
 * Which Kyrgyz state benefits a family may get, from the answers of the benefits conversation.
 * Pure: no grammY, no database, no clock (the caller passes `today`). Rules and figures come from
 * src/content/benefits.ts; every result carries machine keys that locales/<lang>/benefits.json turns into text.
 *
 * Verdicts: 'likely' = every condition we asked about is met; 'maybe' = an "I don't know" answer or a
 * source conflict decides it; 'unlikely' = a condition is not met (the first such reason says why, kindly).
 */
import {
  BENEFIT_CONFLICTS,
  BENEFIT_IDS,
  BENEFITS,
  GMD_THRESHOLD,
  RULES,
  type AmountFlag,
  type AmountRule,
  type AmountUnit,
  type ArticleId,
  type BenefitConflict,
  type BenefitId,
  type Confidence,
  type DocumentKey,
  type NoteKey,
  type SourceId,
  type WhereKey,
} from '../content/benefits.js'

export { BENEFIT_CONFLICTS, type BenefitConflict }

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
  /** All money the family gets in a usual month, in som, remittances included, pensions and benefits not. */
  monthlyIncome: number | 'unknown'
  /** The part of `monthlyIncome` sent from abroad. */
  monthlyRemittances?: number | 'unknown'
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
  'income-above-threshold-abroad',
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

/** Conflicts between benefits that both may apply to this family. */
export function findConflicts(results: readonly BenefitAssessment[]): BenefitConflict[] {
  const open = new Set(results.filter((r) => r.verdict !== 'unlikely').map((r) => r.benefitId))
  return BENEFIT_CONFLICTS.filter((c) => open.has(c.benefits[0]) && open.has(c.benefits[1]))
}

// ---------------------------------------------------------------------------------------------------------------
// Dates: all in UTC days; a child's birth is known only as an interval [earliest, latest].

const DAY = 86_400_000

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
}

function isoDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number)
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)
}

function shift(day: number, months: number): number {
  const d = new Date(day)
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  return Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), lastDay))
}

interface Child {
  /** Birth lies in [earliest, latest] (UTC days); undefined = age unknown. */
  birth?: { earliest: number; latest: number }
  ageYears?: number
}

function childFromYears(age: number, today: number): Child {
  return { ageYears: age, birth: { earliest: shift(today, -12 * (age + 1)) + DAY, latest: shift(today, -12 * age) } }
}

function babyChild(months: number | 'unknown' | undefined, today: number): Child {
  if (months === undefined || months === 'unknown' || !validNumber(months)) {
    return { ageYears: 0, birth: { earliest: shift(today, -12) + DAY, latest: today } }
  }
  const m = Math.floor(months)
  return { ageYears: Math.floor(m / 12), birth: { earliest: shift(today, -(m + 1)) + DAY, latest: shift(today, -m) } }
}

/** 'yes' | 'maybe' | 'no': is the child younger than `years` on `day`? */
function underAgeOn(child: Child, years: number, day: number): 'yes' | 'maybe' | 'no' {
  if (!child.birth) return 'maybe'
  const limit = shift(day, -12 * years)
  if (child.birth.earliest > limit) return 'yes'
  return child.birth.latest > limit ? 'maybe' : 'no'
}

function validNumber(n: number): boolean {
  return Number.isFinite(n) && n >= 0
}

// ---------------------------------------------------------------------------------------------------------------

interface Family {
  answers: FamilyAnswers
  today: number
  /** Children living with the family, oldest first; a baby already born is included. */
  children: Child[]
  /** True when some age is unknown or the ages were not given. */
  agesIncomplete: boolean
  mountain: YesNo
}

function buildFamily(answers: FamilyAnswers, today: Date): Family {
  const day = utcDay(today)
  const ages = answers.childAges === 'unknown' ? [] : [...answers.childAges]
  let agesIncomplete = answers.childAges === 'unknown'
  const children: Child[] = []
  for (const age of ages) {
    if (age === 'unknown' || !validNumber(age)) {
      agesIncomplete = true
      children.push({})
    } else children.push(childFromYears(Math.floor(age), day))
  }
  if (answers.baby === 'born') {
    const baby = babyChild(answers.babyAgeMonths, day)
    const same = children.findIndex((c) => c.ageYears !== undefined && c.ageYears === baby.ageYears)
    if (same >= 0) children[same] = baby
    else children.push(baby)
  }
  children.sort((a, b) => (b.ageYears ?? -1) - (a.ageYears ?? -1))
  return { answers, today: day, children, agesIncomplete, mountain: answers.highMountain }
}

function verdictOf(reasons: readonly ReasonKey[]): Verdict {
  if (reasons.some((r) => r.status === 'not-met')) return 'unlikely'
  if (reasons.some((r) => r.status === 'unknown')) return 'maybe'
  return 'likely'
}

function amountOf(
  benefitId: BenefitId,
  variant: string,
  today: number,
  extra: { count?: number | undefined } = {},
): AssessedAmount {
  const rule: AmountRule | undefined = (BENEFITS[benefitId].amounts as readonly AmountRule[]).find(
    (a) => a.variant === variant,
  )
  if (!rule) throw new Error(`No amount ${variant} for ${benefitId}`)
  const flags = [...rule.flags]
  if (rule.validFrom && isoDay(rule.validFrom) > today && !flags.includes('announced')) flags.push('announced')
  const perChild = rule.unit === 'som-month-child' || rule.unit === 'som-once-child'
  const amount: AssessedAmount = {
    variant: rule.variant,
    unit: rule.unit,
    perChild,
    year: rule.year,
    asOf: rule.asOf,
    source: rule.source,
    confidence: rule.confidence,
    flags,
  }
  if (rule.value !== undefined) amount.value = rule.value
  if (rule.min !== undefined) amount.min = rule.min
  if (rule.max !== undefined) amount.max = rule.max
  if (perChild && extra.count !== undefined && extra.count > 0) amount.count = extra.count
  return amount
}

/** Collects one benefit's result; defaults come from the data file. */
class Result {
  reasons: ReasonKey[] = []
  notes: NoteKey[] = []
  documents: DocumentKey[]
  where: WhereKey[]
  amounts: AssessedAmount[] = []
  /** Set when one met condition is enough (the social benefit has several categories). */
  verdict?: Verdict

  constructor(readonly id: BenefitId) {
    this.documents = [...BENEFITS[id].documents]
    this.where = [...BENEFITS[id].whereToApply]
  }

  add(key: ReasonId, status: ReasonStatus, params?: Record<string, number | string>): this {
    this.reasons.push(params ? { key, status, params } : { key, status })
    return this
  }

  note(...keys: NoteKey[]): this {
    for (const k of keys) if (!this.notes.includes(k)) this.notes.push(k)
    return this
  }

  doc(...keys: DocumentKey[]): this {
    for (const k of keys) if (!this.documents.includes(k)) this.documents.push(k)
    return this
  }

  finish(): BenefitAssessment {
    const verdict = this.verdict ?? verdictOf(this.reasons)
    const notes = verdict === 'unlikely' ? this.notes : [...BENEFITS[this.id].notes, ...this.notes]
    // Medium-confidence figures need "check at the office" unless their flags already say why.
    const quiet = (a: AssessedAmount) => a.flags.includes('unverified') || a.flags.includes('conflict')
    if (verdict !== 'unlikely' && this.amounts.some((a) => a.confidence === 'medium' && !quiet(a))) {
      notes.push('medium-check-office')
    }
    const [amount, ...otherAmounts] = verdict === 'unlikely' ? [] : this.amounts
    const result: BenefitAssessment = {
      benefitId: this.id,
      verdict,
      reasons: this.reasons,
      otherAmounts,
      uncertain: [...new Set(notes)],
      documents: this.documents,
      whereToApply: this.where,
      articleId: BENEFITS[this.id].articleId,
      conflictsWith: [],
    }
    if (amount) result.amount = amount
    return result
  }
}

const threshold = { threshold: GMD_THRESHOLD.value, thresholdYear: GMD_THRESHOLD.year }

function under16(f: Family): { status: 'yes' | 'no' | 'unknown'; count?: number } {
  const known = f.children.filter((c) => c.ageYears !== undefined && c.ageYears < RULES.familySupport.childAgeBelow)
  if (known.length > 0) return f.agesIncomplete ? { status: 'yes' } : { status: 'yes', count: known.length }
  if (f.children.length > 0 && !f.agesIncomplete) return { status: 'no' }
  if (f.answers.childrenUnder16 === 'yes') return { status: 'yes' }
  if (f.answers.childrenUnder16 === 'no') return { status: 'no' }
  return { status: 'unknown' }
}

function familySupport(f: Family): BenefitAssessment {
  const a = f.answers
  const r = new Result('family-support')
  const kids = under16(f)
  if (kids.status === 'yes') {
    if (kids.count) r.add('children-under-16', 'met', { count: kids.count })
    else r.add('has-children-under-16', 'met')
  }
  else if (kids.status === 'no') r.add('no-children-under-16', 'not-met')
  else r.add('children-under-16-unknown', 'unknown')

  const perPerson = countIncomePerPerson(a.monthlyIncome, a.householdSize)
  if (perPerson === 'unknown') {
    const incomeKnown = typeof a.monthlyIncome === 'number' && validNumber(a.monthlyIncome)
    r.add(incomeKnown ? 'household-size-unknown' : 'income-unknown', 'unknown', threshold)
  } else if (perPerson < GMD_THRESHOLD.value) {
    r.add('income-below-threshold', 'met', { perPerson: Math.floor(perPerson), ...threshold })
  } else {
    const shown = { perPerson: Math.ceil(perPerson), ...threshold }
    const remit = a.monthlyRemittances
    const withoutRemit =
      typeof remit === 'number' && remit > 0 && typeof a.monthlyIncome === 'number'
        ? countIncomePerPerson(Math.max(0, a.monthlyIncome - remit), a.householdSize)
        : 'unknown'
    if (withoutRemit !== 'unknown' && withoutRemit < GMD_THRESHOLD.value) {
      r.add('income-remittances-decide', 'unknown', { ...shown, perPersonWithout: Math.floor(withoutRemit) })
    } else if (remit === 'unknown') r.add('income-remittances-unknown', 'unknown', shown)
    else if (remit === undefined) r.add('income-above-threshold-abroad', 'not-met', shown)
    else r.add('income-above-threshold', 'not-met', shown)
  }
  if (a.socialContractSigned === 'yes') r.add('social-contract-signed', 'unknown').note('social-contract-stops-family-support')
  r.add('adults-work-or-registered', 'check')
  r.add('migrant-families-included', 'info')
  r.add('paid-for-a-year', 'info')
  if (a.monthlyRemittances !== 0) r.note('remittances-unknown')
  if (f.mountain !== 'no') r.note('regional-coefficient')
  r.amounts.push(amountOf('family-support', 'per-child', f.today, { count: kids.count }))
  return r.finish()
}

function birthGrant(f: Family): BenefitAssessment {
  const a = f.answers
  const r = new Result('birth-grant')
  const within = RULES.birthGrant.applyWithinMonths
  if (a.baby === 'no') r.add('no-baby', 'not-met')
  else if (a.baby === 'unknown') r.add('baby-unknown', 'unknown')
  else if (a.baby === 'expected') r.add('baby-expected', 'met', { months: within })
  else if (a.babyAgeMonths === undefined || a.babyAgeMonths === 'unknown' || !validNumber(a.babyAgeMonths)) {
    r.add('baby-age-unknown', 'unknown', { months: within })
  } else if (a.babyAgeMonths < within) {
    r.add('baby-born-apply-soon', 'met', { count: Math.floor(a.babyAgeMonths), months: within })
  } else r.add('baby-deadline-passed', 'not-met', { count: Math.floor(a.babyAgeMonths), months: within })

  if (a.baby === 'born' && a.babyBornAbroad !== undefined && a.babyBornAbroad !== 'no') {
    r.add('baby-born-abroad', 'unknown').note('birth-grant-born-abroad')
  }
  r.add('no-income-test', 'info')
  r.add('payment-bank', 'info')
  const atOnce = typeof a.babiesAtOnce === 'number' && a.babiesAtOnce >= 1 ? Math.floor(a.babiesAtOnce) : 1
  const main = atOnce >= RULES.birthGrant.multipleBirthFrom ? 'triplets' : 'per-child'
  r.amounts.push(amountOf('birth-grant', main, f.today, { count: atOnce }))
  if (main === 'per-child') r.amounts.push(amountOf('birth-grant', 'triplets', f.today))
  if (f.mountain !== 'no') r.note('birth-grant-mountain-conflict')
  if (a.caregiver === 'relative') r.doc('power-of-attorney', 'guardianship-decision')
  return r.finish()
}

/** Children under 3 on `day`: how many surely, how many of known age perhaps. */
function countUnder3(f: Family, day: number): { sure: number; perhaps: number } {
  let sure = 0
  let perhaps = 0
  for (const c of f.children) {
    if (!c.birth) continue
    const u = underAgeOn(c, RULES.youngChildren.childAgeBelow, day)
    if (u === 'yes') sure += 1
    else if (u === 'maybe') perhaps += 1
  }
  return { sure, perhaps }
}

function youngChildren(f: Family): BenefitAssessment {
  const a = f.answers
  const r = new Result('young-children')
  const start = isoDay(RULES.youngChildren.startsOn)
  const started = f.today >= start
  const { sure, perhaps } = countUnder3(f, Math.max(f.today, start))
  const date = RULES.youngChildren.startsOn
  if (sure > 0) r.add('children-under-3', 'met', { count: sure })
  else if (a.baby === 'expected') r.add('baby-expected-under-3', 'met')
  else if (perhaps > 0) r.add('child-may-turn-3', 'unknown', { date })
  else if (f.children.length === 0 && a.childrenUnder16 === 'no' && a.baby === 'no') r.add('no-children-under-3', 'not-met')
  else if (f.children.length > 0 && !f.agesIncomplete) r.add('no-children-under-3', 'not-met')
  else r.add('children-ages-unknown', 'unknown')
  if (sure > 0 && a.baby === 'expected') r.add('baby-expected-under-3', 'info')
  r.add(started ? 'young-children-started' : 'young-children-not-started', started ? 'info' : 'unknown', { date })
  r.add('no-income-test', 'info')
  if (a.caregiver === 'relative') r.note('young-children-caregiver-unknown')
  r.amounts.push(amountOf('young-children', 'per-child', f.today, { count: sure }))
  return r.finish()
}

function highMountain(f: Family): BenefitAssessment {
  const a = f.answers
  const r = new Result('high-mountain-child')
  const rule = RULES.highMountain
  if (f.mountain === 'yes') r.add('high-mountain-yes', 'met')
  else if (f.mountain === 'no') r.add('high-mountain-no', 'not-met')
  else r.add('high-mountain-unknown', 'unknown')

  // Children under 3 who are the mother's 3rd or later child (oldest first in f.children).
  const youngIdx = f.children
    .map((c, i) => ({ c, i, u: underAgeOn(c, rule.childAgeBelow, f.today) }))
    .filter((x) => x.u !== 'no' && x.c.birth)
  const order = rule.fromChildOrder - 1
  let qualifying = youngIdx.filter((x) => x.i >= order)
  const explicit = a.youngestIsThirdOrLater
  if (explicit === 'yes' && qualifying.length === 0 && youngIdx.length > 0) qualifying = youngIdx.slice(-1)
  const expectedIsThird =
    a.baby === 'expected' && (explicit === 'yes' || (explicit === undefined && f.children.length >= order))

  if (explicit === 'no') r.add('no-third-child-under-3', 'not-met')
  else if (qualifying.length > 0) {
    const sure = qualifying.filter((x) => x.u === 'yes').length
    // Without the explicit answer the order comes from the ages given; the office counts the mother's children.
    const key = explicit === 'yes' ? 'third-child-under-3' : 'third-child-inferred'
    r.add(key, sure > 0 ? 'met' : 'unknown', { count: Math.max(sure, 1) })
    const cutoff = isoDay(rule.possibleBirthCutoff)
    if (qualifying.every((x) => (x.c.birth?.earliest ?? 0) < cutoff)) {
      r.add('born-before-2026', 'unknown', { date: rule.possibleBirthCutoff })
    }
  } else if (expectedIsThird) r.add('expected-third-child', 'met')
  else if (explicit === 'unknown' || f.agesIncomplete || (f.children.length === 0 && a.childrenUnder16 !== 'no')) {
    r.add('third-child-unknown', 'unknown')
  } else r.add('no-third-child-under-3', 'not-met')

  if (f.today < isoDay(rule.inForceFrom)) r.add('high-mountain-not-started', 'unknown', { date: rule.inForceFrom })
  r.add('no-income-test', 'info')
  if (a.caregiver === 'relative') r.doc('representative')
  r.amounts.push(amountOf('high-mountain-child', 'per-child', f.today, { count: qualifying.length }))

  // «Бала береке»: a 4th or later child born from 2026 in a high-mountain zone (paid at age one, from 2027).
  const bb = RULES.balaBereke
  const youngest = f.children[f.children.length - 1]
  const fourth =
    (a.baby === 'expected' && f.children.length >= bb.fromChildOrder - 1) ||
    (youngest?.birth !== undefined && f.children.length >= bb.fromChildOrder && youngest.birth.latest >= isoDay(bb.bornFrom))
  if (f.mountain !== 'no' && fourth) {
    r.note('bala-bereke')
    r.amounts.push(amountOf('high-mountain-child', 'bala-bereke', f.today))
  }
  return r.finish()
}

function socialContract(f: Family, support: BenefitAssessment): BenefitAssessment {
  const r = new Result('social-contract')
  if (support.verdict === 'likely') r.add('via-family-support', 'met')
  else if (support.verdict === 'maybe') r.add('family-support-unclear', 'unknown')
  else r.add('not-low-income', 'not-met')
  r.add('business-plan', 'check')
  r.amounts.push(amountOf('social-contract', 'grant', f.today), amountOf('social-contract', 'loan', f.today))
  return r.finish()
}

function pensionRecord(f: Family): { status: 'enough' | 'short' | 'unknown'; years?: number; minYears: number; year: number } {
  const steps = RULES.pension.minRecord.filter((s) => isoDay(s.from) <= f.today)
  const step = steps[steps.length - 1] ?? RULES.pension.minRecord[0]
  const base = { minYears: step.years, year: Number(step.from.slice(0, 4)) }
  const y = f.answers.elderInsuranceYears
  if (y === undefined || y === 'unknown' || !validNumber(y)) return { status: 'unknown', ...base }
  return { status: y >= step.years ? 'enough' : 'short', years: y, ...base }
}

/**
 * Has the elder reached the age set for their sex ({ male, female })? 'unknown' when only the sex would decide;
 * `ifAgeUnknown` when no age was given.
 */
function elderReached(
  a: FamilyAnswers,
  ages: { readonly male: number; readonly female: number },
  ifAgeUnknown: 'yes' | 'unknown',
): 'yes' | 'no' | 'unknown' {
  const age = a.elderAge
  if (age === undefined || age === 'unknown' || !validNumber(age)) return ifAgeUnknown
  if (a.elderSex === 'male') return age >= ages.male ? 'yes' : 'no'
  if (a.elderSex === 'female') return age >= ages.female ? 'yes' : 'no'
  return age >= Math.max(ages.male, ages.female) ? 'yes' : age >= Math.min(ages.male, ages.female) ? 'unknown' : 'no'
}

function socialBenefit(f: Family): BenefitAssessment {
  const a = f.answers
  const r = new Result('social-benefit')
  r.documents = []
  // Amount variants of the categories that apply (found) or may apply (maybe); undefined = no amount sourced.
  const found: string[] = []
  const maybe: Array<string | undefined> = []

  if (a.disabledChild === 'yes') {
    r.add('disabled-child', 'met')
    found.push('disabled-child')
    r.doc('passport', 'children-birth', 'msec-conclusion')
    if (f.mountain !== 'no') r.doc('residence-registration')
  } else if (a.disabledChild === 'unknown') {
    r.add('disabled-child-unknown', 'unknown')
    maybe.push('disabled-child')
  }

  if (a.disabledAdult === 'yes') {
    const group = a.disabledAdultGroup
    if (a.disabledAdultSinceChildhood === 'yes') {
      r.add('disabled-adult-childhood', group === undefined || group === 'unknown' ? 'unknown' : 'met')
      if (group === 'I') found.push('disabled-childhood-1')
      else if (group === 'II') found.push('disabled-childhood-2')
      else if (group === 'III') found.push('disabled-childhood-3')
      else maybe.push('range')
      if (group === 'II' || group === 'III') r.note('social-benefit-old-amount')
    } else if (a.disabledAdultSinceChildhood === 'no') {
      r.add('disabled-adult-illness', 'unknown')
      if (group === 'I') maybe.push('disabled-general-1')
      else {
        maybe.push(undefined)
        r.note('social-benefit-amount-not-found')
      }
    } else {
      r.add('disabled-adult-unknown', 'unknown')
      maybe.push('range')
    }
  } else if (a.disabledAdult === 'unknown') {
    r.add('disabled-adult-unknown', 'unknown')
    maybe.push('range')
  }

  if (a.elderWithoutPension === 'yes') {
    const { male, female } = RULES.socialBenefit.elderlyAge
    const record = pensionRecord(f)
    const oldEnough = elderReached(a, RULES.socialBenefit.elderlyAge, 'unknown')
    if (record.status === 'enough') {
      r.add('elderly-has-pension-right', 'not-met', { count: Math.floor(record.years ?? 0) })
    } else if (oldEnough === 'no') {
      r.add('elderly-too-young', 'not-met', { men: male, women: female })
    } else if (oldEnough === 'yes' && record.status === 'short') {
      r.add('elderly-no-pension-right', 'met', { men: male, women: female })
      found.push('elderly')
    } else {
      r.add('elderly-unknown', 'unknown', { men: male, women: female })
      maybe.push('elderly')
    }
  } else if (a.elderWithoutPension === 'unknown') {
    r.add('elderly-unknown', 'unknown', { men: RULES.socialBenefit.elderlyAge.male, women: RULES.socialBenefit.elderlyAge.female })
    maybe.push('elderly')
  }

  if (a.orphan === 'both-parents') {
    r.add('orphan-both', 'met').note('orphan-survivor-pension')
    found.push('orphan-both')
  } else if (a.orphan === 'one-parent') {
    r.add('orphan-one', 'met').note('orphan-survivor-pension')
    found.push('orphan-one')
  } else if (a.orphan === 'unknown') {
    r.add('orphan-unknown', 'unknown')
    maybe.push('orphan-both')
  }

  if (a.motherHeroine === 'yes') {
    r.add('hero-mother', 'met', { age: RULES.socialBenefit.heroMotherAge })
    found.push('hero-mother')
  } else if (a.motherHeroine === 'unknown') {
    r.add('hero-mother-unknown', 'unknown', { age: RULES.socialBenefit.heroMotherAge })
    maybe.push('hero-mother')
  }

  // One category is enough: a category that does not apply must not hide one that does.
  if (found.length > 0) r.verdict = 'likely'
  else if (maybe.length > 0) r.verdict = 'maybe'
  else {
    r.verdict = 'unlikely'
    if (!r.reasons.some((x) => x.status === 'not-met')) r.add('no-category', 'not-met')
  }
  r.add('no-pension-right', 'check')
  r.add('no-income-test', 'info')
  if (found.length + maybe.length > 1) r.note('social-benefit-one-only')
  if (f.mountain !== 'no') r.note('regional-coefficient')
  for (const variant of new Set([...found, ...maybe])) {
    if (variant) r.amounts.push(amountOf('social-benefit', variant, f.today))
  }
  if (found.includes('elderly') || found.includes('hero-mother') || maybe.includes('elderly')) r.note('unverified-amount')
  if (found.includes('orphan-one')) r.note('orphan-one-parent-conflict')
  if (r.documents.length === 0 || found.some((v) => v !== 'disabled-child') || maybe.length > 0) r.doc('ask-office-list')
  return r.finish()
}

function maternity(f: Family): BenefitAssessment {
  const a = f.answers
  const r = new Result('maternity')
  const days = RULES.maternity.leaveDays
  const mountain = f.mountain === 'yes'
  switch (a.pregnantWoman) {
    case 'employed':
      r.add('pregnant-employed', 'met', { days: RULES.maternity.employerPaysWorkingDays })
      r.documents = ['sick-leave', 'employer-application']
      r.where = ['employer']
      break
    case 'entrepreneur':
      r.add('pregnant-entrepreneur', 'met', { days: RULES.maternity.employerPaysWorkingDays + 1 })
      r.documents = ['sick-leave', 'passport', 'patent-or-registration', 'application-pin']
      r.where = ['district-office']
      if (mountain) r.note('maternity-mountain-self-employed')
      break
    case 'registered-unemployed':
      r.add('pregnant-unemployed', 'unknown')
      r.documents = ['sick-leave', 'passport', 'application-pin', 'ask-office-list']
      r.where = ['district-office']
      break
    case 'not-working':
      r.add('pregnant-not-working', 'not-met')
      break
    case 'no':
      r.add('no-pregnant', 'not-met')
      break
    default:
      r.add('pregnant-unknown', 'unknown')
      r.doc('employer-application', 'application-pin')
  }
  r.add('leave-days', 'info', { count: f.mountain === 'yes' ? days.mountain : days.lowland })
  if (a.pregnantWoman === 'employed' && mountain) {
    r.add('mountain-full-pay', 'info')
    r.amounts.push(amountOf('maternity', 'mountain-employed', f.today))
  } else {
    if (a.pregnantWoman !== 'entrepreneur' && a.pregnantWoman !== 'registered-unemployed') {
      r.amounts.push(amountOf('maternity', 'employer-first-days', f.today))
    }
    r.amounts.push(amountOf('maternity', 'budget-from-day-11', f.today))
  }
  if (a.pregnantWoman === 'unknown' && mountain) r.amounts.push(amountOf('maternity', 'mountain-employed', f.today))
  return r.finish()
}

function pension(f: Family): BenefitAssessment {
  const a = f.answers
  const r = new Result('pension')
  const p = RULES.pension
  const record = pensionRecord(f)
  const recordParams = { count: record.minYears, year: record.year }
  if (a.elderWithoutPension === 'no') {
    r.add('no-elder', 'not-met', { date: p.eaeuAgreementFrom })
  } else if (a.elderWithoutPension === 'unknown') {
    r.add('elder-unknown', 'unknown', { men: p.age.male, women: p.age.female })
    r.add('record-unknown', 'unknown', recordParams)
  } else {
    const age = elderReached(a, p.age, 'yes') // the question itself asks about pension age
    if (age === 'yes') r.add('elder-pension-age', 'met', { men: p.age.male, women: p.age.female })
    else if (age === 'no') r.add('elder-below-pension-age', 'not-met', { men: p.age.male, women: p.age.female })
    else r.add('elder-age-unknown', 'unknown', { men: p.age.male, women: p.age.female })
    if (record.status === 'enough') r.add('record-enough', 'met', recordParams)
    else if (record.status === 'short') r.add('record-short', 'not-met', recordParams)
    else r.add('record-unknown', 'unknown', recordParams)
    r.add('full-base-part', 'info', { men: p.fullBasePartRecord.male, women: p.fullBasePartRecord.female })
    r.note('pension-min-record-rising')
  }
  if (f.today > isoDay(p.minRecordCheckedUntil)) r.note('pension-min-record-rising')
  r.add('voluntary-contributions', 'info', { percent: p.voluntaryMinPercentOfAverageWage })
  r.add('eaeu-work', 'info', { date: p.eaeuAgreementFrom, count: p.eaeuMinMonthsAbroad })
  r.note('pension-voluntary', 'pension-eaeu')
  r.amounts.push(amountOf('pension', 'minimum', f.today))
  return r.finish()
}

/** Assesses every covered benefit for the family, in the order of BENEFIT_IDS. */
export function assessFamily(answers: FamilyAnswers, today: Date): BenefitAssessment[] {
  const f = buildFamily(answers, today)
  const support = familySupport(f)
  const byId: Record<BenefitId, BenefitAssessment> = {
    'family-support': support,
    'birth-grant': birthGrant(f),
    'young-children': youngChildren(f),
    'high-mountain-child': highMountain(f),
    'social-contract': socialContract(f, support),
    'social-benefit': socialBenefit(f),
    maternity: maternity(f),
    pension: pension(f),
  }
  const results = BENEFIT_IDS.map((id) => byId[id])
  for (const c of findConflicts(results)) {
    const [first, second] = c.benefits
    byId[first].conflictsWith.push(second)
    byId[second].conflictsWith.push(first)
    // 'not-together' concerns both; the other kinds are told where the first benefit is described.
    const told = c.kind === 'not-together' ? [first, second] : [first]
    for (const id of told) if (!byId[id].uncertain.includes(c.note)) byId[id].uncertain.push(c.note)
  }
  return results
}
