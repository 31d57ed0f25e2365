/** The 'social-contract' benefit: it follows the family-support verdict. */
import type { BenefitAssessment } from '../assessment.js'
import { amountOf, Result } from '../benefit-result.js'
import type { Family } from '../family.js'

export function socialContract(f: Family, support: BenefitAssessment): BenefitAssessment {
  const r = new Result('social-contract')
  if (support.verdict === 'likely') r.add('via-family-support', 'met')
  else if (support.verdict === 'maybe') r.add('family-support-unclear', 'unknown')
  else r.add('not-low-income', 'not-met')
  r.add('business-plan', 'check')
  r.amounts.push(amountOf('social-contract', 'grant', f.today), amountOf('social-contract', 'loan', f.today))
  return r.finish()
}
