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
