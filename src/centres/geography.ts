/** Where things are: distances, a coarse outline of Russia, the nearest city, a city's entries and consulates. */
import { directory, findCentre, findCity } from './directory.js'
import type { CentreKind, City, Coverage, Directory, LatLon, Service, SupportCentre } from './vocabulary.js'

/** Within this distance of a city centre a location counts as "in" that city, whatever the Russia outline says. */
export const NEARBY_KM = 75

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

/**
 * Could a shared location be a real place? Out of range is not, and neither is exactly 0, 0 ("null island"): what
 * a broken client or a typed `/location 0 0` sends, never a person in the Gulf of Guinea asking for Russia.
 */
export function isRealLocation(lat: number, lon: number): boolean {
  return isLatLon({ lat, lon }) && !(lat === 0 && lon === 0)
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
