/**
 * Support-centre directory: where a migrant can go (or call) for free help, and whether it is open now.
 *
 * Pure domain module: no grammY, no database, no I/O. The data lives in src/content/centres.json
 * (converted from ../shared/reference/centres.json and contacts.md; only sourced entries, each with its source).
 * The references are thin: 3 entries have coordinates, 2 have opening hours, none of the programme's own
 * centres has a phone. The functions here are written for that: no coordinate → sorted last and shown with a
 * map *search* link (never a guessed pin); no hours → 'unknown' (never "open"); old or unverified → call first.
 *
 * Where-am-I rule (nearestCity): see the comment above `nearestCity`.
 */
import { z } from 'zod'
import rawDirectory from '../content/centres.json' with { type: 'json' }

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

export const CENTRE_KINDS = [
  'ngo-legal-aid',
  'diaspora',
  'consulate',
  'state-migration-centre',
  'hotline',
  'international-organisation',
  'social-office',
] as const
export type CentreKind = (typeof CENTRE_KINDS)[number]

export const SERVICES = [
  'legal-advice',
  'labour-disputes',
  'documents',
  'interpreting',
  'shelter',
  'medical',
  'psychological',
] as const
export type Service = (typeof SERVICES)[number]

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export const NAME_LANGS = ['ru', 'ky', 'uz', 'tg', 'en'] as const
export type NameLang = (typeof NAME_LANGS)[number]

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const
export type Confidence = (typeof CONFIDENCE_LEVELS)[number]

export const COUNTRIES = ['ru', 'kg', 'uz', 'tj'] as const
export type Country = (typeof COUNTRIES)[number]

/** How sure we are that a consulate / home-country office serves a city. */
export const COVERAGE_BASES = ['same-city', 'district-stated', 'region-stated', 'not-stated'] as const
export type CoverageBasis = (typeof COVERAGE_BASES)[number]

/** Entries verified longer ago than this (or never) get "call before you go". */
export const CALL_FIRST_MAX_AGE_DAYS = 180
/** Within this distance of a city centre a location counts as "in" that city, whatever the Russia outline says. */
export const NEARBY_KM = 75

// ---------------------------------------------------------------------------------------------------------------
// Types

export interface LatLon {
  lat: number
  lon: number
}

/** "HH:MM"; "24:00" is allowed as an end time. */
export type TimeRange = readonly [start: string, end: string]

/**
 * Weekly opening hours in the local time of the centre's city. A range whose end is not after its start runs
 * past midnight into the next day (["22:00", "02:00"]).
 * A day that is missing means "not known"; an empty list means "closed that day".
 */
export type WeeklyHours = Partial<Record<Weekday, readonly TimeRange[]>>

export interface LocalizedName {
  ru: string
  ky?: string
  uz?: string
  tg?: string
  en?: string
}

export interface SupportCentre {
  id: string
  /** A city id (moscow, kazan, …) or an area id for nationwide lines (russia, kyrgyzstan, uzbekistan). */
  city: string
  kind: CentreKind
  name: LocalizedName
  /** As written locally in the source, or null. */
  address: string | null
  /** Only from the source; never geocoded. Both or neither. */
  lat: number | null
  lon: number | null
  /** Exactly as published (some without a city code). */
  phones: string[]
  /** Machine-readable hours, only where the source states days and times. */
  hours: WeeklyHours | null
  /** Hours as written in the source (Russian), when they could not be made machine-readable, or as a caveat. */
  hoursText: string | null
  /** Overrides the city's time zone (e.g. a hotline that states "Moscow time"). */
  timeZone?: string
  /** Only what the source says. */
  services: Service[]
  /** The source's own wording of the services (Russian). */
  servicesText: string[]
  /** Languages the staff speak (ISO 639-1), only as stated by a source. Empty: not stated. */
  languages: string[]
  website: string | null
  source: { title: string | null; url: string | null }
  /** Date on the source page: YYYY, YYYY-MM or YYYY-MM-DD; null when the source is undated. */
  verifiedAt: string | null
  confidence: Confidence
  /** Listed under "Entries that look outdated or changed" in the reference. */
  outdated: boolean
  notes: string
}

export interface Coverage {
  centreId: string
  /** Whose citizens it serves. */
  country: Exclude<Country, 'ru'>
  basis: CoverageBasis
  note: string
  source?: string
}

