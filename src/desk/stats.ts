/**
 * The desk's figures for a period: requests by status, topic, city and language, the median time
 * to a lawyer's first answer, and 👍/👎 per article. Plain data and functions, no Telegram and no
 * database, so /stats, /export and the CLI read the same numbers.
 */
import { REQUEST_STATUSES } from '../requests/lifecycle.js'

/**
 * The desk works on Moscow time (as on the cards): a day is midnight to midnight at UTC+3. Moscow
 * has had no daylight saving since 2014, so a fixed offset is exact for all our data.
 */
export const DESK_UTC_OFFSET = '+03:00'
const DAY_MS = 86_400_000
const OFFSET_MS = 3 * 3_600_000

/** A period of whole days, `fromDay` to `toDay` inclusive; `end` is the first instant after it. */
export interface DayRange {
  fromDay: string
  toDay: string
  start: Date
  end: Date
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Midnight at the start of a `YYYY-MM-DD` day on desk time, or undefined for a non-date like 2026-02-30. */
export function parseDay(text: string): Date | undefined {
  const m = DAY.exec(text)
  if (!m) return undefined
  const date = new Date(`${text}T00:00:00${DESK_UTC_OFFSET}`)
  if (Number.isNaN(date.getTime())) return undefined
  // Date() rolls 2026-02-30 over to March; a real date reads back the same.
  return deskDay(date) === text ? date : undefined
}

/** The `YYYY-MM-DD` day an instant falls on, on desk time. */
export function deskDay(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 10)
}

/** `YYYY-MM-DD HH:MM` on desk time: spreadsheets read it as a date and time. */
export function deskDateTime(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}

export function dayRange(fromDay: string, toDay: string): DayRange | undefined {
  const start = parseDay(fromDay)
  const last = parseDay(toDay)
  if (!start || !last || last < start) return undefined
  return { fromDay, toDay, start, end: new Date(last.getTime() + DAY_MS) }
}

/**
 * The period a command asks for: no dates = this month so far, one date = from then to today,
 * two dates = that period. Undefined for anything else (bad dates, `to` before `from`, more words).
 */
export function parseDayRange(words: readonly string[], now: Date): DayRange | undefined {
  const today = deskDay(now)
  if (words.length === 0) return dayRange(`${today.slice(0, 8)}01`, today)
  if (words.length === 1) return dayRange(words[0]!, today)
  if (words.length === 2) return dayRange(words[0]!, words[1]!)
  return undefined
}

export function inRange(date: Date, range: Pick<DayRange, 'start' | 'end'>): boolean {
  return date >= range.start && date < range.end
}

/** What the figures need to know about a request. */
export interface StatsRequest {
  status: string
  topic: string
  city: string
  language: string
  createdAt: Date
  firstAnsweredAt: Date | null
}

/** 👍/👎 counts as stored: one row per article and language. */
export interface FeedbackRow {
  articleId: string
  helpful: number
  notHelpful: number
}

export interface Count {
  key: string
  count: number
}

export interface ArticleFeedbackTotal {
  articleId: string
  helpful: number
  notHelpful: number
}

export interface DeskStats {
  total: number
  byStatus: Count[]
  byTopic: Count[]
  byCity: Count[]
  byLanguage: Count[]
  /** Requests that had a lawyer's answer, and the median wait for it. */
  answered: number
  medianFirstAnswerMs: number | null
  feedback: ArticleFeedbackTotal[]
}

/** Most first; equal counts by key, so the output is stable. */
function countBy<T>(items: readonly T[], key: (item: T) => string, order?: readonly string[]): Count[] {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  const rows = [...counts].map(([k, count]) => ({ key: k, count }))
  if (order) {
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length)
    return rows.sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key))
  }
  return rows.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
}

/** The middle value (mean of the two middle ones for an even count); null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Sums an article's 👍/👎 over its languages; most rated first. */
export function feedbackTotals(rows: readonly FeedbackRow[]): ArticleFeedbackTotal[] {
  const totals = new Map<string, ArticleFeedbackTotal>()
  for (const r of rows) {
    const t = totals.get(r.articleId) ?? { articleId: r.articleId, helpful: 0, notHelpful: 0 }
    t.helpful += r.helpful
    t.notHelpful += r.notHelpful
    totals.set(r.articleId, t)
  }
  return [...totals.values()].sort((a, b) => b.helpful + b.notHelpful - (a.helpful + a.notHelpful) || a.articleId.localeCompare(b.articleId))
}

/**
 * The figures for requests created in the range (statuses are as they are now). Feedback has no
 * per-vote date in the database, so it is the all-time total whatever the range.
 */
export function computeStats(requests: readonly StatsRequest[], feedback: readonly FeedbackRow[], range?: Pick<DayRange, 'start' | 'end'>): DeskStats {
  const selected = range ? requests.filter((r) => inRange(r.createdAt, range)) : [...requests]
  const waits = selected.flatMap((r) => (r.firstAnsweredAt ? [Math.max(0, r.firstAnsweredAt.getTime() - r.createdAt.getTime())] : []))
  return {
    total: selected.length,
    byStatus: countBy(selected, (r) => r.status, REQUEST_STATUSES),
    byTopic: countBy(selected, (r) => r.topic),
    byCity: countBy(selected, (r) => r.city),
    byLanguage: countBy(selected, (r) => r.language),
    answered: waits.length,
    medianFirstAnswerMs: median(waits),
    feedback: feedbackTotals(feedback),
  }
}

/** A wait split for display: minutes under an hour, hours and minutes under two days, else days and hours. */
export function splitDuration(ms: number): { unit: 'minutes'; minutes: number } | { unit: 'hours'; hours: number; minutes: number } | { unit: 'days'; days: number; hours: number } {
  const minutes = Math.round(ms / 60_000)
  if (minutes < 60) return { unit: 'minutes', minutes }
  if (minutes < 48 * 60) return { unit: 'hours', hours: Math.floor(minutes / 60), minutes: minutes % 60 }
  return { unit: 'days', days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60) }
}
