/** The family as the rules see it: each child's birth as an interval of days, from the ages given. */
import type { FamilyAnswers, YesNo } from './assessment.js'

// ---------------------------------------------------------------------------------------------------------------
// Dates: all in UTC days; a child's birth is known only as an interval [earliest, latest].

const DAY = 86_400_000

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
}

export function isoDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number)
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)
}

function shift(day: number, months: number): number {
  const d = new Date(day)
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  return Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), lastDay))
}

interface Child {
  /** Birth lies in [earliest, latest] (UTC days); undefined = age unknown. */
  birth?: { earliest: number; latest: number }
  ageYears?: number
  /** The baby (or one of the twins) from the baby question. */
  isBaby?: true
}

function childFromYears(age: number, today: number): Child {
  return { ageYears: age, birth: { earliest: shift(today, -12 * (age + 1)) + DAY, latest: shift(today, -12 * age) } }
}

function babyChild(months: number | 'unknown' | undefined, today: number): Child {
  if (months === undefined || months === 'unknown' || !validNumber(months)) {
    return { ageYears: 0, isBaby: true, birth: { earliest: shift(today, -12) + DAY, latest: today } }
  }
  const m = Math.floor(months)
  return { ageYears: Math.floor(m / 12), isBaby: true, birth: { earliest: shift(today, -(m + 1)) + DAY, latest: shift(today, -m) } }
}

/** 'yes' | 'maybe' | 'no': is the child younger than `years` on `day`? */
export function underAgeOn(child: Child, years: number, day: number): 'yes' | 'maybe' | 'no' {
  if (!child.birth) return 'maybe'
  const limit = shift(day, -12 * years)
  if (child.birth.earliest > limit) return 'yes'
  return child.birth.latest > limit ? 'maybe' : 'no'
}

/** Babies born (or expected) at once: 1 unless twins or triplets were named. */
export function babiesAtOnce(answers: FamilyAnswers): number {
  const n = answers.babiesAtOnce
  return typeof n === 'number' && validNumber(n) && n >= 1 ? Math.min(Math.floor(n), 10) : 1
}

export function validNumber(n: number): boolean {
  return Number.isFinite(n) && n >= 0
}

// ---------------------------------------------------------------------------------------------------------------
// The family

export interface Family {
  answers: FamilyAnswers
  today: number
  /** Children living with the family, oldest first; a baby already born is included. */
  children: Child[]
  /** True when some age is unknown or the ages were not given. */
  agesIncomplete: boolean
  mountain: YesNo
}

export function buildFamily(answers: FamilyAnswers, today: Date): Family {
  const day = utcDay(today)
  const ages = answers.childAges === 'unknown' ? [] : [...answers.childAges]
  let agesIncomplete = answers.childAges === 'unknown'
  const children: Child[] = []
  for (const age of ages) {
    if (age === 'unknown' || !validNumber(age)) {
      agesIncomplete = true
      children.push({})
    } else children.push(childFromYears(Math.floor(age), day))
  }
  if (answers.baby === 'born') {
    // Twins and triplets are each a child; an age typed for them in the list is the same child, not another one.
    for (let i = 0; i < babiesAtOnce(answers); i++) {
      const baby = babyChild(answers.babyAgeMonths, day)
      const same = children.findIndex((c) => c.ageYears !== undefined && c.ageYears === baby.ageYears && !c.isBaby)
      if (same >= 0) children[same] = baby
      else children.push(baby)
    }
  }
  children.sort((a, b) => (b.ageYears ?? -1) - (a.ageYears ?? -1))
  return { answers, today: day, children, agesIncomplete, mountain: answers.highMountain }
}