export interface City {
  id: string
  country: Country
  name: Required<LocalizedName>
  /** Well-known city-centre coordinates (public geographic fact, see coordinatesSource). */
  lat: number
  lon: number
  coordinatesSource: string
  /** IANA time zone. */
  timeZone: string
  /** Consulates and home-country offices that serve people in this city. */
  coveredBy: Coverage[]
  /** What the references could not find for this city (for the NGO). */
  gaps: string[]
}

/** A country-wide scope for hotlines: russia, kyrgyzstan, uzbekistan. */
export interface Area {
  id: string
  country: Country
  name: Required<LocalizedName>
  /** null when the area spans several zones (Russia): entries then need their own timeZone. */
  timeZone: string | null
  note: string
}

export interface Directory {
  about: string
  leftOut: { id: string; reason: string }[]
  cities: City[]
  areas: Area[]
  centres: SupportCentre[]
}

// ---------------------------------------------------------------------------------------------------------------
// Validation (shared with the CSV import)

/** Telegram's callback data holds 64 bytes; the bot puts an entry id and where to go back in it. */
export const CENTRE_ID_MAX = 40

const TIME_RE = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/
const PARTIAL_DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Digits, spaces, +, -, parentheses; at least 3 digits (short numbers such as 112 exist). */
export function isValidPhone(phone: string): boolean {
  return /^[0-9+\-() ]+$/.test(phone) && (phone.match(/\d/g)?.length ?? 0) >= 3
}

/** Earliest day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can mean, as a UTC timestamp; null if invalid. */
export function partialDateStart(value: string): number | null {
  const m = PARTIAL_DATE_RE.exec(value)
  if (!m) return null
  const year = Number(m[1])
  const month = m[2] === undefined ? 1 : Number(m[2])
  const day = m[3] === undefined ? 1 : Number(m[3])
  if (month < 1 || month > 12 || day < 1) return null
  const t = Date.UTC(year, month - 1, day)
  const d = new Date(t)
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return t
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

function toMinutes(time: string): number {
  const [h, m] = time.split(':')
  return Number(h) * 60 + Number(m)
}

const timeSchema = z.string().regex(TIME_RE, 'time must be HH:MM (00:00–24:00)')
const rangeSchema = z
  .tuple([timeSchema, timeSchema])
  .refine(([start]) => start !== '24:00', 'a range cannot start at 24:00')
  .refine(([start, end]) => toMinutes(start) !== toMinutes(end), 'a range must not be empty (start = end)')
const dayHours = z.array(rangeSchema).optional()
export const weeklyHoursSchema = z.strictObject({
  mon: dayHours,
  tue: dayHours,
  wed: dayHours,
  thu: dayHours,
  fri: dayHours,
  sat: dayHours,
  sun: dayHours,
})

const nameSchema = z.strictObject({
  ru: z.string().trim().min(1, 'name.ru is required'),
  ky: z.string().trim().min(1).optional(),
  uz: z.string().trim().min(1).optional(),
  tg: z.string().trim().min(1).optional(),
  en: z.string().trim().min(1).optional(),
})

export const supportCentreSchema = z
  .strictObject({
    id: z
      .string()
      .regex(ID_RE, 'id must be lower-case letters, digits and dashes')
      .max(CENTRE_ID_MAX, `id must be at most ${CENTRE_ID_MAX} characters (it travels in Telegram buttons)`),
    city: z.string().min(1, 'city is required'),
    kind: z.enum(CENTRE_KINDS, { error: `kind must be one of: ${CENTRE_KINDS.join(', ')}` }),
    name: nameSchema,
    address: z.string().trim().min(1).nullable(),
    lat: z.number().min(-90, 'lat must be between -90 and 90').max(90, 'lat must be between -90 and 90').nullable(),
    lon: z.number().min(-180, 'lon must be between -180 and 180').max(180, 'lon must be between -180 and 180').nullable(),
    phones: z.array(
      z.string().refine(isValidPhone, 'phone may contain only digits, spaces, +, -, ( ) and needs at least 3 digits'),
    ),
    hours: weeklyHoursSchema.nullable(),
    hoursText: z.string().trim().min(1).nullable(),
    timeZone: z.string().refine(isValidTimeZone, 'unknown IANA time zone').optional(),
    services: z.array(z.enum(SERVICES, { error: `service must be one of: ${SERVICES.join(', ')}` })),
    servicesText: z.array(z.string().trim().min(1)),
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'language must be an ISO 639 code such as ky, ru, uz, tg')),
    website: z.string().trim().min(1).nullable(),
    source: z.strictObject({
      title: z.string().trim().min(1).nullable(),
      url: z.url({ protocol: /^https?$/, error: 'source url must be an http(s) URL' }).nullable(),
    }),
    verifiedAt: z
      .string()
      .refine((v) => partialDateStart(v) !== null, 'date must be a valid YYYY, YYYY-MM or YYYY-MM-DD')
      .nullable(),
    confidence: z.enum(CONFIDENCE_LEVELS, { error: `confidence must be one of: ${CONFIDENCE_LEVELS.join(', ')}` }),
    outdated: z.boolean(),
    notes: z.string(),
  })
  .superRefine((c, ctx) => {
    if ((c.lat === null) !== (c.lon === null)) {
      ctx.addIssue({ code: 'custom', path: [c.lat === null ? 'lat' : 'lon'], message: 'give both lat and lon, or neither' })
    }
    if (c.source.title === null && c.source.url === null) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'a source url or title is required' })
    }
  })

