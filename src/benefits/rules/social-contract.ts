/**
 * The 'social-contract' benefit: for families who get «Үй-бүлөгө көмөк» or hold a social passport (reference §1a),
 * so a poor family without children under 16 can qualify through the social passport.
 */
import type { BenefitAssessment } from '../assessment.js'
import { amountOf, Result } from '../benefit-result.js'
import type { Family } from '../family.js'

export function socialContract(f: Family, support: BenefitAssessment): BenefitAssessment {
  const r = new Result('social-contract')
  const passport = f.answers.socialPassport
  const incomeTooHigh = support.reasons.some((x) => x.key === 'income-above-threshold')
  if (support.verdict === 'likely' && !support.insteadOf) r.add('via-family-support', 'met')
  else if (passport === 'yes') r.add('social-passport', 'met')
  else if (support.verdict !== 'unlikely') r.add('family-support-unclear', 'unknown')
  else if (passport === 'unknown') r.add('social-passport-unknown', 'unknown')
  else if (passport === 'no') r.add('no-social-passport', 'not-met')
  // Not asked: say only what the answers show; a family without children under 16 may still hold a passport.
  else if (incomeTooHigh) r.add('not-low-income', 'not-met')
  else r.add('social-passport-unknown', 'unknown')
  r.add('business-plan', 'check')
  r.amounts.push(amountOf('social-contract', 'grant', f.today), amountOf('social-contract', 'loan', f.today))
  return r.finish()
}
