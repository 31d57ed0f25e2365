import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  CALL_FIRST_MAX_AGE_DAYS,
  callFirstReasons,
  missingFields,
  needsCallFirst,
} from '../../src/centres/data-quality.js'
import { directory, findCity, parseDirectory } from '../../src/centres/directory.js'
import {
  NEARBY_KM,
  centresInCity,
  coverageFor,
  distanceKm,
  isInRussia,
  nearestCity,
} from '../../src/centres/geography.js'
import { mapSearchUrl } from '../../src/centres/links.js'
import { openNow } from '../../src/centres/opening-hours.js'
import type { City, SupportCentre, WeeklyHours } from '../../src/centres/vocabulary.js'

function centre(overrides: Partial<SupportCentre> = {}): SupportCentre {
  return {
    id: 'test-centre',
    city: 'kazan',
    kind: 'ngo-legal-aid',
    name: { ru: 'Тестовый центр' },
    address: 'г. Казань, ул. Тестовая, 1',
    lat: null,
    lon: null,
    phones: ['+7 (843) 000-00-00'],
    hours: null,
    hoursText: null,
    services: ['legal-advice'],
    servicesText: [],
    languages: [],
    website: null,
    source: { title: 'test', url: 'https://example.org/' },
    verifiedAt: '2026-01-01',
    confidence: 'medium',
    outdated: false,
    notes: '',
    ...overrides,
  }
}

const WEEKDAYS_9_18: WeeklyHours = {
  mon: [['09:00', '18:00']],
  tue: [['09:00', '18:00']],
  wed: [['09:00', '18:00']],
  thu: [['09:00', '18:00']],
  fri: [['09:00', '18:00']],
  sat: [],
  sun: [],
}

const city = (id: string): City => {
  const c = findCity(id)
  if (!c) throw new Error(`no city ${id}`)
  return c
}

describe('distanceKm (haversine)', () => {
  it('is zero for the same point and symmetric', () => {
    const p = { lat: 55.75, lon: 37.62 }
    expect(distanceKm(p, p)).toBe(0)
    const q = { lat: 55.79, lon: 49.12 }
    expect(distanceKm(p, q)).toBeCloseTo(distanceKm(q, p), 9)
  })

  it('gives one degree of longitude on the equator ≈ 111.2 km', () => {
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.2, 1)
  })

  it('gives Moscow–Kazan ≈ 720 km and Kazan–Chelyabinsk ≈ 770 km between city centres', () => {
    expect(distanceKm(city('moscow'), city('kazan'))).toBeGreaterThan(700)
    expect(distanceKm(city('moscow'), city('kazan'))).toBeLessThan(740)
    expect(distanceKm(city('kazan'), city('chelyabinsk'))).toBeGreaterThan(740)
    expect(distanceKm(city('kazan'), city('chelyabinsk'))).toBeLessThan(800)
  })
})

