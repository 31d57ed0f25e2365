/**
 * Support-centre directory: where a migrant can go (or call) for free help, and whether it is open now.
 *
 * Pure domain module: no grammY, no database, no I/O. The data lives in src/content/centres.json
 * (converted from ../shared/reference/centres.json and contacts.md; only sourced entries, each with its source).
 * The references are thin: 3 entries have coordinates, 2 have opening hours, none of the programme's own
 * centres has a phone. The functions in src/centres/ are written for that: no coordinate → sorted last and
 * shown with a map *search* link (never a guessed pin); no hours → 'unknown' (never "open"); old or
 * unverified → call first.
 *
 * This module loads and checks the directory and finds its entries; the rest lives beside it: vocabulary.ts
 * (kinds, services, types), validation.ts (schemas), geography.ts (distance, nearest city), opening-hours.ts,
 * data-quality.ts (missing fields, "call before you go") and links.ts (map links, phone numbers).
 *
 * Where-am-I rule (nearestCity): see the comment above `nearestCity` in geography.ts.
 */
import rawDirectory from '../content/centres.json' with { type: 'json' }
import { directorySchema } from './validation.js'
import type { Area, City, Directory, LocalizedName, NameLang, Service, SupportCentre } from './vocabulary.js'

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

/** Services that count as legal help for the "only legal help" filter. */
export const LEGAL_SERVICES: readonly Service[] = ['legal-advice', 'labour-disputes']

/** Does the entry give legal help (the filter, and "no legal aid here" when none with contacts does)? */
export function offersLegalHelp(centre: SupportCentre): boolean {
  return centre.services.some((s) => LEGAL_SERVICES.includes(s))
}
