import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chartData, headline, HIDDEN_SERIES, type ChartData, type ChartView } from '../../src/charts/chart-data.js'
import type { Db } from '../../src/db/client.js'
import { loadFigures } from '../../src/db/desk-figures.js'
import type { DeskFigures } from '../../src/desk/stats-figures.js'
import { dayRange } from '../../src/desk/stats.js'
import { Q3, seedDatabase } from './seed.js'

/**
 * The figures in the chart data against counts written straight in SQL over the seeded database.
 * A count of 5 or more must be shown as it is; 1–4 as "<5"; a hidden one ("5+") must be ≥ 5.
 */
let db: Db
let close: () => void
let figures: DeskFigures
const range = dayRange(Q3.from, Q3.to)!
// Moscow midnight, as the desk counts days.
const START = range.start.getTime()
const END = range.end.getTime()

beforeAll(() => {
  ;({ db, close } = seedDatabase())
  figures = loadFigures(db, range)
})
afterAll(() => close())

const sqlCounts = (expr: string, extra = ''): Map<string, number> =>
  new Map(
    (db.$client.prepare(`select ${expr} as k, count(*) as n from legal_requests where created_at >= ? and created_at < ? ${extra} group by k`).all(START, END) as { k: string; n: number }[]).map((r) => [r.k, r.n]),
  )

/** Every row of the chart agrees with the SQL count for its key. */
function expectAgrees(data: ChartData, expected: Map<string, number>, series = '') {
  const rows = data.rows.filter((r) => r.series === series)
  expect(rows.length).toBeGreaterThan(0)
  for (const row of rows) {
    const n = expected.get(row.group) ?? 0
    if (row.text === '<5') expect(n, row.group).toBeGreaterThanOrEqual(1), expect(n).toBeLessThan(5)
    else if (row.text === '5+') expect(n, row.group).toBeGreaterThanOrEqual(5)
    else {
      expect(row.value, row.group).toBe(n)
      expect(n === 0 || n >= 5, `${row.group}: ${n} shown`).toBe(true)
    }
  }
  // Nothing counted is missing from the chart.
  for (const [key, n] of expected) if (n > 0) expect(rows.map((r) => r.group), key).toContain(key)
}

describe('chart figures equal SQL counts on a seeded database', () => {
  it('requests, open queue and the period edges', () => {
    const { n } = db.$client.prepare('select count(*) as n from legal_requests where created_at >= ? and created_at < ?').get(START, END) as { n: number }
    const { open } = db.$client.prepare("select count(*) as open from legal_requests where status in ('new','in_progress','waiting_for_client')").get() as { open: number }
    expect(figures.total).toBe(n)
    expect(n).toBeGreaterThan(100)
    expect(figures.openNow).toBe(open)
    expect(headline(figures)).toMatchObject({ total: String(n), openNow: String(open) })
  })

  it.each<[ChartView, string]>([
    ['city', 'city'],
    ['urgency', 'urgency'],
    ['citizenship', "case language when 'ky' then 'kg' when 'uz' then 'uz' when 'tg' then 'tj' else 'unknown' end"],
    [
      'outcome',
      "case when status in ('new','in_progress','waiting_for_client') then 'open' when status = 'closed' and disposition = 'declined' then 'declined' when status = 'closed' then 'closed' else status end",
    ],
  ])('%s', (view, expr) => {
    const data = chartData(figures, view)
    expect(data.withheld).toBe(false)
    expectAgrees(data, sqlCounts(expr))
  })

  it('weeks by topic (weeks start on Monday, Moscow time); hidden cells make one grey segment', () => {
    const data = chartData(figures, 'weekly')
    const week = "date(created_at / 1000 + 3 * 3600, 'unixepoch', 'weekday 0', '-6 days')"
    const totals = sqlCounts(week)
    expect(data.groupTotals.map((g) => g.group)).toEqual(expect.arrayContaining([...totals.keys()]))
    for (const g of data.groupTotals) {
      const n = totals.get(g.group) ?? 0
      if (g.value !== null) expect(g.value, g.group).toBe(n)
      else expect(g.text === '<5' ? n >= 1 && n < 5 : n >= 5, g.group).toBe(true)
      // The bar's drawn height is the total shown, never more or less.
      const drawn = data.rows.filter((r) => r.group === g.group && r.value !== null).reduce((s, r) => s + r.value!, 0)
      expect(drawn).toBe(g.value ?? 0)
    }
    for (const topic of ['work', 'documents', 'police']) {
      const cells = sqlCounts(week, `and topic = '${topic}'`)
      for (const r of data.rows.filter((row) => row.series === topic)) {
        const n = cells.get(r.group) ?? 0
        if (r.value !== null) expect(r.value, `${r.group} ${topic}`).toBe(n)
        else if (r.text === '—') continue // a week too small to split at all
        else expect(r.text === '<5' ? n >= 1 && n < 5 : n >= 5, `${r.group} ${topic} ${r.text} ${n}`).toBe(true)
      }
    }
    expect(data.rows.some((r) => r.series === HIDDEN_SERIES)).toBe(true)
  })

  it('time to first answer and to closing (last move to a final status)', () => {
    const data = chartData(figures, 'times')
    const bucket = (col: string) =>
      `case when ${col} is null then 'none' when ${col} - created_at < 3600000 then 'h1' when ${col} - created_at < 4*3600000 then 'h4' when ${col} - created_at < 24*3600000 then 'h24' when ${col} - created_at < 72*3600000 then 'd3' when ${col} - created_at < 168*3600000 then 'd7' else 'more' end`
    expectAgrees(data, sqlCounts(bucket('first_answered_at')), 'firstAnswer')
    const closed = "(select max(h.created_at) from request_status_history h where h.request_id = legal_requests.id and h.to_status in ('referred','resolved','closed','withdrawn') and legal_requests.status not in ('new','in_progress','waiting_for_client'))"
    expectAgrees(data, sqlCounts(bucket(closed)), 'close')
  })

  it('👍/👎 by article: votes of the period only; undated ones are left out and counted apart', () => {
    const data = chartData(figures, 'feedback')
    const votes = db.$client
      .prepare("select article_id as a, sum(helpful) as up, sum(not_helpful) as down from article_feedback where voted_on between '2026-07-01' and '2026-09-30' group by a")
      .all() as { a: string; up: number; down: number }[]
    expect(votes.length).toBe(3)
    expectAgrees(data, new Map(votes.map((v) => [v.a, v.up])), 'helpful')
    expectAgrees(data, new Map(votes.map((v) => [v.a, v.down])), 'notHelpful')
    const { undated } = db.$client.prepare('select sum(helpful + not_helpful) as undated from article_feedback where voted_on is null').get() as { undated: number }
    expect(data.undatedVotes).toEqual({ value: undated, text: String(undated) })
  })
})
