/** Day arithmetic and "today in Russia"; every expected value is counted by hand on a paper calendar. */
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, daysBetween, isIsoDate, todayInRussia } from '../../src/deadlines/calendar-days.js'

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'], // 2026 is not a leap year
    ['2028-02-28', 1, '2028-02-29'], // 2028 is
    ['2028-02-29', 1, '2028-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-11-20', 14, '2026-12-04'],
    ['2026-03-29', 1, '2026-03-30'], // a European clock change night does not matter: days are labels
  ])('%s %+d → %s', (d, n, want) => expect(addDays(d, n)).toBe(want))
})

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-01-15', 12, '2027-01-15'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-05-31', -3, '2026-02-28'],
  ])('%s + %d months → %s', (d, n, want) => expect(addMonths(d, n)).toBe(want))
})

describe('daysBetween and isIsoDate', () => {
  it.each([
    ['2026-08-15', '2026-12-03', 110],
    ['2026-12-03', '2026-12-03', 0],
    ['2026-12-04', '2026-12-03', -1],
    ['2028-01-01', '2029-01-01', 366],
  ])('%s → %s is %d days', (a, b, n) => expect(daysBetween(a, b)).toBe(n))

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '26-01-01', '2026-1-1', '', 'tomorrow'])('%s is not a day', (s) =>
    expect(isIsoDate(s)).toBe(false),
  )
  it('2028-02-29 is a day', () => expect(isIsoDate('2028-02-29')).toBe(true))
  it('refuses to count from a day that does not exist', () => expect(() => addDays('2026-02-30', 1)).toThrow(RangeError))
})

describe('todayInRussia: the day in Moscow (UTC+3, no summer time)', () => {
  it.each([
    ['2026-12-03T23:30:00Z', '2026-12-04'], // 02:30 next day in Moscow
    ['2026-12-03T20:59:59Z', '2026-12-03'], // 23:59:59 in Moscow
    ['2026-12-03T21:00:00Z', '2026-12-04'], // midnight in Moscow
    ['2026-12-31T21:00:00Z', '2027-01-01'], // New Year in Moscow, still 31 December in UTC
    ['2028-02-28T22:15:00Z', '2028-02-29'],
    ['2026-07-01T00:30:00Z', '2026-07-01'], // summer: still +3 (no DST since 2011, +3 since October 2014)
  ])('%s → %s', (instant, want) => expect(todayInRussia(new Date(instant))).toBe(want))

  it('does not depend on the machine zone', () => {
    const before = process.env.TZ
    process.env.TZ = 'America/Los_Angeles'
    try {
      expect(todayInRussia(new Date('2026-12-03T23:30:00Z'))).toBe('2026-12-04')
    } finally {
      if (before === undefined) delete process.env.TZ
      else process.env.TZ = before
    }
  })

  it('refuses an invalid instant', () => expect(() => todayInRussia(new Date('nope'))).toThrow(RangeError))
})