describe('nearestCity', () => {
  it.each([
    ['Moscow', 55.75, 37.62, 'moscow'],
    ['Kazan', 55.79, 49.12, 'kazan'],
    ['Chelyabinsk', 55.16, 61.4, 'chelyabinsk'],
    ['Yekaterinburg', 56.84, 60.6, 'yekaterinburg'],
    ['Balashikha (Moscow suburb)', 55.8, 37.94, 'moscow'],
  ])('%s → %s, nearby', (_, lat, lon, expected) => {
    const r = nearestCity({ lat, lon })
    expect(r.kind).toBe('city')
    if (r.kind !== 'city') return
    expect(r.city.id).toBe(expected)
    expect(r.nearby).toBe(true)
    expect(r.distanceKm).toBeLessThanOrEqual(NEARBY_KM)
  })

  it.each([
    ['Bishkek', 42.87, 74.59],
    ['Osh', 40.53, 72.8],
    ['Tashkent', 41.3, 69.24],
    ['Dushanbe', 38.56, 68.77],
    ['Almaty', 43.24, 76.89],
    ['Kostanay (Kazakhstan, 250 km from Chelyabinsk)', 53.21, 63.62],
    ['Berlin', 52.52, 13.4],
    ['Minsk', 53.9, 27.56],
  ])('%s → outside Russia', (_, lat, lon) => {
    expect(nearestCity({ lat, lon })).toEqual({ kind: 'outside-russia' })
  })

  it('in Russia but far from every centre: nearest city, not nearby (Novosibirsk → Chelyabinsk)', () => {
    const r = nearestCity({ lat: 55.03, lon: 82.92 })
    expect(r).toMatchObject({ kind: 'city', nearby: false, city: { id: 'chelyabinsk' } })
    if (r.kind === 'city') expect(r.distanceKm).toBeGreaterThan(1000)
  })

  it('Kaliningrad (exclave) is in Russia', () => {
    expect(nearestCity({ lat: 54.71, lon: 20.51 })).toMatchObject({ kind: 'city', nearby: false, city: { id: 'moscow' } })
  })

  it('never offers a city outside Russia, even one with entries (a Bishkek entry does not make Bishkek "nearest")', () => {
    const withBishkekEntry = [...directory.centres, centre({ id: 'bishkek-office', city: 'bishkek' })]
    expect(nearestCity({ lat: 42.87, lon: 74.59 }, directory.cities, withBishkekEntry)).toEqual({ kind: 'outside-russia' })
  })

  it('skips cities without entries', () => {
    const noChelyabinsk = directory.centres.filter((c) => c.city !== 'chelyabinsk')
    const r = nearestCity({ lat: 55.16, lon: 61.4 }, directory.cities, noChelyabinsk)
    expect(r).toMatchObject({ kind: 'city', city: { id: 'yekaterinburg' }, nearby: false })
  })

  it('rejects an invalid location', () => {
    expect(() => nearestCity({ lat: 95, lon: 37 })).toThrow(RangeError)
    expect(() => nearestCity({ lat: Number.NaN, lon: 37 })).toThrow(RangeError)
  })
})

describe('isInRussia (coarse outline)', () => {
  it.each([
    ['Saint Petersburg', 59.94, 30.31],
    ['Novosibirsk', 55.03, 82.92],
    ['Omsk', 54.99, 73.37],
    ['Orenburg', 51.77, 55.1],
    ['Troitsk (Chelyabinsk region, at the border)', 54.08, 61.56],
    ['Astrakhan', 46.35, 48.03],
    ['Makhachkala', 42.98, 47.5],
    ['Sochi', 43.6, 39.73],
    ['Belgorod', 50.6, 36.59],
    ['Irkutsk', 52.29, 104.3],
    ['Vladivostok', 43.12, 131.9],
    ['Yuzhno-Sakhalinsk', 46.96, 142.74],
    ['Murmansk', 68.97, 33.08],
    ['Uelen (Chukotka, west longitude)', 66.16, -169.8],
  ])('%s is in Russia', (_, lat, lon) => {
    expect(isInRussia({ lat, lon })).toBe(true)
  })

  it.each([
    ['Astana', 51.17, 71.45],
    ['Petropavl (Kazakhstan)', 54.87, 69.15],
    ['Uralsk (Kazakhstan)', 51.23, 51.37],
    ['Tbilisi', 41.72, 44.78],
    ['Baku', 40.41, 49.87],
    ['Kharkiv', 49.99, 36.23],
    ['Riga', 56.95, 24.1],
    ['Helsinki', 60.17, 24.94],
    ['Ulaanbaatar', 47.9, 106.9],
    ['Harbin', 45.75, 126.6],
    ['Sapporo', 43.06, 141.35],
    ['Nome (Alaska)', 64.5, -165.4],
  ])('%s is not', (_, lat, lon) => {
    expect(isInRussia({ lat, lon })).toBe(false)
  })
})

