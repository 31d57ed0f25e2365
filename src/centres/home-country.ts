/**
 * Whose offices an entry is (Kyrgyz, Uzbek, Tajik), the embassy to ask when an office has no address or phone,
 * and the free legal lines that work anywhere in Russia. Pure functions over the directory.
 */
import { findArea, findCentre, offersLegalHelp } from './directory.js'
import type { Country, Directory, SupportCentre } from './vocabulary.js'

export type HomeCountry = Exclude<Country, 'ru'>
export const HOME_COUNTRIES: readonly HomeCountry[] = ['kg', 'uz', 'tj']

type Places = Pick<Directory, 'cities' | 'areas' | 'centres'>

/**
 * The person's likely country, from the language they chose (the bot stores no citizenship): Kyrgyz → Kyrgyzstan,
 * Uzbek → Uzbekistan, Tajik → Tajikistan; Russian and English say nothing.
 */
export function countryOfLanguage(language: string): HomeCountry | undefined {
  return ({ ky: 'kg', uz: 'uz', tg: 'tj' } as const)[language as 'ky' | 'uz' | 'tg']
}

/** Whose office an entry is: from the consulate coverage of the cities, or its home-country area; else undefined. */
export function homeCountryOf(centre: SupportCentre, dir: Places): HomeCountry | undefined {
  for (const city of dir.cities) {
    const cov = city.coveredBy.find((c) => c.centreId === centre.id)
    if (cov) return cov.country
  }
  const area = findArea(centre.city, dir.areas)
  return area && area.country !== 'ru' ? area.country : undefined
}

export const reachable = (c: SupportCentre) => c.address !== null || c.phones.length > 0

/** The embassy in Moscow of `country`: a consulate-kind entry covering Moscow for it, with an address or phone. */
export function embassyOf(country: HomeCountry, dir: Places): SupportCentre | undefined {
  const moscow = dir.cities.find((c) => c.id === 'moscow')
  return moscow?.coveredBy
    .filter((cov) => cov.country === country)
    .map((cov) => findCentre(cov.centreId, dir.centres))
    .find((c): c is SupportCentre => c !== undefined && c.kind === 'consulate' && reachable(c))
}

/**
 * An office with neither address nor phone ("there is a Kyrgyz consulate in Kazan — ask the embassy for the
 * address", contacts.md): the embassy to ask, if the entry is a home-country office and it is not the embassy.
 */
export function askEmbassyFor(centre: SupportCentre, dir: Places): SupportCentre | undefined {
  if (reachable(centre)) return undefined
  const country = homeCountryOf(centre, dir)
  const embassy = country && embassyOf(country, dir)
  return embassy && embassy.id !== centre.id ? embassy : undefined
}

/** Entries of the person's own country first, the rest in their order (a stable sort). */
export function ownCountryFirst<T>(items: readonly T[], country: HomeCountry | undefined, countryOf: (item: T) => HomeCountry | undefined): T[] {
  if (!country) return [...items]
  return [...items.filter((i) => countryOf(i) === country), ...items.filter((i) => countryOf(i) !== country)]
}

/**
 * Free legal help by phone from anywhere in Russia. Rosmigrant's 8-800 line and the Tajik ministry's central
 * hotline are filed under Moscow (their receptions are there) but answer callers from any city; the entries of
 * the area «russia» that give legal help follow (Rostrud). Only entries present in `dir` (a CSV may remove them).
 */
export const NATIONWIDE_LEGAL_LINES = ['rosmigrant-dsmr', 'tj-molmep-representation-central'] as const

export function nationwideLegalLines(dir: Places): SupportCentre[] {
  const named = NATIONWIDE_LEGAL_LINES.map((id) => findCentre(id, dir.centres)).filter((c): c is SupportCentre => c !== undefined && c.phones.length > 0)
  const areaLines = dir.centres.filter((c) => findArea(c.city, dir.areas)?.country === 'ru' && offersLegalHelp(c) && c.phones.length > 0)
  return [...named, ...areaLines.filter((c) => !named.includes(c))]
}
