/**
 * Calendar arithmetic on 'YYYY-MM-DD' days. Pure and time-zone free: a day is a label, never an instant,
 * so nothing here depends on the machine's zone (only todayInRussia turns an instant into a day).
 */
import type { IsoDate } from './types.js'

const DAY_MS = 86_400_000
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar day written 'YYYY-MM-DD' (2026-02-30 is not one). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false
  const m = ISO.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

function ms(d: IsoDate): number {
  if (!isIsoDate(d)) throw new RangeError(`not a calendar day: ${d}`)
  return Date.parse(`${d}T00:00:00Z`)
}

const fromMs = (t: number): IsoDate => new Date(t).toISOString().slice(0, 10)

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function addDays(d: IsoDate, days: number): IsoDate {
  return fromMs(ms(d) + days * DAY_MS)
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((ms(b) - ms(a)) / DAY_MS)
}

/** The same day-of-month `n` months later; a day the month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number]
  ms(d)
  const total = y * 12 + (m - 1) + n
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  const nd = Math.min(day, daysInMonth(ny, nm))
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: IsoDate): number {
  return new Date(ms(d)).getUTCDay()
}

export const isWeekend = (d: IsoDate): boolean => weekday(d) === 0 || weekday(d) === 6

export const yearOf = (d: IsoDate): number => Number(d.slice(0, 4))

export const earliest = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b)

/** 'YYYYMMDD' for iCalendar DATE values. */
export const compact = (d: IsoDate): string => d.replace(/-/g, '')

const moscowDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Moscow',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/**
 * The calendar day in Moscow at the instant `now`. Russian deadlines run by Russian days: at 23:30 UTC it is
 * already 02:30 the next day in Moscow. Uses the time-zone database, not a fixed +3, so it stays right if the
 * offset ever changes again (it last did in October 2014).
 */
export function todayInRussia(now: Date): IsoDate {
  if (Number.isNaN(now.getTime())) throw new RangeError('invalid instant')
  const parts = Object.fromEntries(moscowDay.formatToParts(now).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day}`
}
