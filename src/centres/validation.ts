/** Validation of directory entries (shared with the CSV import): phones, dates, time zones, zod schemas. */
import { z } from 'zod'
import { CENTRE_KINDS, CONFIDENCE_LEVELS, COUNTRIES, COVERAGE_BASES, SERVICES } from './vocabulary.js'

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

/** Minutes since midnight of an "HH:MM" time. */
export function toMinutes(time: string): number {
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