describe('centresInCity', () => {
  const near = centre({ id: 'near', lat: 55.79, lon: 49.11, services: ['documents'] })
  const far = centre({ id: 'far', lat: 55.83, lon: 49.2 })
  const noCoords1 = centre({ id: 'no-coords-1' })
  const noCoords2 = centre({ id: 'no-coords-2', kind: 'diaspora', services: ['legal-advice', 'interpreting'] })
  const elsewhere = centre({ id: 'elsewhere', city: 'moscow', lat: 55.75, lon: 37.62 })
  const centres = [noCoords1, far, elsewhere, noCoords2, near]
  const from = { lat: 55.7887, lon: 49.1221 }

  it('sorts entries with coordinates by distance, then those without, in directory order', () => {
    const hits = centresInCity('kazan', { from, centres })
    expect(hits.map((h) => h.centre.id)).toEqual(['near', 'far', 'no-coords-1', 'no-coords-2'])
    expect(hits[0]!.distanceKm).toBeGreaterThan(0)
    expect(hits[0]!.distanceKm!).toBeLessThan(hits[1]!.distanceKm!)
    expect(hits[2]!.distanceKm).toBeNull()
  })

  it('puts entries with coordinates first even without a point, with no distance', () => {
    const hits = centresInCity('kazan', { centres })
    expect(hits.map((h) => h.centre.id)).toEqual(['far', 'near', 'no-coords-1', 'no-coords-2'])
    expect(hits.every((h) => h.distanceKm === null)).toBe(true)
  })

  it('filters by service and kind', () => {
    expect(centresInCity('kazan', { service: 'legal-advice', centres }).map((h) => h.centre.id)).toEqual([
      'far',
      'no-coords-1',
      'no-coords-2',
    ])
    expect(centresInCity('kazan', { service: 'interpreting', centres }).map((h) => h.centre.id)).toEqual(['no-coords-2'])
    expect(centresInCity('kazan', { kind: 'diaspora', centres }).map((h) => h.centre.id)).toEqual(['no-coords-2'])
    expect(centresInCity('kazan', { service: 'shelter', centres })).toEqual([])
  })

  it('works on the shipped data: in Kazan the Uzbek consulate (the only one with coordinates) comes first', () => {
    const hits = centresInCity('kazan', { from })
    expect(hits[0]!.centre.id).toBe('uz-consulate-general-kazan')
    expect(hits[0]!.distanceKm!).toBeLessThan(5)
    expect(hits.slice(1).every((h) => h.centre.lat === null && h.distanceKm === null)).toBe(true)
  })

  it('also lists nationwide areas (kyrgyzstan)', () => {
    const ids = centresInCity('kyrgyzstan').map((h) => h.centre.id)
    expect(ids).toContain('kg-line-117')
    expect(ids).toContain('kg-district-social-office')
  })
})

