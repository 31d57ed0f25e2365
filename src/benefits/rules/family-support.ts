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
