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
  /** The term's bm25 in each of `rows` (it depends only on the fixed texts, so it is computed once). */
  bm25: Float64Array
}

/** Enough for every prefix of the articles' own words; past that, the cache starts over. */
const MAX_CACHED_PREFIXES = 20_000

const NONE: Posting = { rows: new Uint32Array(0), tf: new Uint32Array(0), bm25: new Float64Array(0) }

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
  /** Prefix → merged postings, as questions ask them (bounded: user text decides the keys). */
  private readonly prefixes = new Map<string, Posting>()
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
    // Trigram index: a two-letter word is asked as " xy " (two trigrams in a row); its postings are kept too, so a
    // question never scans the texts.
    if (kind === 'trigram')
      texts.forEach((text, row) => {
        for (const word of new Set(text.split(' '))) {
          if (word.length !== 2) continue // " x " is a trigram already
          const p = build.get(` ${word} `) ?? build.set(` ${word} `, { rows: [], tf: [] }).get(` ${word} `)!
          p.rows.push(row)
          p.tf.push(occurrences(text, ` ${word} `))
        }
      })
    const avgdl = lengths.reduce((a, b) => a + b, 0) / Math.max(1, texts.length)
    // Same expression and order of operations as FTS5's fts5Bm25Function, so scores match to the last bit.
    this.lengthNorm = Float64Array.from(lengths, (d) => K1 * (1 - B + (B * d) / avgdl))
    for (const [t, p] of build) this.postings.set(t, this.posting(p.rows, p.tf))
    this.terms = kind === 'word' ? [...this.postings.keys()].sort() : []
  }

  /** A term's postings with its bm25 per row: IDF × tf × (k1 + 1) / (tf + k1 × (1 − b + b × length / average)). */
  private posting(rows: readonly number[], tf: readonly number[]): Posting {
    const n = this.texts.length
    let idf = Math.log((n - rows.length + 0.5) / (rows.length + 0.5))
    // As FTS5: a term in more than half the rows would get a negative IDF; it still counts a little.
    if (idf <= 0) idf = 1e-6
    const bm25 = Float64Array.from(rows, (row, i) => idf * ((tf[i]! * (K1 + 1)) / (tf[i]! + this.lengthNorm[row]!)))
    return { rows: Uint32Array.from(rows), tf: Uint32Array.from(tf), bm25 }
  }

  /**
   * Adds the bm25 of an OR of `phrases` to `score[row]` for every row holding at least one of them, and sets
   * `hit[row]` to 1 there. Phrases are summed in the order given; a repeated phrase counts again (as in FTS5).
   */
  addBm25(phrases: readonly string[], score: Float64Array, hit: Uint8Array): void {
    for (const phrase of phrases) {
      const { rows, bm25 } = this.match(phrase)
      for (let i = 0; i < rows.length; i++) {
        score[rows[i]!]! += bm25[i]!
        hit[rows[i]!] = 1
      }
    }
  }

  /** Rows holding a phrase and how often; [] for anything that cannot be a term of this index. */
  private match(phrase: string): Posting {
    if (this.kind === 'word') return phrase.endsWith('*') ? this.prefix(phrase.slice(0, -1)) : (this.postings.get(phrase) ?? NONE)
    if (phrase.length < 3) return NONE
    const known = this.postings.get(phrase)
    if (known || phrase.length === 3 || /^ [a-z0-9]{2} $/.test(phrase)) return known ?? NONE
    const first = this.postings.get(phrase.slice(0, 3)) ?? NONE
    // A longer phrase is its trigrams one after another, i.e. the phrase as a substring.
    const rows: number[] = []
    const tf: number[] = []
    for (const row of first.rows) {
      const f = occurrences(this.texts[row]!, phrase)
      if (f > 0) rows.push(row), tf.push(f)
    }
    return this.posting(rows, tf)
  }

  /** Every token starting with `start`, merged per row. */
  private prefix(start: string): Posting {
    let merged = this.prefixes.get(start)
    if (merged) return merged
    merged = this.mergePrefix(start)
    if (this.prefixes.size >= MAX_CACHED_PREFIXES) this.prefixes.clear()
    this.prefixes.set(start, merged)
    return merged
  }

  private mergePrefix(start: string): Posting {
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
    return this.posting(rows, rows.map((r) => perRow.get(r)!))
  }
}
