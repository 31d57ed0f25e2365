/**
 * One reader for the dates people type in the bot's five languages: "05.03.2026", "5.3.26", "5 марта", "5-mart",
 * "5 mart 2026", "March 5, 2026", "2026-03-05", "вчера", "kecha". Pure: no grammY, no clock (today is passed in).
 * Like the number reader it never guesses silently: a date with no year, a two-digit year or a word like
 * "yesterday" comes back with `confirm: true`, so the conversation reads it back; an impossible date (31.02), a
 * future date for something that has happened, or a date before 2020 comes back as a problem to explain.
 */

import { addDays } from '../deadlines/calendar-days.js'

/** 'YYYY-MM-DD', a calendar day. */
export type IsoDay = string

export type DateProblem =
  /** Nothing that looks like a date. */
  | 'unreadable'
  /** Looks like a date but the day does not exist (31.02, 30.13). */
  | 'impossible'
  /** A past event dated after today. */
  | 'future'
  /** Before 2020: nobody's current papers are that old; most likely a typo. */
  | 'too-early'
  /** More than ten years ahead: a typo. */
  | 'too-late'

export type DateReading = { ok: true; date: IsoDay; confirm: boolean } | { ok: false; problem: DateProblem }

export interface DateRules {
  today: IsoDay
  /** 'past': an event that has happened (entry, registration made); 'any': a date that may lie ahead (paid up to). */
  when: 'past' | 'any'
}

export const EARLIEST_YEAR = 2020

/** Month names and their usual short forms, matched by the start of the word (ky, ru, uz Latin/Cyrillic, tg, en). */
const MONTHS: Array<[RegExp, number]> = [
  [/^(янв|jan|yan)/, 1],
  [/^(фев|feb|fev)/, 2],
  [/^(мар|mar)/, 3],
  [/^(апр|apr)/, 4],
  [/^(май|мая|мае|may|mai|мей)/, 5],
  [/^(июн|jun|iyun)/, 6],
  [/^(июл|jul|iyul)/, 7],
  [/^(авг|aug|avg)/, 8],
  [/^(сен|sep|sen)/, 9],
  [/^(окт|oct|okt)/, 10],
  [/^(ноя|нояб|nov|noy)/, 11],
  [/^(дек|dec|dek)/, 12],
]

