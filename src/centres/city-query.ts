/**
 * Is a typed text a request for a city's list of centres ("Казань", "kazan", "борбор Казань", "где центр поддержки
 * мигрантов в Казани") rather than a legal question that mentions a city ("I lost my passport in Moscow")?
 *
 * Conservative on purpose: free text is otherwise an article search, and a question sent to the wrong place is
 * worse than a city name sent to search. So a text counts only when EVERY word is a city name (any of the five
 * languages, translit, a case ending, a typo) or a word from CENTRE_WORDS / FILLER_WORDS below; one other word
 * ("lost", "паспорт", "зарплата") and it stays a question. At most MAX_WORDS words.
 *
 * Words are compared on the search skeleton (../search/normalise.ts), where Cyrillic and Latin meet:
 * «Казань» = «kazan», «Қазон» = «Qozon», «Маскав» = «maskav».
 */
import { skeleton } from '../search/normalise.js'
import type { City } from './vocabulary.js'

export type CityQuery = { kind: 'city'; cityId: string } | { kind: 'centres' }

const MAX_WORDS = 9

/** Spellings people type that are not in the cities' names (translit and old forms). Per city id. */
const EXTRA_NAMES: Record<string, readonly string[]> = {
  moscow: ['moskva', 'moskwa', 'maskva', 'maskav', 'mockba', 'msk', 'мск'],
  kazan: ['kazan', 'kazon', 'qozon', 'kozon', 'казон'],
  chelyabinsk: ['chelyabinsk', 'cheliabinsk', 'челяба', 'chelyaba', 'chelabinsk'],
  yekaterinburg: ['ekaterinburg', 'yekaterinburg', 'ekb', 'екб', 'екатеринбурх'],
}

/**
 * Words that name a place to go: centre, consulate, embassy (ru, ky, uz, tg, en, translit). Without a city, a
 * text needs one of these to open the centres menu ("центр поддержки мигрантов"); "help" alone does not.
 */
const PLACE_WORDS = [
  'центр', 'центра', 'центры', 'центров', 'центре', 'консульство', 'консульства', 'посольство', 'посольства',
  'борбор', 'борбору', 'борборлор', 'борборлору', 'консулдук', 'элчилик', 'элчилиги',
  'markaz', 'markazi', 'markazlar', 'markazlari', 'konsullik', 'konsulxona', 'elchixona', 'elchixonasi',
  'марказ', 'маркази', 'марказҳо', 'сафорат', 'сафорати', 'консулгарӣ',
  'centre', 'center', 'centres', 'centers', 'consulate', 'embassy', 'tsentr', 'centr', 'konsulstvo', 'posolstvo',
]

/** Words that go with a place: help, support, migrants, address, list, lawyer, hotline… */
const CENTRE_WORDS = [
  // ru
  'центр', 'центра', 'центры', 'центров', 'центре', 'поддержки', 'помощи', 'помощь', 'мигрантов', 'мигрантам', 'мигранты',
  'консульство', 'консульства', 'посольство', 'посольства', 'адрес', 'адреса', 'список', 'организации', 'организация',
  'фонд', 'юрист', 'юристы', 'бесплатная', 'бесплатный', 'бесплатные', 'горячая', 'линия', 'телефоны', 'контакты',
  'диаспора', 'диаспоры',
  // ky
  'борбор', 'борбору', 'борборлор', 'борборлору', 'колдоо', 'жардам', 'мигранттар', 'мигранттарга', 'консулдук',
  'элчилик', 'элчилиги', 'дарек', 'дареги', 'тизме',
  // uz
  'markaz', 'markazi', 'markazlar', 'markazlari', 'yordam', 'yordami', 'migrantlar', 'migrantlarga', 'konsullik',
  'konsulxona', 'elchixona', 'elchixonasi', 'manzil', 'manzili', 'qoʻllab', 'quvvatlash', 'roʻyxat',
  // tg
  'марказ', 'маркази', 'марказҳо', 'кумак', 'ёрӣ', 'дастгирӣ', 'муҳоҷирон', 'сафорат', 'сафорати', 'консулгарӣ', 'суроға',
  'рӯйхат',
  // en and translit
  'centre', 'center', 'centres', 'centers', 'support', 'help', 'migrant', 'migrants', 'consulate', 'embassy', 'address',
  'list', 'tsentr', 'centr', 'podderzhki', 'pomoshi', 'pomoshchi', 'migrantov', 'konsulstvo', 'posolstvo',
]

