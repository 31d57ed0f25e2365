/**
 * In-memory bm25 over one text field of a fixed set of rows: postings built once, no database per question.
 *
 * It scores exactly as SQLite FTS5's `bm25()` did when the search ran on FTS5 (k1 = 1.2, b = 0.75, the same IDF
 * clamp, phrase by phrase in query order), so the ranking tuned on FTS5 carries over unchanged:
 * - `trigram`: like FTS5's `trigram` tokenizer, every 3 consecutive characters (spaces included) is a token; a
 *   phrase longer than 3 characters (" 90 ") matches where it occurs as written.
 * - `word`: like FTS5's `unicode61` on skeleton text, a token is a run of [a-z0-9]; "abc*" matches every token
 *   starting with "abc".
 */
const K1 = 1.2
const B = 0.75

export type TokenKind = 'trigram' | 'word'

interface Posting {
  rows: Uint32Array
  /** Occurrences of the term in each of `rows`. */
  tf: Uint32Array
}

const NONE: Posting = { rows: new Uint32Array(0), tf: new Uint32Array(0) }

function tokens(text: string, kind: TokenKind): string[] {
  if (kind === 'word') return text.match(/[a-z0-9]+/g) ?? []
  const out: string[] = []
  for (let i = 0; i + 3 <= text.length; i++) out.push(text.slice(i, i + 3))
  return out
}

/** Non-overlapping-safe count of `needle` in `text` (occurrences may overlap, as token positions do). */
function occurrences(text: string, needle: string): number {
  let n = 0
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) n++
  return n
}

export class Bm25Index {
  private readonly postings = new Map<string, Posting>()
  /** Sorted terms, for prefix look-ups (word index only). */
  private readonly terms: string[]
  /** Per row: k1 × (1 − b + b × length / average length), the length part of bm25's denominator. */
  private readonly lengthNorm: Float64Array

  constructor(
    private readonly texts: readonly string[],
    private readonly kind: TokenKind,
  ) {
    const build = new Map<string, { rows: number[]; tf: number[] }>()
    const lengths = texts.map((text, row) => {
      const list = tokens(text, kind)
      const counts = new Map<string, number>()
      for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1)
      for (const [t, n] of counts) {
        let p = build.get(t)
        if (!p) build.set(t, (p = { rows: [], tf: [] }))
        p.rows.push(row)
        p.tf.push(n)
      }
      return list.length
    })
    for (const [t, p] of build) this.postings.set(t, { rows: Uint32Array.from(p.rows), tf: Uint32Array.from(p.tf) })
    this.terms = kind === 'word' ? [...this.postings.keys()].sort() : []
    const avgdl = lengths.reduce((a, b) => a + b, 0) / Math.max(1, texts.length)
    // Same expression and order of operations as FTS5's fts5Bm25Function, so scores match to the last bit.
    this.lengthNorm = Float64Array.from(lengths, (d) => K1 * (1 - B + (B * d) / avgdl))
  }

  /**
   * Adds the bm25 of an OR of `phrases` to `score[row]` for every row holding at least one of them, and sets
   * `hit[row]` to 1 there. Phrases are summed in the order given; a repeated phrase counts again (as in FTS5).
   */
  addBm25(phrases: readonly string[], score: Float64Array, hit: Uint8Array): void {
    const n = this.texts.length
    for (const phrase of phrases) {
      const { rows, tf } = this.match(phrase)
      if (rows.length === 0) continue
      let idf = Math.log((n - rows.length + 0.5) / (rows.length + 0.5))
      if (idf <= 0) idf = 1e-6
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!
        const f = tf[i]!
        score[row]! += idf * ((f * (K1 + 1)) / (f + this.lengthNorm[row]!))
        hit[row] = 1
      }
    }
  }

  /** Rows holding a phrase and how often; [] for anything that cannot be a term of this index. */
  private match(phrase: string): Posting {
    if (this.kind === 'word') return phrase.endsWith('*') ? this.prefix(phrase.slice(0, -1)) : (this.postings.get(phrase) ?? NONE)
    if (phrase.length < 3) return NONE
    const first = this.postings.get(phrase.slice(0, 3)) ?? NONE
    if (phrase.length === 3) return first
    // A longer phrase is its trigrams one after another, i.e. the phrase as a substring.
    const rows: number[] = []
    const tf: number[] = []
    for (const row of first.rows) {
      const f = occurrences(this.texts[row]!, phrase)
      if (f > 0) rows.push(row), tf.push(f)
    }
    return { rows: Uint32Array.from(rows), tf: Uint32Array.from(tf) }
  }

  /** Every token starting with `start`, merged per row. */
  private prefix(start: string): Posting {
    if (!start) return NONE
    let lo = 0
    let hi = this.terms.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.terms[mid]! < start) lo = mid + 1
      else hi = mid
    }
    const perRow = new Map<number, number>()
    for (let i = lo; i < this.terms.length && this.terms[i]!.startsWith(start); i++) {
      const p = this.postings.get(this.terms[i]!)!
      for (let j = 0; j < p.rows.length; j++) perRow.set(p.rows[j]!, (perRow.get(p.rows[j]!) ?? 0) + p.tf[j]!)
    }
    const rows = [...perRow.keys()].sort((a, b) => a - b)
    return { rows: Uint32Array.from(rows), tf: Uint32Array.from(rows, (r) => perRow.get(r)!) }
  }
}
