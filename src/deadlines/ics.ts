/**
 * "Add to my calendar": an RFC 5545 iCalendar file with one all-day event per deadline and an alarm per
 * chosen reminder, so the phone reminds even without the bot. Texts come from the caller (translated).
 */
import { createHash } from 'node:crypto'
import { addDays, compact, todayInRussia } from './calendar-days.js'
import type { Deadline, ReminderOffset } from './types.js'

export interface CalendarOptions {
  /**
   * Makes each event's UID stable per person + kind + date, so importing an updated file replaces the
   * event instead of adding a copy. Pass something that stays the same for the person (e.g. the user id);
   * only a hash of it goes into the file.
   */
  personKey?: string
  /** The event's longer text (what to do), translated. */
  description?: (d: Deadline) => string
  /** The alarm's text; the title when not given. */
  alarmText?: (d: Deadline, offset: ReminderOffset) => string
  /** Shown by some calendar apps as the calendar's name. */
  calendarName?: string
}

const MAX_OCTETS = 75
const encoder = new TextEncoder()

/** TEXT value escaping (RFC 5545 3.3.11); control characters other than tab are dropped. */
export function escapeText(s: string): string {
  return s
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n')
}

/** Folds a content line into lines of at most 75 octets, never inside a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const ch of line) {
    const size = encoder.encode(ch).length
    if (octets + size > MAX_OCTETS) {
      out.push(current)
      current = ' '
      octets = 1
    }
    current += ch
    octets += size
  }
  out.push(current)
  return out.join('\r\n')
}

function uid(d: Deadline, personKey: string | undefined): string {
  if (personKey === undefined) return `${d.kind}-${compact(d.date)}@joldosh`
  const hash = createHash('sha256').update(`${personKey}\n${d.kind}\n${d.date}`).digest('hex').slice(0, 32)
  return `${hash}@joldosh`
}

/** An alarm at 10:00 (the phone's local time) `offset` days before an all-day event that starts at 00:00. */
const trigger = (offset: ReminderOffset) => (offset === 1 ? '-PT14H' : `-P${offset - 1}DT14H`)

const utcStamp = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')

/**
 * The .ics text (CRLF line endings, folded). Alarms whose day is already past (in Moscow, at `now`) are left
 * out; overdue deadlines stay in as events without alarms.
 */
export function calendarFile(
  deadlines: readonly Deadline[],
  title: (d: Deadline) => string,
  offsets: readonly ReminderOffset[],
  now: Date,
  options: CalendarOptions = {},
): string {
  const today = todayInRussia(now)
  const stamp = utcStamp(now)
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Joldosh//Deadlines//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`)
  const chosen = [...new Set(offsets)].sort((a, b) => b - a)
  for (const d of deadlines) {
    const summary = title(d)
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid(d, options.personKey)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(d.date)}`,
      `DTEND;VALUE=DATE:${compact(addDays(d.date, 1))}`,
      `SUMMARY:${escapeText(summary)}`,
    )
    if (options.description) lines.push(`DESCRIPTION:${escapeText(options.description(d))}`)
    lines.push('TRANSP:TRANSPARENT')
    for (const offset of chosen) {
      if (addDays(d.date, -offset) < today) continue
      const text = options.alarmText ? options.alarmText(d, offset) : summary
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(text)}`, `TRIGGER:${trigger(offset)}`, 'END:VALARM')
    }
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}
