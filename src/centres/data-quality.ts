/** Completeness of an entry and "call before you go": what is missing, how old the check is. */
import { directory, findCity } from './directory.js'
import { hasCoordinates } from './geography.js'
import { partialDateStart } from './validation.js'
import type { City, SupportCentre } from './vocabulary.js'

/** Entries verified longer ago than this (or never) get "call before you go". */
export const CALL_FIRST_MAX_AGE_DAYS = 180

/** Is this a place one can walk into (so an address is expected)? Hotlines and nationwide entries are not. */
export function isPlace(centre: SupportCentre, cities: readonly City[] = directory.cities): boolean {
  return centre.kind !== 'hotline' && findCity(centre.city, cities) !== undefined
}

export type MissingField =
  | 'address'
  | 'coordinates'
  | 'phones'
  | 'hours'
  | 'services'
  | 'languages'
  | 'verifiedAt'
  | 'name.ky'
  | 'name.uz'
  | 'name.tg'

/**
 * What the NGO should complete for this entry. `address`/`coordinates` only for walk-in places; `hours` means
 * no machine-readable hours (hoursText alone does not let the bot say "open now"). Translations of the name only
 * with `{ names: true }`.
 */
export function missingFields(
  centre: SupportCentre,
  options: { names?: boolean; cities?: readonly City[] } = {},
): MissingField[] {
  const missing: MissingField[] = []
  if (isPlace(centre, options.cities)) {
    if (centre.address === null) missing.push('address')
    if (!hasCoordinates(centre)) missing.push('coordinates')
  }
  if (centre.phones.length === 0) missing.push('phones')
  if (centre.hours === null) missing.push('hours')
  if (centre.services.length === 0) missing.push('services')
  if (centre.languages.length === 0) missing.push('languages')
  if (centre.verifiedAt === null) missing.push('verifiedAt')
  if (options.names) {
    for (const lang of ['ky', 'uz', 'tg'] as const) if (centre.name[lang] === undefined) missing.push(`name.${lang}`)
  }
  return missing
}

export type CallFirstReason =
  | 'never-verified'
  | 'verified-long-ago'
  | 'outdated'
  | 'no-address'
  | 'no-phone'
  | 'no-hours'

const DAY_MS = 86_400_000

function utcDay(d: Date | string): number {
  if (typeof d === 'string') {
    const t = partialDateStart(d)
    if (t === null) throw new RangeError(`invalid date ${d}`)
    return t
  }
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
}

/** Whole days from the (earliest possible) verification date to `today` (UTC calendar days); null if never verified. */
export function daysSinceVerified(centre: SupportCentre, today: Date | string): number | null {
  if (centre.verifiedAt === null) return null
  return Math.floor((utcDay(today) - utcDay(centre.verifiedAt)) / DAY_MS)
}

/** Why the user should call (or check) before going. Empty: the entry looks current and complete. */
export function callFirstReasons(
  centre: SupportCentre,
  today: Date | string,
  cities: readonly City[] = directory.cities,
): CallFirstReason[] {
  const reasons: CallFirstReason[] = []
  const age = daysSinceVerified(centre, today)
  if (age === null) reasons.push('never-verified')
  else if (age > CALL_FIRST_MAX_AGE_DAYS) reasons.push('verified-long-ago')
  if (centre.outdated) reasons.push('outdated')
  if (isPlace(centre, cities) && centre.address === null) reasons.push('no-address')
  if (centre.phones.length === 0) reasons.push('no-phone')
  if (centre.hours === null) reasons.push('no-hours')
  return reasons
}

/**
 * true when verified more than 180 days before `today` (partial dates count from their first day), never
 * verified, flagged outdated, or missing an address (walk-in places), a phone or machine-readable hours.
 */
export function needsCallFirst(
  centre: SupportCentre,
  today: Date | string,
  cities: readonly City[] = directory.cities,
): boolean {
  return callFirstReasons(centre, today, cities).length > 0
}
