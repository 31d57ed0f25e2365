/**
 * Counting working days over Russia's production calendar (russian-non-working-days.ts).
 * Safe side where the calendar is not confirmed: when a count runs into a year with only third-party data, it
 * is made both with that data and with weekends only for that year, and the earlier day wins; a year with no
 * data counts weekends only. Either way the answer is marked unverified, so the text can say "check".
 */
import { addDays, isWeekend, yearOf } from './calendar-days.js'
import { NON_WORKING_YEARS, type NonWorkingYear } from './russian-non-working-days.js'
import type { IsoDate } from './types.js'

const BY_YEAR = new Map<number, NonWorkingYear>(NON_WORKING_YEARS.map((y) => [y.year, y]))
const OFF = new Set(NON_WORKING_YEARS.flatMap((y) => y.weekdaysOff))
const WORKED = new Set(NON_WORKING_YEARS.flatMap((y) => y.weekendsWorked))

/** How sure the calendar for a year is: 'decree' (announced decree), 'secondary' (third-party data), 'none'. */
export function calendarStatus(year: number): NonWorkingYear['status'] | 'none' {
  return BY_YEAR.get(year)?.status ?? 'none'
}

/** A working day by the production calendar (a year without data: Monday–Friday). */
export function isWorkingDay(d: IsoDate): boolean {
  if (WORKED.has(d)) return true
  return !isWeekend(d) && !OFF.has(d)
}

function nth(from: IsoDate, n: number, working: (d: IsoDate) => boolean): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a whole number ≥ 1, got ${n}`)
  let d = from
  let count = working(d) ? 1 : 0
  while (count < n) {
    d = addDays(d, 1)
    if (working(d)) count++
  }
  return d
}

/**
 * The n-th working day counting `from` itself as the first when it is a working day (one day earlier than
 * counting from the next day: the safe reading of "within n working days of …").
 */
export function nthWorkingDay(from: IsoDate, n: number): { date: IsoDate; unverified: boolean } {
  const byCalendar = nth(from, n, isWorkingDay)
  // Decree years by their calendar; other years by weekends only.
  const byWeekends = nth(from, n, (d) => (calendarStatus(yearOf(d)) === 'decree' ? isWorkingDay(d) : !isWeekend(d)))
  let unverified = false
  for (let y = yearOf(from); y <= yearOf(byCalendar > byWeekends ? byCalendar : byWeekends); y++) {
    if (calendarStatus(y) !== 'decree') unverified = true
  }
  if (!unverified) return { date: byCalendar, unverified }
  return { date: byCalendar < byWeekends ? byCalendar : byWeekends, unverified }
}
