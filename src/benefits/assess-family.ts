/**
 * Which Kyrgyz state benefits a family may get, from the answers of the benefits conversation.
 * Pure: no grammY, no database, no clock (the caller passes `today`). Rules and figures come from
 * src/content/benefits.ts; every result carries machine keys that locales/<lang>/benefits.json turns into text.
 * Each benefit's rule is in rules/<benefit>.ts; the answers and results are typed in assessment.ts.
 *
 * Verdicts: 'likely' = every condition we asked about is met; 'maybe' = an "I don't know" answer or a
 * source conflict decides it; 'unlikely' = a condition is not met (the first such reason says why, kindly).
 */
import { BENEFIT_CONFLICTS, BENEFIT_IDS, type BenefitConflict, type BenefitId } from '../content/benefits.js'
import type { BenefitAssessment, FamilyAnswers } from './assessment.js'
import { buildFamily } from './family.js'
import { birthGrant } from './rules/birth-grant.js'
import { familySupport } from './rules/family-support.js'
import { highMountain } from './rules/high-mountain-child.js'
import { maternity } from './rules/maternity.js'
import { pension } from './rules/pension.js'
import { socialBenefit } from './rules/social-benefit.js'
import { socialContract } from './rules/social-contract.js'
import { youngChildren } from './rules/young-children.js'

export { BENEFIT_CONFLICTS, type BenefitConflict }

/** Conflicts between benefits that both may apply to this family. */
export function findConflicts(results: readonly BenefitAssessment[]): BenefitConflict[] {
  const open = new Set(results.filter((r) => r.verdict !== 'unlikely').map((r) => r.benefitId))
  return BENEFIT_CONFLICTS.filter((c) => open.has(c.benefits[0]) && open.has(c.benefits[1]))
}

/** Som a month a benefit pays this family, from its amount and the children it is for. */
function monthly(r: BenefitAssessment): number {
  return (r.amount?.value ?? 0) * (r.amount?.count ?? 1)
}

/**
 * The high-mountain benefit and «Үй-бүлөгө көмөк» are not paid together (reference §1 rule 8, §3b): when both are
 * likely, the larger stays likely and the other is shown as "instead of, not in addition".
 */
function keepTheLarger(support: BenefitAssessment, mountain: BenefitAssessment): void {
  if (support.verdict !== 'likely' || mountain.verdict !== 'likely') return
  const [kept, other] = monthly(mountain) > monthly(support) ? [mountain, support] : [support, mountain]
  other.verdict = 'maybe'
  other.insteadOf = kept.benefitId
  other.reasons.unshift({ key: 'instead-of', status: 'unknown', params: { other: kept.benefitId } })
}

/** Assesses every covered benefit for the family, in the order of BENEFIT_IDS. */
export function assessFamily(answers: FamilyAnswers, today: Date): BenefitAssessment[] {
  const f = buildFamily(answers, today)
  const support = familySupport(f)
  const mountain = highMountain(f)
  keepTheLarger(support, mountain)
  const byId: Record<BenefitId, BenefitAssessment> = {
    'family-support': support,
    'birth-grant': birthGrant(f),
    'young-children': youngChildren(f),
    'high-mountain-child': mountain,
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
