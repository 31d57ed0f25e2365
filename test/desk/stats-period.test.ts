import { describe, expect, it } from 'vitest'
import { lastDays, parseStatsPeriod, quarter } from '../../src/desk/stats-period.js'

const NOW = new Date('2026-11-25T22:30:00Z') // already 26 November in Moscow

const period = (text: string) => {
  const r = parseStatsPeriod(text, NOW)
  return r && [r.fromDay, r.toDay]
}

describe('the period /stats and the report ask for', () => {
  it('nothing: the last 90 days, today (desk time) included', () => {
    expect(period('')).toEqual(['2026-08-29', '2026-11-26'])
    expect(period('   ')).toEqual(['2026-08-29', '2026-11-26'])
  })

  it('Nd: the last N days', () => {
    expect(period('90d')).toEqual(period(''))
    expect(period('1d')).toEqual(['2026-11-26', '2026-11-26'])
    expect(period('30D')).toEqual(['2026-10-28', '2026-11-26'])
    expect(period('365d')).toEqual(['2025-11-27', '2026-11-26'])
  })

  it('a quarter: its first to its last day, also written without the dash', () => {
    expect(period('2026-Q3')).toEqual(['2026-07-01', '2026-09-30'])
    expect(period('2026q1')).toEqual(['2026-01-01', '2026-03-31'])
    expect(period('2024-Q1')).toEqual(['2024-01-01', '2024-03-31'])
    expect(period('2026-Q4')).toEqual(['2026-10-01', '2026-12-31'])
    expect(quarter(2028, 1)!.toDay).toBe('2028-03-31')
  })

  it('one or two days, as /export takes them', () => {
    expect(period('2026-10-15')).toEqual(['2026-10-15', '2026-11-26'])
    expect(period('2026-01-01 2026-03-31')).toEqual(['2026-01-01', '2026-03-31'])
  })

  it('refuses anything else', () => {
    for (const bad of ['0d', '-5d', '3661d', '99999d', 'd', '90 d', '2026-Q5', '2026-Q0', '1999-Q1', 'Q3', '2026-Q3 2026-Q4', '2027-Q1', '2026-12-01', '2026-02-30', 'вчера', '90d 2026-01-01', '2026-03-31 2026-01-01', '<b>', '2026-01-01 2026-02-01 2026-03-01']) {
      expect(parseStatsPeriod(bad, NOW), bad).toBeUndefined()
    }
    expect(lastDays(1.5, NOW)).toBeUndefined()
  })
})
