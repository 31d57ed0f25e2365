/** Collecting one benefit's result: reasons, notes, documents and amounts, and the verdict they give. */
import { BENEFITS, type AmountRule, type BenefitId, type DocumentKey, type NoteKey, type WhereKey } from '../content/benefits.js'
import type { AssessedAmount, BenefitAssessment, ReasonId, ReasonKey, ReasonStatus, Verdict } from './assessment.js'
import { isoDay } from './family.js'

function verdictOf(reasons: readonly ReasonKey[]): Verdict {
  if (reasons.some((r) => r.status === 'not-met')) return 'unlikely'
  if (reasons.some((r) => r.status === 'unknown')) return 'maybe'
  return 'likely'
}

export function amountOf(
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
  // Not started yet: "announced" only; "started after March 2026, not checked" is for once it has started.
  if (rule.validFrom && isoDay(rule.validFrom) > today) {
    if (!flags.includes('announced')) flags.push('announced')
    if (flags.includes('after-window')) flags.splice(flags.indexOf('after-window'), 1)
  }
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
export class Result {
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
