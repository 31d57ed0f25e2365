/** The 'young-children' benefit: children under 3 (RULES.youngChildren), with no income test. */
import { RULES } from '../../content/benefits.js'
import type { BenefitAssessment } from '../assessment.js'
import { amountOf, Result } from '../benefit-result.js'
import { isoDay, underAgeOn, type Family } from '../family.js'

/** Children under 3 on `day`: how many surely, how many of known age perhaps. */
function countUnder3(f: Family, day: number): { sure: number; perhaps: number } {
  let sure = 0
  let perhaps = 0
  for (const c of f.children) {
    if (!c.birth) continue
    const u = underAgeOn(c, RULES.youngChildren.childAgeBelow, day)
    if (u === 'yes') sure += 1
    else if (u === 'maybe') perhaps += 1
  }
  return { sure, perhaps }
}

export function youngChildren(f: Family): BenefitAssessment {
  const a = f.answers
  const r = new Result('young-children')
  const start = isoDay(RULES.youngChildren.startsOn)
  const started = f.today >= start
  const { sure, perhaps } = countUnder3(f, Math.max(f.today, start))
  const date = RULES.youngChildren.startsOn
  if (sure > 0) r.add('children-under-3', 'met', { count: sure })
  else if (a.baby === 'expected') r.add('baby-expected-under-3', 'met')
  else if (perhaps > 0) r.add('child-may-turn-3', 'unknown', { date })
  else if (f.children.length === 0 && a.childrenUnder16 === 'no' && a.baby === 'no') r.add('no-children-under-3', 'not-met')
  else if (f.children.length > 0 && !f.agesIncomplete) r.add('no-children-under-3', 'not-met')
  else r.add('children-ages-unknown', 'unknown')
  if (sure > 0 && a.baby === 'expected') r.add('baby-expected-under-3', 'info')
  r.add(started ? 'young-children-started' : 'young-children-not-started', started ? 'info' : 'unknown', { date })
  r.add('no-income-test', 'info')
  if (a.caregiver === 'relative') r.note('young-children-caregiver-unknown')
  r.amounts.push(amountOf('young-children', 'per-child', f.today, { count: sure }))
  return r.finish()
}
