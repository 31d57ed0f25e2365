/**
 * The period /stats and the report ask for, read from what a lawyer types: nothing (the last 90
 * days), `30d` (the last 30 days, today included), `2026-Q3` (a calendar quarter), or one or two
 * days as /export takes them. Pure: no Telegram, no database.
 */
import { dayRange, deskDay, parseDayRange, type DayRange } from './stats.js'

export const DEFAULT_DAYS = 90
/** Ten years: more is a typo, not a period anyone reports on. */
export const MAX_DAYS = 3660
const DAY_MS = 86_400_000

/** The last `days` days on desk time, today included. */
export function lastDays(days: number, now: Date): DayRange | undefined {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) return undefined
  const today = deskDay(now)
  return dayRange(deskDay(new Date(now.getTime() - (days - 1) * DAY_MS)), today)
}

/** `2026-Q3` → 1 July to 30 September 2026. */
export function quarter(year: number, q: number): DayRange | undefined {
  if (q < 1 || q > 4 || year < 2000 || year > 2100) return undefined
  const first = (month: number) => `${year}-${String(month).padStart(2, '0')}-01`
  const lastDay = new Date(Date.UTC(year, q * 3, 0)).getUTCDate()
  return dayRange(first(q * 3 - 2), `${year}-${String(q * 3).padStart(2, '0')}-${lastDay}`)
}

/** Undefined for anything else, and for a period that starts after today (nothing to count yet). */
export function parseStatsPeriod(text: string, now: Date): DayRange | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean)
  let range: DayRange | undefined
  const days = words.length === 1 ? /^(\d{1,5})d$/i.exec(words[0]!) : null
  const q = words.length === 1 ? /^(\d{4})-?Q([1-4])$/i.exec(words[0]!) : null
  if (words.length === 0) range = lastDays(DEFAULT_DAYS, now)
  else if (days) range = lastDays(Number(days[1]), now)
  else if (q) range = quarter(Number(q[1]), Number(q[2]))
  else range = parseDayRange(words, now)
  return range && range.start <= now ? range : undefined
}
