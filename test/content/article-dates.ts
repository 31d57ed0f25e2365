/**
 * Dates an article names, in any of the five languages, as YYYY-MM (or YYYY when only a year is written), so a test
 * can find rules that start or end after the date the article's sources are as of.
 */

const MONTHS: [RegExp, number][] = [
  [/^(январ|yanvar|january|jan)/i, 1],
  [/^(феврал|fevral|february|feb)/i, 2],
  [/^(март|mart|march|mar)/i, 3],
  [/^(апрел|aprel|april|apr)/i, 4],
  [/^(ма[йя]|may)/i, 5],
  [/^(июн|iyun|june|jun)/i, 6],
  [/^(июл|iyul|july|jul)/i, 7],
  [/^(август|avgust|august|aug)/i, 8],
  [/^(сентябр|sentyabr|sentabr|september|sept?)/i, 9],
  [/^(октябр|oktabr|oktyabr|october|oct)/i, 10],
  [/^(ноябр|noyabr|november|nov)/i, 11],
  [/^(декабр|dekabr|december|dec)/i, 12],
]
const STEM = '(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|yanvar|fevral|mart|aprel|may|iyun|iyul|avgust|sentyabr|sentabr|oktabr|oktyabr|noyabr|dekabr|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)'

const month = (word: string) => MONTHS.find(([re]) => re.test(word))?.[1]
const ym = (year: string, m: number) => `${year}-${String(m).padStart(2, '0')}`

/** Every date in a text: "1 сентября 2026", "марти соли 2026", "2026-жылдын 30-июнуна", "2026-yil 1-iyuldan", 01.09.2026, "2027". */
export function datesIn(text: string): string[] {
  const out: string[] = []
  let rest = text.replace(/<[^>]+>/g, ' ')
  const take = (re: RegExp, toDate: (m: RegExpExecArray) => string | undefined) => {
    rest = rest.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray
      const date = toDate(m)
      if (date) out.push(date)
      return ' '
    })
  }
  take(/\b\d{1,2}\.(\d{2})\.(\d{4})\b/g, (m) => ym(m[2]!, Number(m[1])))
  take(new RegExp(`(\\d{4})-(?:жыл|yil)\\S*\\s+(?:\\d{1,2}-)?${STEM}\\S*`, 'giu'), (m) => ym(m[1]!, month(m[2]!)!))
  take(new RegExp(`(?<![\\p{L}])${STEM}\\S*\\s+(?:соли\\s+)?(\\d{4})`, 'giu'), (m) => ym(m[2]!, month(m[1]!)!))
  for (const [y] of rest.matchAll(/(?<!\d)(19|20)\d\d(?!\d)/g)) out.push(y)
  return out
}

/** Whether a date (YYYY-MM or YYYY) lies after a month (YYYY-MM): a bare year counts only when the whole year is later. */
export function isAfter(date: string, asOf: string): boolean {
  return date.length === 4 ? date > asOf.slice(0, 4) : date > asOf
}
