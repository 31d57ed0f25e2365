/** Reminder days and the .ics file; the file is read back by a small RFC 5545 reader written here, apart from the writer. */
import { describe, expect, it } from 'vitest'
import { calendarFile, computeDeadlines, reminderDates } from '../../src/deadlines/compute.js'
import type { Deadline, MigrantDates } from '../../src/deadlines/types.js'

describe('reminderDates', () => {
  it.each([
    ['2026-12-10', [7, 3, 1], '2026-12-03', [[7, '2026-12-03'], [3, '2026-12-07'], [1, '2026-12-09']]],
    ['2026-12-10', [7, 3, 1], '2026-12-04', [[3, '2026-12-07'], [1, '2026-12-09']]],
    ['2026-12-10', [1, 7], '2026-12-01', [[7, '2026-12-03'], [1, '2026-12-09']]],
    ['2026-03-01', [1, 3], '2026-02-01', [[3, '2026-02-26'], [1, '2026-02-28']]], // February 2026 has 28 days
    ['2028-03-01', [1], '2028-02-01', [[1, '2028-02-29']]],
    ['2027-01-02', [7, 3], '2026-12-20', [[7, '2026-12-26'], [3, '2026-12-30']]],
    ['2026-12-10', [3, 3], '2026-12-01', [[3, '2026-12-07']]],
    ['2026-12-10', [7, 3, 1], '2026-12-10', []], // the day itself: every reminder is past
    ['2026-11-30', [7, 3, 1], '2026-12-03', []], // overdue
    ['2026-12-10', [], '2026-12-01', []],
  ] as const)('deadline %s, offsets %j, today %s', (date, offsets, today, want) => {
    expect(reminderDates({ date }, offsets, today).map((r) => [r.offset, r.date])).toEqual(want)
  })
})

/** A content line: name, parameters, value. */
interface Line { name: string; params: Record<string, string>; value: string }
interface Component { name: string; props: Line[]; children: Component[] }

/** Reads an iCalendar text strictly enough to catch what phones reject. */
function parseIcs(text: string): Component {
  expect(text.endsWith('\r\n')).toBe(true)
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/) // CRLF only
  const physical = text.slice(0, -2).split('\r\n')
  for (const l of physical) expect(Buffer.byteLength(l, 'utf8'), l).toBeLessThanOrEqual(75)
  const logical: string[] = []
  for (const l of physical) {
    if (l.startsWith(' ') || l.startsWith('\t')) logical[logical.length - 1] += l.slice(1)
    else logical.push(l)
  }
  const stack: Component[] = [{ name: 'ROOT', props: [], children: [] }]
  for (const raw of logical) {
    const m = /^([A-Z0-9-]+)((?:;[A-Z0-9-]+=[^;:]*)*):(.*)$/.exec(raw)
    expect(m, raw).not.toBeNull()
    const [, name, paramText, value] = m!
    const params = Object.fromEntries(paramText!.split(';').filter(Boolean).map((p) => p.split('=') as [string, string]))
    const top = stack[stack.length - 1]!
    if (name === 'BEGIN') {
      const c: Component = { name: value!, props: [], children: [] }
      top.children.push(c)
      stack.push(c)
    } else if (name === 'END') {
      expect(top.name).toBe(value)
      stack.pop()
    } else top.props.push({ name: name!, params, value: value! })
  }
  expect(stack).toHaveLength(1)
  expect(stack[0]!.children).toHaveLength(1)
  return stack[0]!.children[0]!
}

const unescapeText = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
const prop = (c: Component, name: string) => c.props.find((p) => p.name === name)

const uz: MigrantDates = {
  citizenship: 'UZ',
  entry: { date: '2026-11-20' },
  registered: 'not-yet',
  registeredUntil: 'unknown',
  patentIssued: { date: '2026-11-25' },
  patentPaidUntil: { date: '2026-12-25' },
  contractEnds: 'unknown',
  medicalExam: 'not-yet',
  fingerprinting: { date: '2026-11-24' },
}
const NOW = new Date('2026-12-03T09:00:00Z')
const report = computeDeadlines(uz, '2026-12-03')
const NASTY = 'Патент: оплатите до срока; иначе он прекратится, \\ без продления\nзвоните юристу 👩‍⚖️ — Oʻzbekiston gʻalla, Тоҷикистон ҳуқуқ ӯ ӣ, Кыргызстан үңө'

