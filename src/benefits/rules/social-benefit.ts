/** The 'social-benefit': one category that applies is enough (disability, elders, orphans, mother-heroines). */
import { RULES } from '../../content/benefits.js'
import type { BenefitAssessment } from '../assessment.js'
import { amountOf, Result } from '../benefit-result.js'
import type { Family } from '../family.js'
import { elderReached, pensionRecord } from './pension.js'

export function socialBenefit(f: Family): BenefitAssessment {
  const a = f.answers
  const r = new Result('social-benefit')
  r.documents = []
  // Amount variants of the categories that apply (found) or may apply (maybe); undefined = no amount sourced.
  const found: string[] = []
  const maybe: Array<string | undefined> = []

  if (a.disabledChild === 'yes') {
    r.add('disabled-child', 'met')
    found.push('disabled-child')
    r.doc('passport', 'children-birth', 'msec-conclusion')
    if (f.mountain !== 'no') r.doc('residence-registration')
  } else if (a.disabledChild === 'unknown') {
    r.add('disabled-child-unknown', 'unknown')
    maybe.push('disabled-child')
  }

  if (a.disabledAdult === 'yes') {
    const group = a.disabledAdultGroup
    if (a.disabledAdultSinceChildhood === 'yes') {
      r.add('disabled-adult-childhood', group === undefined || group === 'unknown' ? 'unknown' : 'met')
      if (group === 'I') found.push('disabled-childhood-1')
      else if (group === 'II') found.push('disabled-childhood-2')
      else if (group === 'III') found.push('disabled-childhood-3')
      else maybe.push('range')
      if (group === 'II' || group === 'III') r.note('social-benefit-old-amount')
    } else if (a.disabledAdultSinceChildhood === 'no') {
      r.add('disabled-adult-illness', 'unknown')
      if (group === 'I') maybe.push('disabled-general-1')
      else {
        maybe.push(undefined)
        r.note('social-benefit-amount-not-found')
      }
    } else {
      r.add('disabled-adult-unknown', 'unknown')
      maybe.push('range')
    }
  } else if (a.disabledAdult === 'unknown') {
    r.add('disabled-adult-unknown', 'unknown')
    maybe.push('range')
  }

  if (a.elderWithoutPension === 'yes') {
    const { male, female } = RULES.socialBenefit.elderlyAge
    const record = pensionRecord(f)
    const oldEnough = elderReached(a, RULES.socialBenefit.elderlyAge, 'unknown')
    if (record.status === 'enough') {
      r.add('elderly-has-pension-right', 'not-met', { count: Math.floor(record.years ?? 0) })
    } else if (oldEnough === 'no') {
      r.add('elderly-too-young', 'not-met', { men: male, women: female })
    } else if (oldEnough === 'yes' && record.status === 'short') {
      r.add('elderly-no-pension-right', 'met', { men: male, women: female })
      found.push('elderly')
    } else {
      r.add('elderly-unknown', 'unknown', { men: male, women: female })
      maybe.push('elderly')
    }
  } else if (a.elderWithoutPension === 'unknown') {
    r.add('elderly-unknown', 'unknown', { men: RULES.socialBenefit.elderlyAge.male, women: RULES.socialBenefit.elderlyAge.female })
    maybe.push('elderly')
  }

  if (a.orphan === 'both-parents') {
    r.add('orphan-both', 'met').note('orphan-survivor-pension')
    found.push('orphan-both')
  } else if (a.orphan === 'one-parent') {
    r.add('orphan-one', 'met').note('orphan-survivor-pension')
    found.push('orphan-one')
  } else if (a.orphan === 'unknown') {
    r.add('orphan-unknown', 'unknown')
    maybe.push('orphan-both')
  }

  if (a.motherHeroine === 'yes') {
    r.add('hero-mother', 'met', { age: RULES.socialBenefit.heroMotherAge })
    found.push('hero-mother')
  } else if (a.motherHeroine === 'unknown') {
    r.add('hero-mother-unknown', 'unknown', { age: RULES.socialBenefit.heroMotherAge })
    maybe.push('hero-mother')
  }

  // One category is enough: a category that does not apply must not hide one that does.
  if (found.length > 0) r.verdict = 'likely'
  else if (maybe.length > 0) r.verdict = 'maybe'
  else {
    r.verdict = 'unlikely'
    if (!r.reasons.some((x) => x.status === 'not-met')) r.add('no-category', 'not-met')
  }
  r.add('no-pension-right', 'check')
  r.add('no-income-test', 'info')
  if (found.length + maybe.length > 1) r.note('social-benefit-one-only')
  if (f.mountain !== 'no') r.note('regional-coefficient')
  for (const variant of new Set([...found, ...maybe])) {
    if (variant) r.amounts.push(amountOf('social-benefit', variant, f.today))
  }
  if (found.includes('elderly') || found.includes('hero-mother') || maybe.includes('elderly')) r.note('unverified-amount')
  if (found.includes('orphan-one')) r.note('orphan-one-parent-conflict')
  if (r.documents.length === 0 || found.some((v) => v !== 'disabled-child') || maybe.length > 0) r.doc('ask-office-list')
  return r.finish()
}
