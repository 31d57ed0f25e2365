/**
 * The figures behind the /stats charts and the quarterly report, computed from plain rows (no
 * Telegram, no database): requests per week by topic, by city, citizenship, outcome and urgency,
 * the times to a first answer and to closing, and 👍/👎 by article. Counts are raw here; what may
 * be shown is decided by stats-protect.ts.
 */
import { countryOfLanguage } from '../centres/home-country.js'
import { OPEN_STATUSES, REQUEST_CITIES, REQUEST_TOPICS, type RequestStatus } from '../requests/lifecycle.js'
import { deskDay, feedbackTotals, inRange, median, parseDay, type ArticleFeedbackTotal, type Count, type DayRange } from './stats.js'

/** What the figures read about a request (no name, phone, text or id). */
export interface FigureRequest {
  status: string
  disposition: string | null
  topic: string
  city: string
  language: string
  urgency: string
  createdAt: Date
  firstAnsweredAt: Date | null
  /** When it last reached a final status, for requests that are closed now. */
  closedAt: Date | null
}

export interface VoteRow {
  articleId: string
  /** `YYYY-MM-DD`, or null for the votes from before votes were dated. */
  votedOn: string | null
  helpful: number
  notHelpful: number
}

export const OUTCOMES = ['open', 'resolved', 'referred', 'declined', 'withdrawn', 'closed'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const CITIZENSHIPS = ['kg', 'uz', 'tj', 'unknown'] as const
export const URGENCIES = ['detained', 'deadline', 'normal'] as const
/** Upper ends of the waiting-time buckets, in hours; `none` = not answered (or not closed) yet. */
export const WAIT_BUCKETS = [
  { key: 'h1', hours: 1 },
  { key: 'h4', hours: 4 },
  { key: 'h24', hours: 24 },
  { key: 'd3', hours: 72 },
  { key: 'd7', hours: 168 },
  { key: 'more', hours: Infinity },
] as const
export const WAIT_KEYS = [...WAIT_BUCKETS.map((b) => b.key), 'none'] as const

export interface WeekCounts {
  /** The Monday the week starts on (desk time); the first and last weeks may be cut by the period. */
  week: string
  topics: Count[]
}

export interface WaitFigures {
  /** How many had one (answered, or closed). */
  count: number
  medianMs: number | null
  buckets: Count[]
}

export interface DeskFigures {
  fromDay: string
  toDay: string
  total: number
  /** Open now, whenever they were made: the queue the lawyers face today. */
  openNow: number
  weeks: WeekCounts[]
  byTopic: Count[]
  byCity: Count[]
  byCitizenship: Count[]
  byOutcome: Count[]
  byUrgency: Count[]
  firstAnswer: WaitFigures
  close: WaitFigures
  /** 👍/👎 cast during the period. */
  feedback: ArticleFeedbackTotal[]
  /** Votes from before they were dated: counted only here, for all time. */
  undatedFeedback: ArticleFeedbackTotal[]
}

/** How a request ended, from its status and how a lawyer closed it. */
export function outcomeOf(r: Pick<FigureRequest, 'status' | 'disposition'>): Outcome {
  if (OPEN_STATUSES.includes(r.status as RequestStatus)) return 'open'
  if (r.status === 'withdrawn') return 'withdrawn'
  if (r.status === 'resolved' || r.status === 'referred') return r.status
  if (r.status === 'closed' && r.disposition === 'declined') return 'declined'
  return 'closed'
}

/** Counts in the given order, zeros included, then any unknown keys (most first). */
export function countIn(keys: readonly string[], values: readonly string[]): Count[] {
  const counts = new Map<string, number>(keys.map((k) => [k, 0]))
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  const extra = [...counts].filter(([k]) => !keys.includes(k)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  return [...keys.map((k) => ({ key: k, count: counts.get(k)! })), ...extra.map(([key, count]) => ({ key, count }))]
}

/** The Monday (desk time) of the week a day falls in. */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  const back = (date.getUTCDay() + 6) % 7
  return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10)
}

/** Every week that overlaps the period, by its Monday. */
export function weeksOf(fromDay: string, toDay: string): string[] {
  const weeks: string[] = []
  for (let w = weekOf(fromDay); w <= toDay; w = new Date(Date.parse(`${w}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)) weeks.push(w)
  return weeks
}

export function waitBucket(ms: number | null): string {
  if (ms === null) return 'none'
  return WAIT_BUCKETS.find((b) => ms < b.hours * 3_600_000)!.key
}

function waits(values: readonly (number | null)[]): WaitFigures {
  const known = values.filter((v): v is number => v !== null)
  return { count: known.length, medianMs: median(known), buckets: countIn(WAIT_KEYS, values.map(waitBucket)) }
}

const after = (from: Date, to: Date | null) => (to ? Math.max(0, to.getTime() - from.getTime()) : null)

export function computeFigures(requests: readonly FigureRequest[], votes: readonly VoteRow[], openNow: number, range: DayRange): DeskFigures {
  const selected = requests.filter((r) => inRange(r.createdAt, range))
  const weeks = weeksOf(range.fromDay, range.toDay).map((week) => ({
    week,
    topics: countIn(REQUEST_TOPICS, selected.filter((r) => weekOf(deskDay(r.createdAt)) === week).map((r) => r.topic)),
  }))
  const datedInRange = votes.filter((v) => v.votedOn !== null && parseDay(v.votedOn) !== undefined && inRange(parseDay(v.votedOn)!, range))
  return {
    fromDay: range.fromDay,
    toDay: range.toDay,
    total: selected.length,
    openNow,
    weeks,
    byTopic: countIn(REQUEST_TOPICS, selected.map((r) => r.topic)),
    byCity: countIn(REQUEST_CITIES, selected.map((r) => r.city)),
    byCitizenship: countIn(CITIZENSHIPS, selected.map((r) => countryOfLanguage(r.language) ?? 'unknown')),
    byOutcome: countIn(OUTCOMES, selected.map(outcomeOf)),
    byUrgency: countIn(URGENCIES, selected.map((r) => r.urgency)),
    firstAnswer: waits(selected.map((r) => after(r.createdAt, r.firstAnsweredAt))),
    close: waits(selected.map((r) => (outcomeOf(r) === 'open' ? null : after(r.createdAt, r.closedAt)))),
    feedback: feedbackTotals(datedInRange),
    undatedFeedback: feedbackTotals(votes.filter((v) => v.votedOn === null)),
  }
}