const localizedAll = z.strictObject({
  ru: z.string().min(1),
  ky: z.string().min(1),
  uz: z.string().min(1),
  tg: z.string().min(1),
  en: z.string().min(1),
})

const citySchema = z.strictObject({
  id: z.string().regex(ID_RE),
  country: z.enum(COUNTRIES),
  name: localizedAll,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  coordinatesSource: z.string().min(1),
  timeZone: z.string().refine(isValidTimeZone, 'unknown IANA time zone'),
  coveredBy: z.array(
    z.strictObject({
      centreId: z.string(),
      country: z.enum(['kg', 'uz', 'tj']),
      basis: z.enum(COVERAGE_BASES),
      note: z.string(),
      source: z.string().optional(),
    }),
  ),
  gaps: z.array(z.string()),
})

const areaSchema = z.strictObject({
  id: z.string().regex(ID_RE),
  country: z.enum(COUNTRIES),
  name: localizedAll,
  timeZone: z.string().refine(isValidTimeZone, 'unknown IANA time zone').nullable(),
  note: z.string(),
})

export const directorySchema = z
  .strictObject({
    about: z.string(),
    leftOut: z.array(z.strictObject({ id: z.string(), reason: z.string() })),
    cities: z.array(citySchema),
    areas: z.array(areaSchema),
    centres: z.array(supportCentreSchema),
  })
  .superRefine((d, ctx) => {
    const places = new Set<string>()
    for (const [i, p] of [...d.cities, ...d.areas].entries()) {
      if (places.has(p.id)) ctx.addIssue({ code: 'custom', path: ['cities', i, 'id'], message: `duplicate place id ${p.id}` })
      places.add(p.id)
    }
    const ids = new Set<string>()
    d.centres.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['centres', i, 'id'], message: `duplicate id ${c.id}` })
      ids.add(c.id)
      if (!places.has(c.city)) ctx.addIssue({ code: 'custom', path: ['centres', i, 'city'], message: `unknown city ${c.city}` })
    })
    d.cities.forEach((city, i) =>
      city.coveredBy.forEach((cov, j) => {
        if (!ids.has(cov.centreId)) {
          ctx.addIssue({ code: 'custom', path: ['cities', i, 'coveredBy', j], message: `unknown centre ${cov.centreId}` })
        }
      }),
    )
  })

