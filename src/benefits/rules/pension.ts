/** The old-age 'pension': pension age and insurance record; the social benefit uses the same checks. */
import { RULES } from '../../content/benefits.js'
import type { BenefitAssessment, FamilyAnswers } from '../assessment.js'
import { amountOf, Result } from '../benefit-result.js'
import { isoDay, validNumber, type Family } from '../family.js'

export function pensionRecord(f: Family): { status: 'enough' | 'short' | 'unknown'; years?: number; minYears: number; year: number } {
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
export function elderReached(
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

export function pension(f: Family): BenefitAssessment {
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
