/**
 * Who an alert is for. Pure: no grammY, no database. An empty list in the audience means "any";
 * a person who did not give their citizenship or city is left out of an alert that asks for one
 * (an alert "for Uzbek citizens" must not reach someone we know nothing about).
 */
import { LANGUAGES, type Language } from '../config.js'
import { ARTICLE_CATEGORIES } from '../content/articles.js'
import { REQUEST_CITIES } from '../requests/lifecycle.js'

export const CITIZENSHIPS = ['kg', 'uz', 'tj', 'other'] as const
export type Citizenship = (typeof CITIZENSHIPS)[number]
/** The same places a legal request asks for, so one set of city names serves both. */
export const NEWS_CITIES = REQUEST_CITIES
export const NEWS_TOPICS: readonly string[] = ARTICLE_CATEGORIES.map((c) => c.id)

export interface Audience {
  languages: string[]
  citizenships: string[]
  cities: string[]
  topics: string[]
}

export const AUDIENCE_FIELDS = ['languages', 'citizenships', 'cities', 'topics'] as const
export type AudienceField = (typeof AUDIENCE_FIELDS)[number]

/** Every value an audience field may hold, in the order the buttons show them. */
export const AUDIENCE_VALUES: Record<AudienceField, readonly string[]> = {
  languages: LANGUAGES,
  citizenships: CITIZENSHIPS,
  cities: NEWS_CITIES,
  topics: NEWS_TOPICS,
}

export const EVERYONE: Audience = { languages: [], citizenships: [], cities: [], topics: [] }

export interface Follower {
  userId: number
  language: Language
  citizenship: string | null
  city: string | null
  topics: string[]
}

/** Reads a stored audience, dropping unknown values (an old or hand-edited row never widens it silently). */
export function normaliseAudience(stored: Partial<Record<string, unknown>> | null | undefined): Audience {
  const out = { ...EVERYONE }
  for (const field of AUDIENCE_FIELDS) {
    const list = Array.isArray(stored?.[field]) ? (stored![field] as unknown[]) : []
    out[field] = AUDIENCE_VALUES[field].filter((v) => list.includes(v))
  }
  return out
}

export function matchesAudience(person: Follower, audience: Audience): boolean {
  if (person.topics.length === 0) return false
  if (audience.languages.length && !audience.languages.includes(person.language)) return false
  if (audience.citizenships.length && (!person.citizenship || !audience.citizenships.includes(person.citizenship))) return false
  if (audience.cities.length && (!person.city || !audience.cities.includes(person.city))) return false
  if (audience.topics.length && !audience.topics.some((t) => person.topics.includes(t))) return false
  return true
}

export function selectAudience(followers: readonly Follower[], audience: Audience): Follower[] {
  return followers.filter((f) => matchesAudience(f, audience))
}

/** How many of the chosen people read each language: the preview says how many get which text. */
export function countByLanguage(people: readonly Pick<Follower, 'language'>[]): Record<Language, number> {
  const counts = Object.fromEntries(LANGUAGES.map((l) => [l, 0])) as Record<Language, number>
  for (const p of people) counts[p.language]++
  return counts
}

/** Adds or removes one value of one field (the admin's toggle buttons). */
export function toggleAudience(audience: Audience, field: AudienceField, value: string): Audience {
  if (!AUDIENCE_VALUES[field].includes(value)) return audience
  const current = audience[field]
  const next = current.includes(value) ? current.filter((v) => v !== value) : AUDIENCE_VALUES[field].filter((v) => v === value || current.includes(v))
  return { ...audience, [field]: next }
}