/** Parses and checks a directory document (throws with every problem listed). */
export function parseDirectory(input: unknown): Directory {
  const result = directorySchema.safeParse(input)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid support-centre directory:\n${lines.join('\n')}`)
  }
  return result.data as Directory
}

/** The directory shipped with the bot (src/content/centres.json), checked at load time. */
export const directory: Directory = parseDirectory(rawDirectory)

/** Every id a centre's `city` may take: city ids and area ids. */
export function placeIds(dir: Pick<Directory, 'cities' | 'areas'> = directory): Set<string> {
  return new Set([...dir.cities.map((c) => c.id), ...dir.areas.map((a) => a.id)])
}

export function findCity(id: string, cities: readonly City[] = directory.cities): City | undefined {
  return cities.find((c) => c.id === id)
}

export function findArea(id: string, areas: readonly Area[] = directory.areas): Area | undefined {
  return areas.find((a) => a.id === id)
}

export function findCentre(id: string, centres: readonly SupportCentre[] = directory.centres): SupportCentre | undefined {
  return centres.find((c) => c.id === id)
}

/** The name in the wanted language, falling back to Russian (the language every entry has). */
export function centreName(name: LocalizedName, lang: NameLang): string {
  return name[lang] ?? name.ru
}

// ---------------------------------------------------------------------------------------------------------------
// Geography

const EARTH_RADIUS_KM = 6371.0088

/** Great-circle distance in km (haversine). */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Coarse outline of Russia as [lat, lon] pairs (longitudes east of 180° written as 180+), drawn along the
 * borders with roughly ±30–50 km accuracy: enough to tell Russia from Kazakhstan, Central Asia, the Caucasus,
 * Europe, Mongolia and China, not to settle border villages. Crimea and other disputed areas are outside.
 * Plus a box for the Kaliningrad exclave.
 */
const RUSSIA_OUTLINE: readonly (readonly [number, number])[] = [
  // Barents coast at the Norwegian border, then north and east across the Arctic
  [69.8, 30.85], [70.5, 32.5], [82.0, 35.0], [82.0, 191.0], [65.8, 191.0],
  // Pacific: Bering Sea, Kamchatka, Kurils, La Pérouse strait, Sea of Japan, Tumen mouth
  [50.0, 160.0], [46.5, 152.0], [45.7, 142.0], [42.0, 134.0], [42.3, 130.7],
  // China: Ussuri, Amur, Argun
  [43.4, 131.3], [44.9, 131.1], [45.3, 133.1], [48.35, 134.75], [47.7, 132.5], [49.4, 129.5], [50.15, 127.55],
  [52.0, 126.5], [53.5, 124.0], [53.3, 121.5], [50.3, 119.3], [49.55, 117.5], [49.85, 116.7],
  // Mongolia
  [49.4, 112.0], [50.3, 106.3], [51.6, 100.8], [52.1, 98.9], [50.3, 97.3], [50.0, 95.0], [50.1, 92.0], [49.8, 88.5],
  [49.1, 87.3],
  // Kazakhstan
  [51.0, 81.0], [52.0, 79.0], [53.6, 76.5], [53.9, 73.0], [54.8, 71.5], [55.4, 69.5], [54.9, 68.0], [54.5, 65.0],
  [54.0, 61.8], [53.0, 61.2], [52.0, 61.1], [51.0, 61.5], [50.5, 60.5], [50.7, 59.0], [50.8, 58.6], [50.8, 57.0],
  [50.8, 55.0], [51.3, 53.4], [51.8, 52.0], [51.4, 50.5], [50.0, 48.8], [49.1, 46.8], [48.0, 46.6], [47.4, 47.4],
  [46.3, 49.2],
  // Caspian, Azerbaijan, Georgia, Black Sea, Kerch strait
  [41.9, 48.6], [41.2, 47.8], [42.0, 46.4], [42.6, 45.6], [42.7, 44.5], [43.2, 42.0], [43.4, 40.0], [44.6, 36.8],
  [45.3, 36.6],
  // Ukraine, Belarus
  [47.1, 38.2], [47.9, 38.6], [48.3, 39.8], [49.0, 40.1], [49.6, 40.1], [50.0, 39.6], [50.1, 38.2], [50.3, 36.6],
  [50.6, 35.6], [51.1, 35.0], [51.3, 34.3], [52.1, 34.1], [52.2, 33.0], [52.1, 31.8], [52.6, 31.4], [53.3, 31.5],
  [53.9, 31.9], [54.5, 31.3], [55.0, 30.9], [55.5, 30.5], [56.0, 28.2],
  // Latvia, Estonia, Gulf of Finland, Finland, Norway
  [56.9, 27.8], [57.6, 27.4], [58.0, 27.6], [58.4, 27.4], [59.0, 27.8], [59.4, 28.1], [60.57, 27.8], [61.05, 28.75],
  [61.5, 29.4], [62.1, 30.6], [62.9, 31.6], [63.8, 30.2], [64.6, 30.0], [65.6, 29.8], [66.2, 29.2], [66.9, 29.1],
  [67.7, 30.0], [68.4, 28.7], [69.05, 28.95], [69.45, 30.0],
]
const KALININGRAD_BOX = { minLat: 54.36, maxLat: 55.3, minLon: 19.6, maxLon: 22.9 }

/** Coarse test: is this point in Russia? (See RUSSIA_OUTLINE for the accuracy.) */
export function isInRussia(location: LatLon): boolean {
  const { lat } = location
  const lon = location.lon < -150 ? location.lon + 360 : location.lon // Chukotka lies across the 180th meridian
  const k = KALININGRAD_BOX
  if (lat >= k.minLat && lat <= k.maxLat && lon >= k.minLon && lon <= k.maxLon) return true
  let inside = false
  for (let i = 0, j = RUSSIA_OUTLINE.length - 1; i < RUSSIA_OUTLINE.length; j = i++) {
    const [latI, lonI] = RUSSIA_OUTLINE[i]!
    const [latJ, lonJ] = RUSSIA_OUTLINE[j]!
    if (latI > lat !== latJ > lat && lon < ((lonJ - lonI) * (lat - latI)) / (latJ - latI) + lonI) inside = !inside
  }
  return inside
}

export type NearestCityResult =
  /** `nearby`: within NEARBY_KM of the city centre; otherwise the user is in Russia but far from every centre. */
  | { kind: 'city'; city: City; distanceKm: number; nearby: boolean }
  /** Not in Russia (e.g. at home in Kyrgyzstan, or in Europe): show home-country lines and consulates instead. */
  | { kind: 'outside-russia' }

/**
 * Where is the user, for the directory?
 *
 * Rule:
 * 1. Candidates are the Russian cities (country 'ru') that have at least one entry of their own. Cities outside
 *    Russia (Bishkek) are never "the nearest centre": the directory is about help in Russia, and people at home
 *    get the area lines (kyrgyzstan, uzbekistan) and the consulates instead.
 * 2. Within NEARBY_KM (75 km) of a candidate's centre → that city, `nearby: true` (covers suburbs and the outline's
 *    error near borders, e.g. Chelyabinsk is ~100 km from Kazakhstan).
 * 3. Otherwise, inside the coarse Russia outline → the nearest candidate, `nearby: false` (say how far it is and
 *    offer the nationwide hotlines: Novosibirsk is 1,300+ km from Chelyabinsk).
 * 4. Otherwise → outside Russia (Bishkek, Tashkent, Almaty, Berlin…), whatever the distance.
 * The bot should still let the user pick a city by hand (border areas, shared locations that are not theirs).
 */
export function nearestCity(
  location: LatLon,
  cities: readonly City[] = directory.cities,
  centres: readonly SupportCentre[] = directory.centres,
): NearestCityResult {
  if (!isLatLon(location)) throw new RangeError(`invalid location ${JSON.stringify(location)}`)
  const withEntries = new Set(centres.map((c) => c.city))
  let best: { city: City; distanceKm: number } | null = null
  for (const city of cities) {
    if (city.country !== 'ru' || !withEntries.has(city.id)) continue
    const d = distanceKm(location, city)
    if (best === null || d < best.distanceKm) best = { city, distanceKm: d }
  }
  if (best === null) return { kind: 'outside-russia' }
  if (best.distanceKm <= NEARBY_KM) return { kind: 'city', city: best.city, distanceKm: best.distanceKm, nearby: true }
  if (isInRussia(location)) return { kind: 'city', city: best.city, distanceKm: best.distanceKm, nearby: false }
  return { kind: 'outside-russia' }
}

function isLatLon(p: LatLon): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180
}

export function hasCoordinates(c: SupportCentre): c is SupportCentre & LatLon {
  return c.lat !== null && c.lon !== null
}

export interface CentresQuery {
  service?: Service
  kind?: CentreKind
  /** Sort entries with coordinates by distance from here. */
  from?: LatLon
  centres?: readonly SupportCentre[]
}

export interface CentreHit {
  centre: SupportCentre
  /** null when the entry has no coordinates or no `from` point was given. */
  distanceKm: number | null
}

/**
 * Entries of a city (or area), optionally only those offering a service / of a kind.
 * Entries with coordinates come first (by distance from `from` when given), entries without coordinates after,
 * each group in directory order.
 */
export function centresInCity(cityId: string, query: CentresQuery = {}): CentreHit[] {
  const { service, kind, from, centres = directory.centres } = query
  const hits = centres
    .filter((c) => c.city === cityId)
    .filter((c) => service === undefined || c.services.includes(service))
    .filter((c) => kind === undefined || c.kind === kind)
    .map((centre, index) => ({
      centre,
      index,
      distanceKm: from !== undefined && hasCoordinates(centre) ? distanceKm(from, centre) : null,
    }))
  hits.sort((a, b) => {
    const aHas = hasCoordinates(a.centre)
    const bHas = hasCoordinates(b.centre)
    if (aHas !== bHas) return aHas ? -1 : 1
    if (a.distanceKm !== null && b.distanceKm !== null && a.distanceKm !== b.distanceKm) return a.distanceKm - b.distanceKm
    return a.index - b.index
  })
  return hits.map(({ centre, distanceKm: d }) => ({ centre, distanceKm: d }))
}

/** Consulates / home-country offices serving a city, with the centre entries (optionally for one nationality). */
export function coverageFor(
  cityId: string,
  country?: Coverage['country'],
  dir: Pick<Directory, 'cities' | 'centres'> = directory,
): { coverage: Coverage; centre: SupportCentre }[] {
  const city = findCity(cityId, dir.cities)
  if (!city) return []
  return city.coveredBy
    .filter((cov) => country === undefined || cov.country === country)
    .flatMap((coverage) => {
      const centre = findCentre(coverage.centreId, dir.centres)
      return centre ? [{ coverage, centre }] : []
    })
}

// ---------------------------------------------------------------------------------------------------------------
// Opening hours

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

/** Day of week and minutes since midnight at `now` in `timeZone`. */
export function localClock(now: Date, timeZone: string): { day: Weekday; minutes: number } {
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
 * for today (never guess "open"). Public holidays are not modelled.
 */
export function openNow(
  centre: SupportCentre,
  now: Date,
  dir: Pick<Directory, 'cities' | 'areas'> = directory,
): OpenState {
  const hours = centre.hours
  if (hours === null) return 'unknown'
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

// ---------------------------------------------------------------------------------------------------------------
// Completeness and "call before you go"

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

// ---------------------------------------------------------------------------------------------------------------
// Maps

/**
 * A Yandex Maps *search* link for the address text (the map shows what it finds; we never place a pin
 * ourselves). The city's Russian name is prepended when the address does not mention it. null without address.
 */
export function mapSearchUrl(address: string | null, city?: Pick<City, 'name'> | null): string | null {
  const text = address?.trim()
  if (!text) return null
  const cityName = city?.name.ru
  const mentionsCity = cityName !== undefined && text.toLocaleLowerCase('ru').includes(cityName.toLocaleLowerCase('ru'))
  const query = cityName !== undefined && !mentionsCity ? `${cityName}, ${text}` : text
  return `https://yandex.ru/maps/?text=${encodeURIComponent(query)}`
}