describe('openNow (in the city time zone)', () => {
  // Monday 2 March 2026, 13:30 UTC = 16:30 in Kazan (UTC+3) and 18:30 in Chelyabinsk (UTC+5).
  const monday1330Z = new Date('2026-03-02T13:30:00Z')

  it('the same instant is open in Kazan and closed in Chelyabinsk', () => {
    expect(openNow(centre({ city: 'kazan', hours: WEEKDAYS_9_18 }), monday1330Z)).toBe('open')
    expect(openNow(centre({ city: 'chelyabinsk', hours: WEEKDAYS_9_18 }), monday1330Z)).toBe('closed')
  })

  it('opens at the start minute and closes at the end minute', () => {
    const c = centre({ city: 'moscow', hours: WEEKDAYS_9_18 })
    expect(openNow(c, new Date('2026-03-02T05:59:00Z'))).toBe('closed') // 08:59 MSK
    expect(openNow(c, new Date('2026-03-02T06:00:00Z'))).toBe('open') // 09:00
    expect(openNow(c, new Date('2026-03-02T14:59:00Z'))).toBe('open') // 17:59
    expect(openNow(c, new Date('2026-03-02T15:00:00Z'))).toBe('closed') // 18:00
  })

  it('handles ranges past midnight (Friday 22:00–02:00)', () => {
    const c = centre({ city: 'kazan', hours: { fri: [['22:00', '02:00']], sat: [], thu: [] } })
    expect(openNow(c, new Date('2026-03-06T18:59:00Z'))).toBe('closed') // Fri 21:59
    expect(openNow(c, new Date('2026-03-06T20:00:00Z'))).toBe('open') // Fri 23:00
    expect(openNow(c, new Date('2026-03-06T22:30:00Z'))).toBe('open') // Sat 01:30, from Friday's range
    expect(openNow(c, new Date('2026-03-06T23:00:00Z'))).toBe('closed') // Sat 02:00
    expect(openNow(c, new Date('2026-03-07T09:00:00Z'))).toBe('closed') // Sat 12:00, closed day
    // Thursday 23:30: Thursday is closed and nothing runs over from Wednesday (unknown) — still closed today.
    expect(openNow(c, new Date('2026-03-05T20:30:00Z'))).toBe('closed')
  })

  it('a range ending at 24:00 covers the last minute of the day', () => {
    const c = centre({ city: 'kazan', hours: { mon: [['18:00', '24:00']], tue: [] } })
    expect(openNow(c, new Date('2026-03-02T20:59:00Z'))).toBe('open') // Mon 23:59
    expect(openNow(c, new Date('2026-03-02T21:00:00Z'))).toBe('closed') // Tue 00:00
  })

  it('closed days are closed; days the source does not give are unknown; no hours are unknown', () => {
    const c = centre({ city: 'kazan', hours: { mon: [['09:00', '18:00']], sun: [] } })
    expect(openNow(c, new Date('2026-03-01T10:00:00Z'))).toBe('closed') // Sunday
    expect(openNow(c, new Date('2026-03-03T10:00:00Z'))).toBe('unknown') // Tuesday: not given
    expect(openNow(centre({ city: 'kazan', hours: null, hoursText: 'по будням' }), monday1330Z)).toBe('unknown')
  })

  it('uses the entry’s own time zone when it has one', () => {
    // 13:30 UTC = 19:30 in Bishkek (UTC+6)
    const c = centre({ city: 'russia', timeZone: 'Asia/Bishkek', hours: WEEKDAYS_9_18 })
    expect(openNow(c, monday1330Z)).toBe('closed')
    expect(openNow({ ...c, timeZone: 'Europe/Moscow' }, monday1330Z)).toBe('open')
  })

  it('for Russia-wide entries without a time zone only round-the-clock hours are known', () => {
    const always = Object.fromEntries(
      (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [d, [['00:00', '24:00'] as const]]),
    ) as WeeklyHours
    expect(openNow(centre({ city: 'russia', hours: always }), monday1330Z)).toBe('open')
    expect(openNow(centre({ city: 'russia', hours: WEEKDAYS_9_18 }), monday1330Z)).toBe('unknown')
  })

  it('on the shipped data: Civic Assistance (Mon/Wed/Fri 10–17 Moscow) and 112', () => {
    const civic = directory.centres.find((c) => c.id === 'civic-assistance-committee')!
    // Its 2023 hours are for an office it has left; the current address is unknown, so never "open" or "closed".
    expect(civic.address).toBeNull()
    expect(openNow(civic, new Date('2026-03-02T09:00:00Z'))).toBe('unknown') // Monday 12:00 MSK
    expect(openNow(civic, new Date('2026-03-03T09:00:00Z'))).toBe('unknown') // Tuesday
    expect(openNow({ ...civic, address: 'г. Москва, ул. Тестовая, 1' }, new Date('2026-03-02T09:00:00Z'))).toBe('open')
    expect(openNow({ ...civic, address: 'г. Москва, ул. Тестовая, 1' }, new Date('2026-03-03T09:00:00Z'))).toBe('closed')
    const emergency = directory.centres.find((c) => c.id === 'ru-emergency-112')!
    expect(openNow(emergency, monday1330Z)).toBe('open')
    const sakharovo = directory.centres.find((c) => c.id === 'moscow-mmc-sakharovo')!
    expect(openNow(sakharovo, monday1330Z)).toBe('unknown')
  })
})

