/** The 'maternity' benefit: who pays depends on whether the pregnant woman works. */
import { RULES } from '../../content/benefits.js'
import type { BenefitAssessment } from '../assessment.js'
import { amountOf, Result } from '../benefit-result.js'
import type { Family } from '../family.js'

export function maternity(f: Family): BenefitAssessment {
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
