/** The 'family-support' benefit: children under 16 and an income per person below the threshold (GMD_THRESHOLD). */
import { GMD_THRESHOLD, RULES } from '../../content/benefits.js'
import { countIncomePerPerson, type BenefitAssessment } from '../assessment.js'
import { amountOf, Result } from '../benefit-result.js'
import { validNumber, type Family } from '../family.js'

const threshold = { threshold: GMD_THRESHOLD.value, thresholdYear: GMD_THRESHOLD.year }

function under16(f: Family): { status: 'yes' | 'no' | 'unknown'; count?: number } {
  const known = f.children.filter((c) => c.ageYears !== undefined && c.ageYears < RULES.familySupport.childAgeBelow)
  if (known.length > 0) return f.agesIncomplete ? { status: 'yes' } : { status: 'yes', count: known.length }
  if (f.children.length > 0 && !f.agesIncomplete) return { status: 'no' }
  if (f.answers.childrenUnder16 === 'yes') return { status: 'yes' }
  if (f.answers.childrenUnder16 === 'no') return { status: 'no' }
  return { status: 'unknown' }
}

export function familySupport(f: Family): BenefitAssessment {
  const a = f.answers
  const r = new Result('family-support')
  const kids = under16(f)
  if (kids.status === 'yes') {
    if (kids.count) r.add('children-under-16', 'met', { count: kids.count })
    else r.add('has-children-under-16', 'met')
  }
  else if (kids.status === 'no') r.add('no-children-under-16', 'not-met')
  else r.add('children-under-16-unknown', 'unknown')

  // Income is asked without money from abroad, which is asked apart: how the office counts remittances is not
  // published (reference §1), so "likely" only where the answer is the same with and without them.
  const perPerson = countIncomePerPerson(a.monthlyIncome, a.householdSize)
  if (perPerson === 'unknown') {
    const incomeKnown = typeof a.monthlyIncome === 'number' && validNumber(a.monthlyIncome)
    r.add(incomeKnown ? 'household-size-unknown' : 'income-unknown', 'unknown', threshold)
  } else if (perPerson >= GMD_THRESHOLD.value) {
    r.add('income-above-threshold', 'not-met', { perPerson: Math.ceil(perPerson), ...threshold })
  } else {
    const remit = a.monthlyRemittances
    const withRemit =
      typeof remit === 'number' && validNumber(remit) && typeof a.monthlyIncome === 'number'
        ? countIncomePerPerson(a.monthlyIncome + remit, a.householdSize)
        : 'unknown'
    const shown = { perPerson: Math.floor(perPerson), ...threshold }
    if (remit === 'unknown') r.add('income-remittances-unknown', 'unknown', shown)
    else if (withRemit !== 'unknown' && withRemit >= GMD_THRESHOLD.value) {
      r.add('income-remittances-decide', 'unknown', { ...shown, perPersonWith: Math.ceil(withRemit) })
    } else r.add('income-below-threshold', 'met', shown)
  }
  if (a.socialContractSigned === 'yes') r.add('social-contract-signed', 'unknown').note('social-contract-stops-family-support')
  r.add('adults-work-or-registered', 'check')
  r.add('migrant-families-included', 'info')
  r.add('paid-for-a-year', 'info')
  if (a.monthlyRemittances !== 0) r.note('remittances-unknown')
  if (f.mountain !== 'no') r.note('regional-coefficient')
  r.amounts.push(amountOf('family-support', 'per-child', f.today, { count: kids.count }))
  if (a.caregiver === 'relative') r.doc('guardianship-decision', 'power-of-attorney')
  return r.finish()
}