describe('needsCallFirst', () => {
  const today = new Date('2026-06-30T12:00:00Z')
  const complete = centre({ hours: WEEKDAYS_9_18 })

  it(`is false at ${CALL_FIRST_MAX_AGE_DAYS} days and true at 181`, () => {
    expect(needsCallFirst({ ...complete, verifiedAt: '2026-01-01' }, today)).toBe(false) // 180 days
    expect(needsCallFirst({ ...complete, verifiedAt: '2025-12-31' }, today)).toBe(true) // 181 days
    expect(callFirstReasons({ ...complete, verifiedAt: '2025-12-31' }, today)).toEqual(['verified-long-ago'])
  })

  it('accepts today as a date string', () => {
    expect(needsCallFirst({ ...complete, verifiedAt: '2026-01-01' }, '2026-06-30')).toBe(false)
    expect(needsCallFirst({ ...complete, verifiedAt: '2026-01-01' }, '2026-07-01')).toBe(true)
  })

  it('counts a partial date from its first day', () => {
    expect(needsCallFirst({ ...complete, verifiedAt: '2026-01' }, today)).toBe(false)
    expect(needsCallFirst({ ...complete, verifiedAt: '2025-12' }, today)).toBe(true)
    expect(needsCallFirst({ ...complete, verifiedAt: '2026' }, today)).toBe(false)
  })

  it('is true when never verified, outdated, or missing address, phone or hours', () => {
    expect(callFirstReasons({ ...complete, verifiedAt: null }, today)).toEqual(['never-verified'])
    expect(callFirstReasons({ ...complete, outdated: true }, today)).toEqual(['outdated'])
    expect(callFirstReasons({ ...complete, address: null }, today)).toEqual(['no-address'])
    expect(callFirstReasons({ ...complete, phones: [] }, today)).toEqual(['no-phone'])
    expect(callFirstReasons({ ...complete, hours: null, hoursText: 'по будням' }, today)).toEqual(['no-hours'])
  })

  it('does not ask a hotline or a nationwide entry for an address', () => {
    expect(callFirstReasons({ ...complete, kind: 'hotline', address: null }, today)).toEqual([])
    expect(callFirstReasons({ ...complete, city: 'kyrgyzstan', address: null }, today)).toEqual([])
  })

  it('flags every entry of the shipped data today (the references are old or undated)', () => {
    expect(directory.centres.every((c) => needsCallFirst(c, today))).toBe(true)
  })
})

describe('missingFields', () => {
  it('lists what the NGO should complete', () => {
    expect(missingFields(centre({ address: null, phones: [], verifiedAt: null }))).toEqual([
      'address',
      'coordinates',
      'phones',
      'hours',
      'languages',
      'verifiedAt',
    ])
    expect(missingFields(centre({ lat: 55.8, lon: 49.1, hours: WEEKDAYS_9_18, languages: ['ru', 'ky'] }))).toEqual([])
  })

  it('skips address and coordinates for hotlines; lists name translations on request', () => {
    const hotline = centre({ kind: 'hotline', address: null, services: [] })
    expect(missingFields(hotline)).toEqual(['hours', 'services', 'languages'])
    expect(missingFields(hotline, { names: true })).toEqual(['hours', 'services', 'languages', 'name.ky', 'name.uz', 'name.tg'])
  })

  it('on the shipped data: the Chelyabinsk adaptation centre has no address, phone or hours', () => {
    const c = directory.centres.find((x) => x.id === 'chelyabinsk-adaptation-centre')!
    expect(missingFields(c)).toEqual(expect.arrayContaining(['address', 'coordinates', 'phones', 'hours']))
  })
})

