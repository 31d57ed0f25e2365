/**
 * Small counts are not shown: a count from 1 to 4 is shown as "<5" so no person can be singled out,
 * and where a shown total would let a reader work a hidden count out by subtraction (one hidden row,
 * or hidden rows that can only be all 1s), the smallest shown rows are hidden too ("5+"), until no
 * hidden row has a single possible value. If even that cannot protect them, the whole breakdown is
 * withheld. Pure functions; the tests check the arithmetic a reader could do.
 */
export const MIN_SHOWN = 5

export type Shown = 'exact' | 'small' | 'hidden'

export interface ProtectedRow {
  key: string
  count: number
  shown: Shown
}

export interface ProtectedBreakdown {
  rows: ProtectedRow[]
  /** Nothing of the breakdown may be shown: too few to split without revealing someone. */
  withheld: boolean
}

/** What a reader knows about a total: exactly (≥5 or 0), or only "1 to 4", or only "5 or more" (shown "5+"). */
export interface Bound {
  min: number
  max: number
}

export const exactly = (n: number): Bound => ({ min: n, max: n })

/** How a total may be shown: exact when 0 or ≥5, else "<5". */
export function shownTotal(total: number): Shown {
  return total === 0 || total >= MIN_SHOWN ? 'exact' : 'small'
}

/** The bound a reader has for a count shown this way. */
export function boundOf(count: number, shown: Shown): Bound {
  if (shown === 'exact') return exactly(count)
  return shown === 'small' ? { min: 1, max: MIN_SHOWN - 1 } : { min: MIN_SHOWN, max: Infinity }
}

/** The text a count is shown as. */
export function displayCount(count: number, shown: Shown): string {
  return shown === 'exact' ? String(count) : shown === 'small' ? `<${MIN_SHOWN}` : `${MIN_SHOWN}+`
}

/** Whether some hidden row has only one value consistent with the total and the other rows' bounds. */
export function recoverable(rows: readonly ProtectedRow[], total: Bound): boolean {
  const hidden = rows.filter((r) => r.shown !== 'exact').map((r) => boundOf(r.count, r.shown))
  if (hidden.length === 0) return false
  const shownSum = rows.filter((r) => r.shown === 'exact').reduce((s, r) => s + r.count, 0)
  const sMin = total.min - shownSum
  const sMax = total.max - shownSum
  const loSum = hidden.reduce((s, b) => s + b.min, 0)
  const hiSum = hidden.reduce((s, b) => s + b.max, 0)
  return hidden.some((b) => {
    const low = Math.max(b.min, sMin - (hiSum - b.max))
    const high = Math.min(b.max, sMax - (loSum - b.min))
    return low >= high
  })
}

/**
 * Protects one breakdown of a total (rows in display order). `alreadyHidden` are keys hidden by
 * another breakdown of the same cells (a table's other direction): they stay hidden.
 */
export function protectCounts(counts: readonly { key: string; count: number }[], total: Bound, alreadyHidden: ReadonlySet<string> = new Set()): ProtectedBreakdown {
  const rows: ProtectedRow[] = counts.map((c) => ({
    key: c.key,
    count: c.count,
    shown: c.count > 0 && c.count < MIN_SHOWN ? 'small' : alreadyHidden.has(c.key) && c.count > 0 ? 'hidden' : 'exact',
  }))
  while (recoverable(rows, total)) {
    const next = rows.filter((r) => r.shown === 'exact' && r.count >= MIN_SHOWN).sort((a, b) => a.count - b.count)[0]
    if (!next) return { rows: rows.map((r) => ({ ...r, shown: r.count === 0 ? 'exact' : 'hidden' })), withheld: true }
    next.shown = 'hidden'
  }
  return { rows, withheld: false }
}

/** A table of counts (row → column → count) protected in both directions against its shown margins. */
export interface ProtectedTable {
  rowTotals: ProtectedBreakdown
  cells: Map<string, ProtectedBreakdown>
}

/**
 * Rows are protected against their row totals, the row totals against the grand total, and columns
 * against column totals when those are shown elsewhere; repeated until nothing more is hidden.
 */
export function protectTable(
  table: readonly { row: string; cells: readonly { key: string; count: number }[] }[],
  grandTotal: number,
  columnTotalsShown: boolean,
): ProtectedTable {
  const rowTotals = protectCounts(table.map((r) => ({ key: r.row, count: r.cells.reduce((s, c) => s + c.count, 0) })), boundOf(grandTotal, shownTotal(grandTotal)))
  const hidden = new Set<string>()
  const id = (row: string, key: string) => `${row}\u0000${key}`
  let cells = new Map<string, ProtectedBreakdown>()
  for (let round = 0; round < 20; round++) {
    const before = hidden.size
    cells = new Map()
    for (const r of table) {
      const totalRow = rowTotals.rows.find((t) => t.key === r.row)!
      const preset = new Set(r.cells.filter((c) => hidden.has(id(r.row, c.key))).map((c) => c.key))
      const p = rowTotals.withheld ? { rows: r.cells.map((c) => ({ ...c, shown: (c.count ? 'hidden' : 'exact') as Shown })), withheld: true } : protectCounts(r.cells, boundOf(totalRow.count, totalRow.shown), preset)
      for (const c of p.rows) if (c.shown !== 'exact') hidden.add(id(r.row, c.key))
      cells.set(r.row, p)
    }
    if (columnTotalsShown) {
      const columns = [...new Set(table.flatMap((r) => r.cells.map((c) => c.key)))]
      for (const col of columns) {
        const column = table.map((r) => ({ key: r.row, count: r.cells.find((c) => c.key === col)?.count ?? 0 }))
        const sum = column.reduce((s, c) => s + c.count, 0)
        const preset = new Set(column.filter((c) => hidden.has(id(c.key, col))).map((c) => c.key))
        for (const c of protectCounts(column, boundOf(sum, shownTotal(sum)), preset).rows) if (c.shown !== 'exact') hidden.add(id(c.key, col))
      }
    }
    if (hidden.size === before) break
  }
  return { rowTotals, cells }
}
