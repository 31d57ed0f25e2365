/**
 * The words of the support-centre directory: kinds of entry, services, weekdays, languages, countries, and the
 * shapes of an entry, a city, an area and the directory itself. Types and constants only.
 */
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
