/**
 * Russia's non-working days and working-day counts. Expected days are read off the decrees' announced lists
 * (TASS 24.09.2025 for 2026; ПП № 1335 for 2025) by hand, not produced by the code under test.
 */
import { describe, expect, it } from 'vitest'
import { weekday } from '../../src/deadlines/calendar-days.js'
import { NON_WORKING_YEARS } from '../../src/deadlines/russian-non-working-days.js'
import { calendarStatus, isWorkingDay, nthWorkingDay } from '../../src/deadlines/working-days.js'

describe('the non-working days data', () => {
  it.each(NON_WORKING_YEARS.map((y) => [y.year, y] as const))('%i: weekdays off are Mon–Fri, worked days are weekends, all in the year, sorted, with sources', (year, y) => {
    for (const d of y.weekdaysOff) {
      expect(d.startsWith(`${year}-`), d).toBe(true)
      expect([1, 2, 3, 4, 5], d).toContain(weekday(d))
    }
    for (const d of y.weekendsWorked) {
      expect(d.startsWith(`${year}-`), d).toBe(true)
      expect([0, 6], d).toContain(weekday(d))
    }
    expect([...y.weekdaysOff].sort()).toEqual(y.weekdaysOff)
    expect(y.sources.length).toBeGreaterThan(0)
    for (const s of y.sources) expect(s.url).toMatch(/^https:\/\//)
  })

  it('has 2025 and 2026 from announced decrees; 2027 only from third-party data; nothing invented after', () => {
    expect([2025, 2026, 2027, 2028].map(calendarStatus)).toEqual(['decree', 'decree', 'secondary', 'none'])
  })
})

describe('isWorkingDay', () => {
  it.each([
    ['2025-11-01', true], // Saturday made working (1 Nov → 3 Nov)
    ['2025-11-03', false],
    ['2025-02-24', true], // 23 Feb 2025 (Sunday) was moved to 8 May, so Monday 24 Feb worked
    ['2025-05-08', false],
    ['2025-12-31', false],
    ['2026-01-09', false], // 3 Jan → 9 Jan
    ['2026-01-12', true],
    ['2026-03-09', false], // 8 March on a Sunday
    ['2026-05-11', false], // 9 May on a Saturday
    ['2026-11-04', false],
    ['2026-11-05', true],
    ['2026-12-31', false], // 4 Jan → 31 Dec
    ['2026-12-30', true],
    ['2026-12-05', false], // an ordinary Saturday
    ['2027-02-20', true], // third-party data: Saturday worked
    ['2028-01-03', true], // no data for 2028: Monday–Friday only
  ])('%s → %s', (d, want) => expect(isWorkingDay(d)).toBe(want))
})

describe('nthWorkingDay (the start day counts when it is a working day)', () => {
  it.each([
    // Over the 2026 New Year holidays: 29, 30 Dec; 31 Dec – 11 Jan off; 12–16 Jan.
    ['2025-12-29', 7, '2026-01-16', false],
    // The 6-day week of 2025: Mon 27 Oct … Sat 1 Nov.
    ['2025-10-27', 6, '2025-11-01', false],
    // Starting on a Saturday before 8 March 2026: 7–9 Mar off, 10–13 and 16–18 Mar.
    ['2026-03-07', 7, '2026-03-18', false],
    // Across 1 May 2026 (Friday) and the weekend.
    ['2026-04-30', 3, '2026-05-05', false],
    ['2026-11-02', 30, '2026-12-14', false],
    ['2026-06-15', 1, '2026-06-15', false],
    // Into 2027 (third-party data only): weekends-only gives 1, 4, 5, 6 Jan; the data gives 11–14 Jan; the earlier wins.
    ['2026-12-28', 7, '2027-01-06', true],
    // The 2027 worked Saturday (third-party data) makes it earlier than weekends-only (22 Feb): earlier wins.
    ['2027-02-15', 6, '2027-02-20', true],
    // 2028 has no data: weekends only.
    ['2027-12-30', 3, '2028-01-03', true],
  ])('%s + %i working days → %s (unverified: %s)', (from, n, date, unverified) =>
    expect(nthWorkingDay(from, n)).toEqual({ date, unverified }),
  )

  it('refuses a count below 1', () => expect(() => nthWorkingDay('2026-01-01', 0)).toThrow(RangeError))
})