/** Words that carry no question of their own: where, in, city, please, show, near, of… */
const FILLER_WORDS = [
  // ru
  'где', 'в', 'во', 'г', 'город', 'городе', 'по', 'для', 'и', 'есть', 'какой', 'какие', 'найти', 'нужен', 'нужна',
  'нужно', 'покажи', 'пожалуйста', 'рядом', 'ближайший', 'ближайшие', 'мне', 'я', 'в', 'из', 'адрес', 'здравствуйте',
  'привет', 'подскажите', 'скажите', 'а', 'как',
  // ky
  'кайда', 'шаар', 'шаарында', 'шаардагы', 'жакын', 'барбы', 'бар', 'керек', 'көрсөт', 'сураныч', 'салам', 'кайсы',
  // uz
  'qayerda', 'qayer', 'shahar', 'shahri', 'shahrida', 'yaqin', 'bormi', 'bor', 'kerak', 'koʻrsat', 'iltimos', 'salom',
  'qaysi', 'da', 'uchun',
  // tg
  'куҷо', 'дар', 'шаҳр', 'шаҳри', 'наздик', 'ҳаст', 'лозим', 'нишон', 'илтимос', 'салом', 'кадом', 'барои',
  // en
  'where', 'in', 'is', 'the', 'a', 'of', 'for', 'city', 'near', 'nearest', 'please', 'show', 'me', 'i', 'need', 'are',
  'there', 'any', 'hi', 'hello', 'gde', 'v',
]

/** Case endings and postpositions glued to a city name (ru, ky, uz, tg, en skeletons). */
const SUFFIXES = ['', 'e', 'i', 'u', 'a', 'oi', 'om', 'da', 'de', 'ta', 'te', 'ga', 'ge', 'ka', 'ke', 'dan', 'den', 'tan', 'ten', 'ni', 'nin', 'nig', 'dagi', 'degi', 'taki', 'teki', 'ba']

const PLACE_SET = new Set(PLACE_WORDS.map(skeleton))
const CENTRE_SET = new Set([...PLACE_WORDS, ...CENTRE_WORDS].map(skeleton))
const FILLER_SET = new Set(FILLER_WORDS.map(skeleton))

/**
 * Levenshtein distance, stopping early once it exceeds `max`. Every word of every typed question that is not a
 * known word is compared with each city name, so two rows are reused instead of made per row.
 */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length + 1)
    rowB = new Int32Array(b.length + 1)
  }
  let prev = rowA
  let row = rowB
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    const ch = a.charCodeAt(i - 1)
    row[0] = i
    let least = i
    for (let j = 1; j <= b.length; j++) {
      const cost = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ch === b.charCodeAt(j - 1) ? 0 : 1))
      row[j] = cost
      if (cost < least) least = cost
    }
    if (least > max) return max + 1
    ;[prev, row] = [row, prev]
  }
  return prev[b.length]!
}
let rowA = new Int32Array(32)
let rowB = new Int32Array(32)

/**
 * Typos allowed for a name: none for short names, one from 5 letters, two from 8 («Челябинкс»). A shorter word
 * than the name is not a typo of it, so «маска» is not «Масква» and «казна» is not «Казань».
 */
function isTypoOf(word: string, name: string): boolean {
  const max = name.length >= 8 ? 2 : name.length >= 5 ? 1 : 0
  return max > 0 && word.length >= name.length && distance(word, name, max) <= max
}

/** Each name and its stem without a final vowel, where case endings go (moskv-e, moskv-adan, kazan-i). */
function cityNames(cities: readonly City[]): CityName[] {
  // Every typed text asks this of the same cities (the directory is kept in memory): folded once per list.
  let names = namesOf.get(cities)
  if (!names) namesOf.set(cities, (names = foldCityNames(cities)))
  return names
}

type CityName = { cityId: string; name: string; stems: string[] }
const namesOf = new WeakMap<readonly City[], CityName[]>()

function foldCityNames(cities: readonly City[]): CityName[] {
  return cities.flatMap((city) => {
    const names = new Set([...Object.values(city.name), ...(EXTRA_NAMES[city.id] ?? [])].map(skeleton).filter((n) => n.length >= 3))
    return [...names].map((name) => ({ cityId: city.id, name, stems: [...new Set([name, name.replace(/[aeiou]$/, '')])] }))
  })
}

/** The city a single word names (a skeleton word), if any: a name with a case ending, or the name with a typo. */
function cityOfWord(word: string, names: ReturnType<typeof cityNames>): string | undefined {
  const exact = names.find(({ stems }) => stems.some((stem) => word.startsWith(stem) && SUFFIXES.includes(word.slice(stem.length))))
  return (exact ?? names.find(({ name }) => isTypoOf(word, name)))?.cityId
}

/**
 * What a typed text asks for: one city's list, the centres menu ("центр поддержки мигрантов" without a city), or
 * undefined (a question for search). `cities`: the places the bot has lists for.
 */
export function matchCityQuery(text: string, cities: readonly City[]): CityQuery | undefined {
  const words = skeleton(text.slice(0, 300)).split(' ').filter(Boolean)
  if (words.length === 0 || words.length > MAX_WORDS) return undefined
  const names = cityNames(cities)
  const found = new Set<string>()
  let placeWord = false
  for (const word of words) {
    if (PLACE_SET.has(word)) placeWord = true
    else if (CENTRE_SET.has(word)) continue
    else if (FILLER_SET.has(word)) continue
    else {
      const cityId = cityOfWord(word, names)
      if (!cityId) return undefined
      found.add(cityId)
    }
  }
  if (found.size === 1) return { kind: 'city', cityId: [...found][0]! }
  if (found.size === 0 && placeWord) return { kind: 'centres' }
  return undefined
}
