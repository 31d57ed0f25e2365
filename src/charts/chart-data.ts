/**
 * What a chart shows, after the small-count rule: one row per bar (or bar segment) with the value
 * that may be drawn (null when it is hidden) and the text it is shown as ("12", "<5", "≥5").
 * Raw counts never leave this module, so a chart, its table and the report cannot print one.
 */
import { displayCount, protectCounts, protectTable, shownTotal, boundOf, type ProtectedBreakdown, type Shown } from '../desk/stats-protect.js'
import type { DeskFigures } from '../desk/stats-figures.js'
import type { Count } from '../desk/stats.js'

export const CHART_VIEWS = ['weekly', 'city', 'citizenship', 'outcome', 'urgency', 'times', 'feedback'] as const
export type ChartView = (typeof CHART_VIEWS)[number]

export const isChartView = (v: string): v is ChartView => (CHART_VIEWS as readonly string[]).includes(v)

/** The series key of the segment that stands for a week's hidden cells. */
export const HIDDEN_SERIES = '_hidden'
/** Articles shown in the feedback chart, most rated first. */
export const FEEDBACK_ARTICLES = 12

export interface ChartRow {
  /** What the bar is (a week, a city, an article) and, for stacked or grouped bars, which part. */
  group: string
  series: string
  /** The height that may be drawn; null when the count is hidden. */
  value: number | null
  text: string
}

export interface ChartData {
  view: ChartView
  fromDay: string
  toDay: string
  rows: ChartRow[]
  /** Per group, the total shown on top of a stacked bar (weekly only). */
  groupTotals: ChartRow[]
  /** Per series where each series has its own total (times: how many had a wait). */
  total: { value: number | null; text: string }
  withheld: boolean
  /** Votes without a date, left out of a period (feedback only). */
  undatedVotes: { value: number | null; text: string }
}

const shown = (count: number, how: Shown) => ({ value: how === 'exact' ? count : null, text: displayCount(count, how) })
const shownCount = (count: number) => shown(count, shownTotal(count))

function breakdownRows(p: ProtectedBreakdown, series = ''): ChartRow[] {
  return p.rows.map((r) => ({ group: r.key, series, ...(p.withheld ? { value: null, text: '—' } : shown(r.count, r.shown)) }))
}

function simple(f: DeskFigures, view: ChartView, counts: Count[]): ChartData {
  const p = protectCounts(counts, boundOf(f.total, shownTotal(f.total)))
  return base(f, view, breakdownRows(p), p.withheld)
}

function base(f: DeskFigures, view: ChartView, rows: ChartRow[], withheld: boolean, extra: Partial<ChartData> = {}): ChartData {
  return { view, fromDay: f.fromDay, toDay: f.toDay, rows, groupTotals: [], total: shownCount(f.total), withheld, undatedVotes: { value: 0, text: '0' }, ...extra }
}

/** Weeks stacked by topic: hidden cells of a week become one grey segment when its total is shown. */
function weekly(f: DeskFigures): ChartData {
  const table = protectTable(f.weeks.map((w) => ({ row: w.week, cells: w.topics })), f.total, true)
  const rows: ChartRow[] = []
  const groupTotals: ChartRow[] = []
  for (const w of f.weeks) {
    const total = table.rowTotals.rows.find((r) => r.key === w.week)!
    const cells = table.cells.get(w.week)!
    groupTotals.push({ group: w.week, series: '', ...(table.rowTotals.withheld ? { value: null, text: '—' } : shown(total.count, total.shown)) })
    if (table.rowTotals.withheld) continue
    for (const c of cells.rows) rows.push({ group: w.week, series: c.key, ...(cells.withheld ? { value: null, text: '—' } : shown(c.count, c.shown)) })
    const hiddenSum = cells.rows.filter((c) => c.shown !== 'exact').reduce((s, c) => s + c.count, 0)
    // The hidden cells' sum is the shown total minus the shown cells: drawing it reveals nothing more.
    if (hiddenSum > 0 && total.shown === 'exact') rows.push({ group: w.week, series: HIDDEN_SERIES, value: hiddenSum, text: String(hiddenSum) })
  }
  return base(f, 'weekly', rows, table.rowTotals.withheld, { groupTotals })
}

function times(f: DeskFigures): ChartData {
  const total = boundOf(f.total, shownTotal(f.total))
  const first = protectCounts(f.firstAnswer.buckets, total)
  const close = protectCounts(f.close.buckets, total)
  return base(f, 'times', [...breakdownRows(first, 'firstAnswer'), ...breakdownRows(close, 'close')], first.withheld && close.withheld)
}

function feedback(f: DeskFigures): ChartData {
  const rows: ChartRow[] = []
  for (const a of f.feedback.slice(0, FEEDBACK_ARTICLES)) {
    const sum = a.helpful + a.notHelpful
    const p = protectCounts([{ key: 'helpful', count: a.helpful }, { key: 'notHelpful', count: a.notHelpful }], boundOf(sum, shownTotal(sum)))
    for (const r of p.rows) rows.push({ group: a.articleId, series: r.key, ...shown(r.count, r.shown) })
  }
  const votes = (list: typeof f.feedback) => list.reduce((s, a) => s + a.helpful + a.notHelpful, 0)
  return base(f, 'feedback', rows, false, { total: shownCount(votes(f.feedback)), undatedVotes: shownCount(votes(f.undatedFeedback)) })
}

export function chartData(f: DeskFigures, view: ChartView): ChartData {
  switch (view) {
    case 'weekly':
      return weekly(f)
    case 'city':
      return simple(f, view, f.byCity)
    case 'citizenship':
      return simple(f, view, f.byCitizenship)
    case 'outcome':
      return simple(f, view, f.byOutcome)
    case 'urgency':
      return simple(f, view, f.byUrgency)
    case 'times':
      return times(f)
    case 'feedback':
      return feedback(f)
  }
}

/** The caption's numbers: requests, the open queue, the median wait (only over 5 or more answers). */
export function headline(f: DeskFigures): { total: string; openNow: string; medianFirstAnswerMs: number | null; medianCloseMs: number | null } {
  return {
    total: shownCount(f.total).text,
    openNow: shownCount(f.openNow).text,
    medianFirstAnswerMs: f.firstAnswer.count >= 5 ? f.firstAnswer.medianMs : null,
    medianCloseMs: f.close.count >= 5 ? f.close.medianMs : null,
  }
}

