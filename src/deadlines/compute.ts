/**
 * STAND-IN for the deadline rules (issue 17), written by the bot side so the /deadlines flow can run before the
 * rules land from deadline-rules-17. It covers only what the flow's tests need, from the reference's own words:
 * the patent is paid up to a day and lapses the day after (PT-6), registration within 15 days of entry for
 * UZ/TJ (REG-1, REG-2) and 30 for KG (REG-3) with «Амина»'s 30 working days noted as differing (AM-2), the
 * registration's own end date (REG-6), the medical exam and fingerprinting within 30 days of entry (SP-15).
 * When the real module is merged, this file is replaced by it.
 */
import type { Deadline, DeadlineCaution, DeadlineKind, DeadlineReport, IsoDate, MigrantDates, ReminderOffset } from './types.js'

const DAY = 86_400_000
const dayMs = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`)
const plus = (d: IsoDate, days: number): IsoDate => new Date(dayMs(d) + days * DAY).toISOString().slice(0, 10)

/** The calendar day in Moscow at `now` (Russia's deadlines run by its own days). */
export function todayInRussia(now: Date): IsoDate {
  return new Date(now.getTime() + 3 * 3_600_000).toISOString().slice(0, 10)
}

interface Rule {
  ruleId: string
  factIds: string[]
  sourcesAsOf: IsoDate
  articleId: string
}

const RULES: Record<string, Rule> = {
  registrationUzTj: { ruleId: 'registration-15-days', factIds: ['REG-1', 'REG-2'], sourcesAsOf: '2026-03-31', articleId: 'registration' },
  registrationKg: { ruleId: 'registration-30-days', factIds: ['REG-3'], sourcesAsOf: '2026-03-31', articleId: 'registration' },
  registrationEnds: { ruleId: 'registration-valid-until', factIds: ['REG-6'], sourcesAsOf: '2026-03-31', articleId: 'registration' },
  patentPayment: { ruleId: 'patent-paid-until', factIds: ['PT-6'], sourcesAsOf: '2026-03-05', articleId: 'patent' },
  medical: { ruleId: 'medical-30-days', factIds: ['SP-15'], sourcesAsOf: '2026-02-14', articleId: 'stay-periods' },
  fingerprinting: { ruleId: 'fingerprinting-30-days', factIds: ['SP-15'], sourcesAsOf: '2026-02-14', articleId: 'stay-periods' },
}

function deadline(kind: DeadlineKind, date: IsoDate, today: IsoDate, rule: Rule, cautions: DeadlineCaution[] = []): Deadline {
  const daysLeft = Math.round((dayMs(date) - dayMs(today)) / DAY)
  return { kind, date, daysLeft, status: daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'today' : 'upcoming', ...rule, cautions }
}

/** The person's dates, nearest first (overdue first of all); what applies but is unknown is listed as missing. */
export function computeDeadlines(dates: MigrantDates, today: IsoDate): DeadlineReport {
  const list: Deadline[] = []
  const missing: DeadlineKind[] = []
  const entry = typeof dates.entry === 'object' ? dates.entry.date : undefined
  const patentCountry = dates.citizenship !== 'KG'

  if (dates.registered === 'not-yet' || dates.registered === 'unknown') {
    if (entry) {
      const rule = patentCountry ? RULES.registrationUzTj! : RULES.registrationKg!
      const cautions: DeadlineCaution[] = dates.moscowRegion && patentCountry ? ['sources-differ'] : []
      list.push(deadline('registration', plus(entry, patentCountry ? 15 : 30), today, rule, cautions))
    } else missing.push('registration')
  }
  if (typeof dates.registeredUntil === 'object') list.push(deadline('registration-renewal', dates.registeredUntil.date, today, RULES.registrationEnds!))
  if (patentCountry && typeof dates.patentPaidUntil === 'object') list.push(deadline('patent-payment', dates.patentPaidUntil.date, today, RULES.patentPayment!, ['unverified']))
  else if (patentCountry && typeof dates.patentIssued === 'object') missing.push('patent-payment')
  for (const [kind, answer, rule] of [['medical-exam', dates.medicalExam, RULES.medical!], ['fingerprinting', dates.fingerprinting, RULES.fingerprinting!]] as const) {
    if (typeof answer === 'object') continue
    if (entry) list.push(deadline(kind, plus(entry, 30), today, rule, ['pending-change']))
    else missing.push(kind)
  }
  list.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind))
  return { deadlines: list, missing }
}

/** The days on which to remind about one deadline: those still ahead of today. */
export function reminderDates(d: Pick<Deadline, 'date'>, offsets: readonly ReminderOffset[], today: IsoDate): { offset: ReminderOffset; date: IsoDate }[] {
  return offsets.map((offset) => ({ offset, date: plus(d.date, -offset) })).filter((r) => r.date >= today)
}

const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')

/** An .ics calendar: one all-day event per deadline, an alarm at 10:00 on each reminder day. */
export function calendarFile(deadlines: readonly Deadline[], title: (d: Deadline) => string, offsets: readonly ReminderOffset[], now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Joldosh//deadlines//EN', 'CALSCALE:GREGORIAN']
  for (const d of deadlines) {
    const day = d.date.replace(/-/g, '')
    lines.push('BEGIN:VEVENT', `UID:${d.kind}-${day}@joldosh`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${day}`, `DTEND;VALUE=DATE:${plus(d.date, 1).replace(/-/g, '')}`, `SUMMARY:${icsText(title(d))}`)
    // All-day events start at local midnight: -P7DT-10H would be odd; 14 hours before midnight is 10:00 the day before.
    for (const offset of offsets) lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${icsText(title(d))}`, `TRIGGER:-P${offset - 1}DT14H`, 'END:VALARM')
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return `${lines.join('\r\n')}\r\n`
}
