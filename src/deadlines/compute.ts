/**
 * The person's deadlines from their answers: walks the rules (rules.ts) and counts each period
 * (calendar-days.ts, working-days.ts). Pure: no clock, no database; `today` comes from todayInRussia.
 */
import { addDays, addMonths, daysBetween, isIsoDate } from './calendar-days.js'
import { newestSeen } from './facts.js'
import { RULES, type CountsFrom, type DeadlineRule, type Period, type Situation } from './rules.js'
import { nthWorkingDay } from './working-days.js'
import type {
  DateAnswer,
  Deadline,
  DeadlineCaution,
  DeadlineKind,
  DeadlineReport,
  IsoDate,
  MigrantDates,
  MissingReason,
  ReminderOffset,
} from './types.js'

export { todayInRussia } from './calendar-days.js'
export { calendarFile, type CalendarOptions } from './ics.js'

/** The order kinds are listed in when two fall on the same day. */
export const KIND_ORDER: readonly DeadlineKind[] = [
  'patent-payment',
  'registration',
  'registration-renewal',
  'patent-application',
  'medical-exam',
  'fingerprinting',
  'stay-limit',
  'contract-end',
  'patent-expiry',
]

const dateOf = (a: DateAnswer): IsoDate | undefined => (typeof a === 'object' && isIsoDate(a.date) ? a.date : undefined)

/** The situation the answers describe: 'yes', 'no', or unknown (undefined). */
export function situationOf(d: MigrantDates, s: Situation): 'yes' | 'no' | undefined {
  const state = (a: DateAnswer) => (dateOf(a) ? 'yes' : a === 'not-yet' ? 'no' : undefined)
  switch (s) {
    case 'registered':
      // "Not yet" wins over a stray end date; an end date alone means registered.
      return d.registered === 'not-yet' ? 'no' : dateOf(d.registered) || dateOf(d.registeredUntil) ? 'yes' : undefined
    case 'patent':
      return d.patentIssued === 'not-yet' ? 'no' : dateOf(d.patentIssued) || dateOf(d.patentPaidUntil) ? 'yes' : undefined
    case 'contract':
      return state(d.contractEnds)
    case 'medicalExam':
      return state(d.medicalExam)
    case 'fingerprinting':
      return state(d.fingerprinting)
  }
}

function endOf(from: IsoDate, p: Period): { date: IsoDate; unverified: boolean } {
  switch (p.unit) {
    case 'calendar-days':
      return { date: addDays(from, p.amount - 1), unverified: false }
    case 'working-days':
      return nthWorkingDay(from, p.amount)
    case 'months':
      return { date: addDays(addMonths(from, p.amount), -1), unverified: false }
    case 'offset-days':
      return { date: addDays(from, p.amount), unverified: false }
  }
}

function ruleApplies(rule: DeadlineRule, d: MigrantDates): boolean {
  if (!rule.citizenships.includes(d.citizenship)) return false
  if (rule.where === 'moscow-region') return d.moscowRegion === true
  if (rule.where === 'elsewhere') return d.moscowRegion !== true
  return true
}

/** Answers that contradict each other, for the rule's kind. */
function answersDisagree(rule: DeadlineRule, d: MigrantDates): boolean {
  const issued = dateOf(d.patentIssued)
  const paid = dateOf(d.patentPaidUntil)
  if (rule.kind === 'patent-payment' && issued && paid) return !(paid > issued && paid <= addMonths(issued, 12))
  const registered = dateOf(d.registered)
  const until = dateOf(d.registeredUntil)
  if (rule.kind === 'registration-renewal' && registered && until) return until < registered
  return false
}

/** The patent is paid to the end of its 12 months: no payment is due (either reading of "paid up to"). */
function paidToTheEnd(d: MigrantDates): boolean {
  const issued = dateOf(d.patentIssued)
  const paid = dateOf(d.patentPaidUntil)
  return !!issued && !!paid && paid >= addDays(addMonths(issued, 12), -1)
}

function status(daysLeft: number): Deadline['status'] {
  return daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'today' : 'upcoming'
}