/**
 * A route from wherever the user is to the entry: to its sourced coordinates when it has them, otherwise a
 * search for its address (mapSearchUrl). null without either.
 */
export function routeUrl(centre: SupportCentre, city?: Pick<City, 'name'> | null): string | null {
  if (hasCoordinates(centre)) return `https://yandex.ru/maps/?rtext=~${centre.lat},${centre.lon}&rtt=mt`
  return mapSearchUrl(centre.address, city)
}

// ---------------------------------------------------------------------------------------------------------------
// Phones and services

/** Russian emergency numbers: complete as they are, with no city code to miss. */
const RU_EMERGENCY = new Set(['112', '101', '102', '103', '104'])

/**
 * A `tel:` URI built only from the published digits, or null when the number cannot be dialled as written
 * from a Russian phone: numbers without a city code ("526-55-64"), home-country short numbers ("1966").
 * "+..." with 10–15 digits is kept; in Russia "8 495 …"/"7 495 …" (11 digits) becomes +7 495 …, and the
 * emergency numbers 112, 101–104 stay short.
 */
export function telUri(phone: string, country: Country | null): string | null {
  const written = phone.trim()
  const digits = written.replace(/\D/g, '')
  if (written.startsWith('+')) return digits.length >= 10 && digits.length <= 15 ? `tel:+${digits}` : null
  if (country !== 'ru') return null
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) return `tel:+7${digits.slice(1)}`
  if (written === digits && RU_EMERGENCY.has(digits)) return `tel:${digits}`
  return null
}

/** The country an entry's phones are dialled in: that of its city or area. */
export function centreCountry(centre: SupportCentre, dir: Pick<Directory, 'cities' | 'areas'> = directory): Country | null {
  return findCity(centre.city, dir.cities)?.country ?? findArea(centre.city, dir.areas)?.country ?? null
}

/** Services that count as legal help for the "only legal help" filter. */
export const LEGAL_SERVICES: readonly Service[] = ['legal-advice', 'labour-disputes']

/** Does the entry give legal help (the filter, and "no legal aid here" when none with contacts does)? */
export function offersLegalHelp(centre: SupportCentre): boolean {
  return centre.services.some((s) => LEGAL_SERVICES.includes(s))
}
