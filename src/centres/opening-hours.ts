/** Is an entry open now, in its city's time zone (never "open" when the source gives no hours)? */
import { directory, findArea, findCity } from './directory.js'
import { toMinutes } from './validation.js'
import { WEEKDAYS, type Directory, type SupportCentre, type WeeklyHours, type Weekday } from './vocabulary.js'

export type OpenState = 'open' | 'closed' | 'unknown'

const clockFormats = new Map<string, Intl.DateTimeFormat>()
const WEEKDAY_BY_SHORT: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
}

/**
 * The last minute asked per time zone: a list asks for each of its entries at the same moment. Offsets and their
 * changes fall on whole minutes, so one UTC minute is one local minute.
 */
const lastMinute = new Map<string, { minute: number; clock: Readonly<LocalClock> }>()
type LocalClock = { day: Weekday; minutes: number }

/** Day of week and minutes since midnight at `now` in `timeZone`. */
export function localClock(now: Date, timeZone: string): Readonly<LocalClock> {
  const minute = Math.floor(now.getTime() / 60_000)
  const last = lastMinute.get(timeZone)
  if (last?.minute === minute) return last.clock
  const clock = Object.freeze(readLocalClock(now, timeZone))
  lastMinute.set(timeZone, { minute, clock })
  return clock
}

function readLocalClock(now: Date, timeZone: string): LocalClock {
  let fmt = clockFormats.get(timeZone)
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    clockFormats.set(timeZone, fmt)
  }
  const parts = fmt.formatToParts(now)
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? ''
  const day = WEEKDAY_BY_SHORT[get('weekday')]
  if (day === undefined) throw new Error(`unexpected weekday from Intl: ${get('weekday')}`)
  return { day, minutes: (Number(get('hour')) % 24) * 60 + Number(get('minute')) }
}

/** The time zone an entry's hours are in: its own, else its city's or area's; null if not known. */
export function centreTimeZone(
  centre: SupportCentre,
  dir: Pick<Directory, 'cities' | 'areas'> = directory,
): string | null {
  return centre.timeZone ?? findCity(centre.city, dir.cities)?.timeZone ?? findArea(centre.city, dir.areas)?.timeZone ?? null
}

function isAlwaysOpen(hours: WeeklyHours): boolean {
  return WEEKDAYS.every((d) => hours[d]?.some(([s, e]) => s === '00:00' && e === '24:00') === true)
}

/**
 * Is the centre open at `now`, in its city's time zone? 'unknown' when the source gives no machine-readable hours
 * for today (never guess "open"), and for a place to visit whose current address is unknown (Civic Assistance
 * moved after its hours were published: open where?). Phone lines need no address. Public holidays are not modelled.
 */
export function openNow(
  centre: SupportCentre,
  now: Date,
  dir: Pick<Directory, 'cities' | 'areas'> = directory,
): OpenState {
  const hours = centre.hours
  if (hours === null || (centre.address === null && centre.kind !== 'hotline')) return 'unknown'
  const tz = centreTimeZone(centre, dir)
  if (tz === null) return isAlwaysOpen(hours) ? 'open' : 'unknown'
  const { day, minutes } = localClock(now, tz)
  const yesterday = WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7]!
  // The tail of yesterday's ranges that ran past midnight.
  for (const [s, e] of hours[yesterday] ?? []) {
    if (toMinutes(e) <= toMinutes(s) && minutes < toMinutes(e)) return 'open'
  }
  const today = hours[day]
  if (today === undefined) return 'unknown'
  for (const [s, e] of today) {
    const start = toMinutes(s)
    const end = toMinutes(e)
    if (end > start ? minutes >= start && minutes < end : minutes >= start) return 'open'
  }
  return 'closed'
}
