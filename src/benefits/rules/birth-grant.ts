/** The 'birth-grant' benefit: a baby born within the months set in RULES.birthGrant, or expected. */
import { RULES } from '../../content/benefits.js'
import type { BenefitAssessment } from '../assessment.js'
import { amountOf, Result } from '../benefit-result.js'
import { babiesAtOnce, validNumber, type Family } from '../family.js'

export function birthGrant(f: Family): BenefitAssessment {
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
  const atOnce = babiesAtOnce(a)
  const main = atOnce >= RULES.birthGrant.multipleBirthFrom ? 'triplets' : 'per-child'
  r.amounts.push(amountOf('birth-grant', main, f.today, { count: atOnce }))
  if (main === 'per-child') r.amounts.push(amountOf('birth-grant', 'triplets', f.today))
  if (f.mountain !== 'no') r.note('birth-grant-mountain-conflict')
  if (a.caregiver === 'relative') r.doc('power-of-attorney', 'guardianship-decision')
  return r.finish()
}