/**
 * Every deadline that applies to the person, nearest first (so overdue ones come first, most overdue first);
 * `missing` lists the kinds that apply but have no date, with the reason in `missingWhy`.
 */
export function computeDeadlines(dates: MigrantDates, today: IsoDate): DeadlineReport {
  if (!isIsoDate(today)) throw new RangeError(`today must be a calendar day, got ${today}`)
  const deadlines: Deadline[] = []
  const missingWhy: Partial<Record<DeadlineKind, MissingReason>> = {}
  const miss = (kind: DeadlineKind, why: MissingReason) => {
    missingWhy[kind] ??= why
  }

  for (const rule of RULES) {
    if (!ruleApplies(rule, dates)) continue
    const needs = Object.entries(rule.when) as [Situation, 'yes' | 'no'][]
    const states = needs.map(([s, want]) => [situationOf(dates, s), want] as const)
    if (states.some(([have, want]) => have !== undefined && have !== want)) continue
    if (states.some(([have]) => have === undefined)) {
      miss(rule.kind, 'answer-unknown')
      continue
    }
    if (rule.periods.length === 0) {
      miss(rule.kind, 'rule-unverified')
      continue
    }
    const answer: DateAnswer = dates[rule.countsFrom satisfies CountsFrom]
    const from = dateOf(answer)
    if (!from) {
      // Not entered yet: nothing counts yet. Any other missing date: ask again.
      if (!(rule.countsFrom === 'entry' && answer === 'not-yet')) miss(rule.kind, 'answer-unknown')
      continue
    }
    if (answersDisagree(rule, dates)) {
      miss(rule.kind, 'answers-disagree')
      continue
    }
    if (rule.kind === 'patent-payment' && paidToTheEnd(dates)) continue

    const ends = rule.periods
      .map((p) => ({ ...endOf(from, p.period), factIds: [...p.factIds] }))
      .sort((a, b) => a.date.localeCompare(b.date))
    const chosen = ends[0]!
    const cautions = new Set<DeadlineCaution>(rule.cautions)
    if (chosen.unverified) cautions.add('unverified')
    const daysLeft = daysBetween(today, chosen.date)
    const deadline: Deadline = {
      kind: rule.kind,
      date: chosen.date,
      daysLeft,
      status: status(daysLeft),
      ruleId: rule.id,
      factIds: [...rule.factIds],
      sourcesAsOf: rule.sourcesAsOf,
      articleId: rule.articleId,
      cautions: [...cautions],
    }
    const later = ends.slice(1).filter((e) => e.date !== chosen.date)
    if (later.length > 0) deadline.otherDates = later.map(({ date, factIds }) => ({ date, factIds }))
    if (rule.assumptions) deadline.assumptions = [...rule.assumptions]
    if (rule.figures === 'stay-days') {
      const used = Math.max(0, daysBetween(from, today) + 1)
      deadline.figures = { daysAllowed: 90, daysUsed: used, daysLeft: Math.max(0, 90 - used) }
    }
    deadlines.push(deadline)
  }

  deadlines.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.ruleId.localeCompare(b.ruleId),
  )
  const found = new Set(deadlines.map((d) => d.kind))
  const missing = KIND_ORDER.filter((k) => missingWhy[k] !== undefined && !found.has(k))
  return { deadlines, missing, missingWhy: Object.fromEntries(missing.map((k) => [k, missingWhy[k]!])) }
}

/** The rule's sourcesAsOf as its facts give it (for tests and reviewers): the newest dated source. */
export const factsAsOf = (rule: DeadlineRule): string | null => newestSeen(rule.factIds)

/**
 * The days reminders fall on for one deadline: `date − offset` for each chosen offset, today included,
 * past ones skipped, soonest first, each offset once.
 */
export function reminderDates(
  deadline: Pick<Deadline, 'date'>,
  offsets: readonly ReminderOffset[],
  today: IsoDate,
): { offset: ReminderOffset; date: IsoDate }[] {
  return [...new Set(offsets)]
    .map((offset) => ({ offset, date: addDays(deadline.date, -offset) }))
    .filter((r) => r.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date))
}
