import { describe, expect, it } from 'vitest'
import { boundOf, displayCount, exactly, protectCounts, protectTable, recoverable, shownTotal, type ProtectedRow } from '../../src/desk/stats-protect.js'

const counts = (o: Record<string, number>) => Object.entries(o).map(([key, count]) => ({ key, count }))
const texts = (rows: readonly ProtectedRow[]) => Object.fromEntries(rows.map((r) => [r.key, displayCount(r.count, r.shown)]))

/**
 * What a reader can work out: for each row shown as "<5" or "5+", every value consistent with the
 * shown numbers, found by trying them all (independent of the bounds arithmetic in the module).
 */
function possibleValues(rows: readonly ProtectedRow[], total: number | 'small'): Map<string, Set<number>> {
  const hidden = rows.filter((r) => r.shown !== 'exact')
  const shownSum = rows.filter((r) => r.shown === 'exact').reduce((s, r) => s + r.count, 0)
  const options = hidden.map((r) => (r.shown === 'small' ? [1, 2, 3, 4] : Array.from({ length: 60 }, (_, i) => i + 5)))
  const found = new Map(hidden.map((r) => [r.key, new Set<number>()]))
  const walk = (i: number, values: number[]) => {
    if (i === hidden.length) {
      const sum = shownSum + values.reduce((s, v) => s + v, 0)
      if (total === 'small' ? sum >= 1 && sum <= 4 : sum === total) values.forEach((v, j) => found.get(hidden[j]!.key)!.add(v))
      return
    }
    for (const v of options[i]!) walk(i + 1, [...values, v])
  }
  walk(0, [])
  return found
}

describe('counts under 5', () => {
  it('are shown as "<5"; 0 and 5 or more as they are', () => {
    const p = protectCounts(counts({ moscow: 12, kazan: 3, chelyabinsk: 2, other: 0 }), exactly(17))
    expect(texts(p.rows)).toEqual({ moscow: '12', kazan: '<5', chelyabinsk: '<5', other: '0' })
    expect(p.withheld).toBe(false)
    expect([shownTotal(0), shownTotal(4), shownTotal(5)]).toEqual(['exact', 'small', 'exact'])
  })

  it('one "<5" beside a shown total would be total minus the rest: the smallest shown row is hidden too', () => {
    // 20 - 12 - 5 = 3: a reader would know Kazan's 3.
    const rows = counts({ moscow: 12, elsewhere: 5, kazan: 3 })
    expect(recoverable(protectCounts(rows, exactly(20)).rows.map((r) => (r.key === 'kazan' ? r : { ...r, shown: 'exact' })), exactly(20))).toBe(true)
    const p = protectCounts(rows, exactly(20))
    expect(texts(p.rows)).toEqual({ moscow: '12', elsewhere: '5+', kazan: '<5' })
    const possible = possibleValues(p.rows, 20)
    expect(possible.get('kazan')!.size).toBeGreaterThan(1)
    expect(possible.get('elsewhere')!.size).toBeGreaterThan(1)
  })

  it('two "<5" that can only be 1 and 1 (or 4 and 4) are protected the same way', () => {
    for (const [a, b] of [[1, 1], [4, 4]]) {
      const p = protectCounts(counts({ moscow: 10, kazan: a!, chelyabinsk: b! }), exactly(10 + a! + b!))
      expect(p.rows.find((r) => r.key === 'moscow')!.shown).toBe('hidden')
      for (const values of possibleValues(p.rows, 10 + a! + b!).values()) expect(values.size).toBeGreaterThan(1)
    }
    // 1 and 2: either could be the 2, so nothing more is hidden.
    expect(texts(protectCounts(counts({ moscow: 10, kazan: 1, chelyabinsk: 2 }), exactly(13)).rows)).toEqual({ moscow: '10', kazan: '<5', chelyabinsk: '<5' })
  })

  it('withholds a breakdown that cannot be protected, and shows no total under 5', () => {
    // 6 = 5 + 1: with both hidden, "5+" and "<5" still add up only one way.
    expect(protectCounts(counts({ moscow: 5, kazan: 1 }), exactly(6)).withheld).toBe(true)
    // Four rows of "<5" under a total of "<5" can only be 1 each.
    expect(protectCounts(counts({ a: 1, b: 1, c: 1, d: 1 }), boundOf(4, 'small')).withheld).toBe(true)
    expect(protectCounts(counts({ a: 1, b: 2 }), boundOf(3, 'small')).withheld).toBe(false)
    expect(protectCounts(counts({ a: 3 }), boundOf(3, 'small')).withheld).toBe(false)
  })

  it('no hidden count can be worked out, over many breakdowns (checked by trying every value)', () => {
    let seed = 7
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647
    for (let i = 0; i < 300; i++) {
      const rows = counts(Object.fromEntries(Array.from({ length: 2 + Math.floor(random() * 4) }, (_, j) => [`k${j}`, Math.floor(random() * random() * 14)])))
      const total = rows.reduce((s, r) => s + r.count, 0)
      const p = protectCounts(rows, boundOf(total, shownTotal(total)))
      if (p.withheld) continue
      for (const [key, values] of possibleValues(p.rows, shownTotal(total) === 'small' ? 'small' : total)) {
        expect(values.size, `${JSON.stringify(rows)}: ${key}`).toBeGreaterThan(1)
      }
    }
  })

  it('protects a table in both directions when its column totals are shown', () => {
    // Topic totals: police = 5 + 2 = 7; week 2's police (2) is hidden in its row, and week 1's police
    // (5) must then go too, or 7 - 5 gives it away.
    const table = [
      { row: 'w1', cells: counts({ work: 20, police: 5 }) },
      { row: 'w2', cells: counts({ work: 20, police: 2, family: 3 }) },
    ]
    const p = protectTable(table, 50, true)
    expect(texts(p.cells.get('w2')!.rows)).toEqual({ work: '20', police: '<5', family: '<5' })
    expect(texts(p.cells.get('w1')!.rows).police).toBe('5+')
  })
})