describe('mapSearchUrl', () => {
  it('builds a Yandex Maps text search from the address', () => {
    const url = mapSearchUrl('г. Казань, ул. Авангардная, 74', city('kazan'))!
    expect(url.startsWith('https://yandex.ru/maps/?text=')).toBe(true)
    const text = decodeURIComponent(url.slice('https://yandex.ru/maps/?text='.length))
    expect(text).toBe('г. Казань, ул. Авангардная, 74')
  })

  it('adds the city when the address does not name it, never coordinates', () => {
    const url = mapSearchUrl('ул. Хади Такташа, 124', city('kazan'))!
    expect(decodeURIComponent(url.split('text=')[1]!)).toBe('Казань, ул. Хади Такташа, 124')
    expect(url).not.toMatch(/ll=|pt=|whatshere/)
  })

  it('returns null without an address', () => {
    expect(mapSearchUrl(null, city('chelyabinsk'))).toBeNull()
    expect(mapSearchUrl('  ', city('chelyabinsk'))).toBeNull()
  })
})

describe('shipped directory (src/content/centres.json)', () => {
  it('has the programme cities with their time zones', () => {
    expect(city('moscow').timeZone).toBe('Europe/Moscow')
    expect(city('kazan').timeZone).toBe('Europe/Moscow')
    expect(city('chelyabinsk').timeZone).toBe('Asia/Yekaterinburg')
    expect(city('yekaterinburg').timeZone).toBe('Asia/Yekaterinburg')
    expect(city('bishkek').timeZone).toBe('Asia/Bishkek')
  })

  it('says which consulates serve Chelyabinsk, and how sure that is', () => {
    const uz = coverageFor('chelyabinsk', 'uz')
    expect(uz.map((x) => [x.centre.id, x.coverage.basis])).toEqual([['uz-consulate-general-yekaterinburg', 'district-stated']])
    const kg = coverageFor('chelyabinsk', 'kg')
    expect(kg.map((x) => [x.centre.id, x.coverage.basis])).toEqual([['kg-consulate-general-yekaterinburg', 'not-stated']])
    expect(coverageFor('chelyabinsk', 'tj')).toEqual([])
  })

  it('every entry has a source, and only sourced coordinates', () => {
    for (const c of directory.centres) {
      expect(c.source.url ?? c.source.title, c.id).toBeTruthy()
    }
    expect(directory.centres.filter((c) => c.lat !== null).map((c) => c.id)).toEqual([
      'uz-embassy-moscow',
      'uz-consulate-general-kazan',
      'uz-consulate-general-yekaterinburg',
    ])
  })

  const reference = '/work/shared/reference/centres.json'
  it.skipIf(!existsSync(reference))('matches the reference: same phones, coordinates, sources and dates', () => {
    const ref = JSON.parse(readFileSync(reference, 'utf8')) as {
      id: string
      phones: string[]
      lat: number | null
      lon: number | null
      source: { title: string; url: string | null }
      seen: string | null
    }[]
    for (const c of directory.centres) {
      const r = ref.find((x) => x.id === c.id)
      expect(r, c.id).toBeDefined()
      expect(c.phones, c.id).toEqual(r!.phones)
      expect([c.lat, c.lon], c.id).toEqual([r!.lat, r!.lon])
      expect(c.source, c.id).toEqual(r!.source)
      expect(c.verifiedAt, c.id).toBe(r!.seen)
    }
  })

  it('rejects a directory whose entry points to an unknown city', () => {
    const bad = { ...directory, centres: [...directory.centres, centre({ id: 'x', city: 'atlantis' })] }
    expect(() => parseDirectory(bad)).toThrow(/unknown city atlantis/)
  })
})
