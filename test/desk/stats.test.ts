import { describe, expect, it } from 'vitest'
import { computeStats, dayRange, deskDateTime, deskDay, feedbackTotals, median, parseDay, parseDayRange, splitDuration, type StatsRequest } from '../../src/desk/stats.js'

const H = 3_600_000
const at = (iso: string) => new Date(iso)
const request = (o: Partial<StatsRequest> = {}): StatsRequest => ({
  status: 'new',
  topic: 'work',
  city: 'kazan',
  language: 'ky',
  createdAt: at('2026-02-10T09:00:00Z'),
  firstAnsweredAt: null,
  ...o,
})

describe('days and periods (Moscow time, both ends included)', () => {
  it('reads YYYY-MM-DD as midnight in Moscow and rejects non-dates', () => {
    expect(parseDay('2026-01-01')?.toISOString()).toBe('2025-12-31T21:00:00.000Z')
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '2026-01-01T00:00', 'yesterday', '']) expect(parseDay(bad)).toBeUndefined()
    expect(parseDay('2028-02-29')).toBeDefined()
  })

  it('gives the day and time an instant falls on in Moscow', () => {
    expect(deskDay(at('2026-03-31T21:30:00Z'))).toBe('2026-04-01')
    expect(deskDateTime(at('2026-03-31T21:30:00Z'))).toBe('2026-04-01 00:30')
  })

  it('ends a period at the start of the day after `to`', () => {
    const range = dayRange('2026-01-01', '2026-03-31')!
    expect([range.start.toISOString(), range.end.toISOString()]).toEqual(['2025-12-31T21:00:00.000Z', '2026-03-31T21:00:00.000Z'])
    expect(dayRange('2026-03-31', '2026-01-01')).toBeUndefined()
    expect(dayRange('2026-03-01', '2026-03-01')).toBeDefined()
  })

  it('reads command words: none = this month so far, one = until today, two = the period', () => {
    const now = at('2026-11-25T22:30:00Z') // already 26 November in Moscow
    expect(parseDayRange([], now)).toMatchObject({ fromDay: '2026-11-01', toDay: '2026-11-26' })
    expect(parseDayRange(['2026-10-15'], now)).toMatchObject({ fromDay: '2026-10-15', toDay: '2026-11-26' })
    expect(parseDayRange(['2026-01-01', '2026-03-31'], now)).toMatchObject({ fromDay: '2026-01-01', toDay: '2026-03-31' })
    for (const bad of [['2026-04-01', '2026-03-31'], ['march'], ['2026-01-01', '2026-02-01', 'x']]) expect(parseDayRange(bad, now)).toBeUndefined()
  })
})

describe('figures', () => {
  it('counts the requests of the period by status, topic, city and language', () => {
    const requests = [
      request({ status: 'resolved', topic: 'police', city: 'moscow', language: 'uz' }),
      request({ status: 'new' }),
      request({ status: 'in_progress' }),
      request({ status: 'new', topic: 'police' }),
      request({ createdAt: at('2026-04-01T09:00:00Z') }), // outside the period
    ]
    const stats = computeStats(requests, [], dayRange('2026-01-01', '2026-03-31'))
    expect(stats.total).toBe(4)
    // Statuses in lifecycle order; the rest by count, then name.
    expect(stats.byStatus).toEqual([{ key: 'new', count: 2 }, { key: 'in_progress', count: 1 }, { key: 'resolved', count: 1 }])
    expect(stats.byTopic).toEqual([{ key: 'police', count: 2 }, { key: 'work', count: 2 }])
    expect(stats.byCity).toEqual([{ key: 'kazan', count: 3 }, { key: 'moscow', count: 1 }])
    expect(stats.byLanguage).toEqual([{ key: 'ky', count: 3 }, { key: 'uz', count: 1 }])
  })

  it('takes the median time from creation to the first answer over answered requests only', () => {
    const created = at('2026-02-10T09:00:00Z')
    const answeredAfter = (h: number) => request({ createdAt: created, firstAnsweredAt: new Date(created.getTime() + h * H) })
    const odd = computeStats([answeredAfter(1), answeredAfter(30), answeredAfter(2), request()], [])
    expect([odd.answered, odd.total, odd.medianFirstAnswerMs]).toEqual([3, 4, 2 * H])
    expect(computeStats([answeredAfter(1), answeredAfter(4)], []).medianFirstAnswerMs).toBe(2.5 * H)
    expect(computeStats([request()], []).medianFirstAnswerMs).toBeNull()
  })

  it('sums 👍/👎 per article over its languages, most rated first', () => {
    const rows = [
      { articleId: 'patent', helpful: 3, notHelpful: 1 },
      { articleId: 'registration', helpful: 1, notHelpful: 0 },
      { articleId: 'patent', helpful: 2, notHelpful: 4 },
    ]
    expect(feedbackTotals(rows)).toEqual([{ articleId: 'patent', helpful: 5, notHelpful: 5 }, { articleId: 'registration', helpful: 1, notHelpful: 0 }])
  })

  it('median and durations for display', () => {
    expect(median([])).toBeNull()
    expect(median([5, 1, 3])).toBe(3)
    expect(splitDuration(25 * 60_000)).toEqual({ unit: 'minutes', minutes: 25 })
    expect(splitDuration(5 * H + 20 * 60_000)).toEqual({ unit: 'hours', hours: 5, minutes: 20 })
    expect(splitDuration(75 * H)).toEqual({ unit: 'days', days: 3, hours: 3 })
  })
})