describe('calendarFile', () => {
  const title = (d: Deadline) => `${d.kind}: ${NASTY}`
  const text = calendarFile(report.deadlines, title, [7, 3, 1], NOW, {
    personKey: 'user-1000',
    description: (d) => `Статья: ${d.articleId}\nИнформация, не юридическая консультация.`,
    calendarName: 'Joldosh, сроки',
  })
  const cal = parseIcs(text)
  const events = cal.children.filter((c) => c.name === 'VEVENT')

  it('is a VCALENDAR 2.0 with one all-day VEVENT per deadline', () => {
    expect(cal.name).toBe('VCALENDAR')
    expect(prop(cal, 'VERSION')?.value).toBe('2.0')
    expect(prop(cal, 'PRODID')).toBeDefined()
    expect(unescapeText(prop(cal, 'X-WR-CALNAME')!.value)).toBe('Joldosh, сроки')
    expect(events.map((e) => prop(e, 'DTSTART'))).toEqual(
      report.deadlines.map((d) => ({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: d.date.replace(/-/g, '') })),
    )
    // registration 4 Dec, medical exam 19 Dec, payment 24 Dec, patent end 24 Nov 2027: all-day, ending the next day
    expect(events.map((e) => [prop(e, 'DTSTART')!.value, prop(e, 'DTEND')!.value])).toEqual([
      ['20261204', '20261205'],
      ['20261219', '20261220'],
      ['20261224', '20261225'],
      ['20271124', '20271125'],
    ])
    for (const e of events) {
      expect(prop(e, 'DTSTAMP')?.value).toBe('20261203T090000Z')
      expect(prop(e, 'UID')?.value).toMatch(/^[0-9a-f]{32}@joldosh$/)
    }
  })

  it('keeps every character of the texts through escaping and folding', () => {
    for (const [i, e] of events.entries()) {
      expect(unescapeText(prop(e, 'SUMMARY')!.value)).toBe(title(report.deadlines[i]!))
      expect(unescapeText(prop(e, 'DESCRIPTION')!.value)).toBe(`Статья: ${report.deadlines[i]!.articleId}\nИнформация, не юридическая консультация.`)
    }
    // folding never splits a UTF-8 character: every physical line decodes on its own
    for (const l of text.split('\r\n')) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(l, 'utf8'))).not.toThrow()
    expect(text).toContain('\r\n ') // the long lines were folded
  })

  it('has an alarm at 10:00 for each chosen day still ahead; none for past ones', () => {
    const triggers = events.map((e) => e.children.filter((c) => c.name === 'VALARM').map((a) => prop(a, 'TRIGGER')!.value))
    expect(triggers).toEqual([
      ['-PT14H'], // 4 Dec: 7 and 3 days before are past, the day before is 3 Dec (today)
      ['-P6DT14H', '-P2DT14H', '-PT14H'],
      ['-P6DT14H', '-P2DT14H', '-PT14H'],
      ['-P6DT14H', '-P2DT14H', '-PT14H'],
    ])
    for (const e of events) for (const a of e.children) {
      expect(prop(a, 'ACTION')?.value).toBe('DISPLAY')
      expect(prop(a, 'DESCRIPTION')).toBeDefined()
    }
  })

  it('gives the same UID to the same person, kind and date, and another to someone else', () => {
    const again = parseIcs(calendarFile(report.deadlines, () => 'x', [1], new Date('2026-12-04T09:00:00Z'), { personKey: 'user-1000' }))
    const other = parseIcs(calendarFile(report.deadlines, () => 'x', [1], NOW, { personKey: 'user-1001' }))
    const uids = (c: Component) => c.children.map((e) => prop(e, 'UID')!.value)
    expect(uids(again)).toEqual(uids(cal))
    expect(uids(other).filter((u) => uids(cal).includes(u))).toEqual([])
    expect(new Set(uids(cal)).size).toBe(events.length)
    expect(text).not.toContain('user-1000')
  })

  it('without a person key the UID is kind and date; an empty list is still a valid calendar', () => {
    const plain = parseIcs(calendarFile(report.deadlines.slice(0, 1), () => 'x', [], NOW))
    expect(prop(plain.children[0]!, 'UID')?.value).toBe('registration-20261204@joldosh')
    expect(plain.children[0]!.children).toEqual([])
    expect(parseIcs(calendarFile([], () => 'x', [7], NOW)).children).toEqual([])
  })
})
