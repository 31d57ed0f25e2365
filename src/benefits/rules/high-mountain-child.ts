/** The 'high-mountain-child' benefit: a child under 3 who is the mother's third or later, in a high-mountain area. */
import { RULES } from '../../content/benefits.js'
import type { BenefitAssessment, FamilyAnswers, YesNo } from '../assessment.js'
import { amountOf, Result } from '../benefit-result.js'
import { isoDay, underAgeOn, validNumber, type Family } from '../family.js'

/** The mother's birth order of the youngest child, asked as a number, read as "third or later?". */
function youngestIsThirdOrLater(a: FamilyAnswers): YesNo | undefined {
  const order = a.youngestBirthOrder
  if (order === undefined) return a.youngestIsThirdOrLater
  if (order === 'unknown' || !validNumber(order)) return 'unknown'
  return order >= RULES.highMountain.fromChildOrder ? 'yes' : 'no'
}

/**
 * «Бала береке»: a 4th or later child born from 2026 in a high-mountain zone, paid once at age one (from 2027),
 * the amount by birth order. Without the order the list by order is shown.
 */
function balaBereke(f: Family, r: Result): void {
  const a = f.answers
  const bb = RULES.balaBereke
  const youngest = f.children[f.children.length - 1]
  const expected = a.baby === 'expected'
  const bornFrom2026 = youngest?.birth !== undefined && youngest.birth.latest >= isoDay(bb.bornFrom)
  if (f.mountain === 'no' || !(expected || bornFrom2026)) return
  const asked = a.youngestBirthOrder
  const order = asked === undefined ? f.children.length + (expected ? 1 : 0) : asked === 'unknown' || !validNumber(asked) ? 'unknown' : Math.floor(asked)
  if (order !== 'unknown' && order < bb.fromChildOrder) return
  const amount = amountOf('high-mountain-child', 'bala-bereke', f.today)
  if (order !== 'unknown') {
    const byOrder = bb.amountByOrder as Record<number, number>
    amount.value = byOrder[Math.min(order, 10)]
    delete amount.min
    delete amount.max
    r.add('bala-bereke-order', 'info', { order })
  }
  r.note('bala-bereke')
  r.amounts.push(amount)
}

export function highMountain(f: Family): BenefitAssessment {
  const a = f.answers
  const r = new Result('high-mountain-child')
  const rule = RULES.highMountain
  if (f.mountain === 'yes') r.add('high-mountain-yes', 'met')
  else if (f.mountain === 'no') r.add('high-mountain-no', 'not-met')
  else r.add('high-mountain-unknown', 'unknown')

  // Children under 3 who are the mother's 3rd or later child (oldest first in f.children).
  const youngIdx = f.children
    .map((c, i) => ({ c, i, u: underAgeOn(c, rule.childAgeBelow, f.today) }))
    .filter((x) => x.u !== 'no' && x.c.birth)
  const order = rule.fromChildOrder - 1
  let qualifying = youngIdx.filter((x) => x.i >= order)
  const explicit = youngestIsThirdOrLater(a)
  if (explicit === 'yes' && qualifying.length === 0 && youngIdx.length > 0) qualifying = youngIdx.slice(-1)
  const expectedIsThird =
    a.baby === 'expected' && (explicit === 'yes' || (explicit === undefined && f.children.length >= order))

  if (explicit === 'no') r.add('no-third-child-under-3', 'not-met')
  else if (qualifying.length > 0) {
    const sure = qualifying.filter((x) => x.u === 'yes').length
    // Without the explicit answer the order comes from the ages given; the office counts the mother's children.
    const key = explicit === 'yes' ? 'third-child-under-3' : 'third-child-inferred'
    r.add(key, sure > 0 ? 'met' : 'unknown', { count: Math.max(sure, 1) })
    const cutoff = isoDay(rule.possibleBirthCutoff)
    if (qualifying.every((x) => (x.c.birth?.earliest ?? 0) < cutoff)) {
      r.add('born-before-2026', 'unknown', { date: rule.possibleBirthCutoff })
    }
  } else if (expectedIsThird) r.add('expected-third-child', 'met')
  else if (explicit === 'unknown' || f.agesIncomplete || (f.children.length === 0 && a.childrenUnder16 !== 'no')) {
    r.add('third-child-unknown', 'unknown')
  } else r.add('no-third-child-under-3', 'not-met')

  if (f.today < isoDay(rule.inForceFrom)) r.add('high-mountain-not-started', 'unknown', { date: rule.inForceFrom })
  r.add('no-income-test', 'info')
  if (a.caregiver === 'relative') r.doc('representative')
  r.amounts.push(amountOf('high-mountain-child', 'per-child', f.today, { count: qualifying.length }))

  balaBereke(f, r)
  return r.finish()
}