/** Today and yesterday in the five languages (the person may type them for "it was today"). */
const RELATIVE: Array<[RegExp, number]> = [
  [/^(сегодня|бүгүн|бугун|bugun|бугун|имрӯз|имруз|today)$/, 0],
  [/^(вчера|кечээ|кече|kecha|кеча|дирӯз|дируз|yesterday)$/, -1],
  [/^(позавчера|мурдагы күнү|o'tgan kuni|oʻtgan kuni|парерӯз|парируз|the day before yesterday)$/, -2],
]

/** Words around a date that carry nothing: "year", "г.", "-ж.", "йил", "сол", "on the". */
const FILLER = /^(г|гг|года?|год|ж|жыл|жылы|жылдын|y|yil|yili|йил|йили|сол|соли|с|the|of|on|число|числа|го|nchi|-?chi|ынчы|инчи|унчу|үнчү|чи|st|nd|rd|th)$/

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`
const parseIso = (day: IsoDay) => day.split('-').map(Number) as [number, number, number]

function exists(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

function monthOf(word: string): number | undefined {
  return MONTHS.find(([re]) => re.test(word))?.[1]
}

interface Parts {
  day: number
  month: number
  /** Undefined when not typed; two-digit years are widened and marked. */
  year?: number
  shortYear?: boolean
}

/** Splits "5-mart 2026 yil", "5 марта 2026 г.", "March 5th, 2026" into numbers and one month word. */
function wordParts(text: string): Parts | 'unreadable' {
  const tokens = text.split(/[\s,.\-–/]+/).filter(Boolean)
  const numbers: string[] = []
  let month: number | undefined
  for (const raw of tokens) {
    const token = raw.replace(/^(\d+)(-?(го|ой|nchi|chi|st|nd|rd|th|inchi|ынчы|инчи|ж|г))$/, '$1')
    if (/^\d+$/.test(token)) numbers.push(token)
    else if (FILLER.test(token)) continue
    else {
      const m = monthOf(token)
      if (m === undefined || month !== undefined) return 'unreadable'
      month = m
    }
  }
  if (month === undefined || numbers.length < 1 || numbers.length > 2) return 'unreadable'
  // The day is the number of one or two digits; a year has four (or two, after the day).
  const [a, b] = numbers as [string, string | undefined]
  if (a.length === 4 && b && b.length <= 2) return { day: Number(b), month, year: Number(a) }
  if (a.length > 2) return 'unreadable'
  if (b === undefined) return { day: Number(a), month }
  if (b.length === 4) return { day: Number(a), month, year: Number(b) }
  if (b.length === 2) return { day: Number(a), month, year: 2000 + Number(b), shortYear: true }
  return 'unreadable'
}

/** "05.03.2026", "5.3.26", "5/3", "5-3-2026", "2026-03-05", "05 03 2026". */
function numericParts(text: string): Parts | 'unreadable' | undefined {
  const cleaned = text.replace(/\s*(г|гг|года?|ж|жыл|y|yil|йил|сол|с)\.?$/u, '').trim()
  const isoMatch = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(cleaned)
  if (isoMatch) return { year: Number(isoMatch[1]), month: Number(isoMatch[2]), day: Number(isoMatch[3]) }
  const m = /^(\d{1,2})\s*[./\-\s]\s*(\d{1,2})(?:\s*[./\-\s]\s*(\d{2}|\d{4}))?\.?$/.exec(cleaned)
  if (!m) return /^[\d\s./-]+$/.test(cleaned) && /\d/.test(cleaned) ? 'unreadable' : undefined
  const [, day, month, year] = m
  if (year === undefined) return { day: Number(day), month: Number(month) }
  return year.length === 4 ? { day: Number(day), month: Number(month), year: Number(year) } : { day: Number(day), month: Number(month), year: 2000 + Number(year), shortYear: true }
}

/** Without a year: the latest such day not after today for a past event, else the one nearest to today. */
function pickYear(parts: Parts, rules: DateRules): number | undefined {
  const [ty] = parseIso(rules.today)
  const candidates = [ty - 1, ty, ty + 1].filter((y) => exists(y, parts.month, parts.day))
  if (candidates.length === 0) return undefined
  if (rules.when === 'past') return [...candidates].reverse().find((y) => iso(y, parts.month, parts.day) <= rules.today)
  const distance = (y: number) => Math.abs(Date.UTC(y, parts.month - 1, parts.day) - Date.parse(`${rules.today}T00:00:00Z`))
  return candidates.sort((a, b) => distance(a) - distance(b))[0]
}

function check(date: IsoDay, confirm: boolean, rules: DateRules): DateReading {
  if (Number(date.slice(0, 4)) < EARLIEST_YEAR) return { ok: false, problem: 'too-early' }
  if (rules.when === 'past' && date > rules.today) return { ok: false, problem: 'future' }
  if (date > addDays(rules.today, 3653)) return { ok: false, problem: 'too-late' }
  return { ok: true, date, confirm }
}

/** Reads one typed date against today; see the module comment for what comes back. */
export function readDate(input: string, rules: DateRules): DateReading {
  const text = input.normalize('NFC').toLowerCase().replace(/[ʻʼ'`‘’]/g, "'").replace(/\s+/g, ' ').trim().slice(0, 80)
  if (!text) return { ok: false, problem: 'unreadable' }
  const relative = RELATIVE.find(([re]) => re.test(text.replace(/[.!]$/, '')))
  if (relative) return check(addDays(rules.today, relative[1]), true, rules)

  const parts = numericParts(text) ?? wordParts(text)
  if (parts === 'unreadable') return { ok: false, problem: 'unreadable' }
  if (parts.year === undefined) {
    if (!exists(2024, parts.month, parts.day)) return { ok: false, problem: 'impossible' } // 2024: a leap year, so 29.02 passes
    const year = pickYear(parts, rules)
    // 29.02 with no leap year near: ask for the year rather than guess.
    if (year === undefined) return { ok: false, problem: rules.when === 'past' ? 'future' : 'impossible' }
    return check(iso(year, parts.month, parts.day), true, rules)
  }
  if (!exists(parts.year, parts.month, parts.day)) return { ok: false, problem: 'impossible' }
  return check(iso(parts.year, parts.month, parts.day), parts.shortYear === true, rules)
}

/** 'DD.MM.YYYY', as dates are written on Russian papers. */
export function formatDay(day: IsoDay): string {
  const [y, m, d] = parseIso(day)
  return `${pad(d)}.${pad(m)}.${y}`
}
