/**
 * In-memory bm25 over one text field of a fixed set of rows: postings built once, no database per question.
 *
 * It scores exactly as SQLite FTS5's `bm25()` did when the search ran on FTS5 (k1 = 1.2, b = 0.75, the same IDF
 * clamp, phrase by phrase in query order), so the ranking tuned on FTS5 carries over unchanged:
 * - `trigram`: like FTS5's `trigram` tokenizer, every 3 consecutive characters (spaces included) is a token. A phrase
 *   is a trigram, or " xy " (a two-letter word between spaces: two trigrams in a row).
 * - `word`: like FTS5's `unicode61` on skeleton text, a token is a run of [a-z0-9]; "abc*" matches every token
 *   starting with "abc".
 * Texts are skeleton text (normalise.ts) and " | ": trigrams are numbered over that alphabet, so the postings are a
 * few flat typed arrays (small and quick to build), not a map of strings.
 */
const K1 = 1.2
const B = 0.75

export type TokenKind = 'trigram' | 'word'

/** Letters of skeleton text, then one code for anything else (never in a query term, so never matched). */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789 |'
const OTHER = ALPHABET.length
const BASE = ALPHABET.length + 1
const CODES = new Uint8Array(128).fill(OTHER)
for (let i = 0; i < ALPHABET.length; i++) CODES[ALPHABET.charCodeAt(i)] = i
const letter = (text: string, i: number) => {
  const c = text.charCodeAt(i)
  return c < 128 ? CODES[c]! : OTHER
}

/** A trigram's number, or -1 for anything that is not three letters of the query alphabet. */
function trigramCode(gram: string): number {
  if (gram.length !== 3) return -1
  const a = letter(gram, 0)
  const b = letter(gram, 1)
  const c = letter(gram, 2)
  return a === OTHER || b === OTHER || c === OTHER ? -1 : (a * BASE + b) * BASE + c
}

/** Rows `rows[from..to)` hold a term, with its bm25 in each. */
export interface Postings {
  rows: Uint32Array
  bm25: Float64Array
  from: number
  to: number
}

const NONE: Postings = { rows: new Uint32Array(0), bm25: new Float64Array(0), from: 0, to: 0 }

/** Prefix look-ups kept (user text decides the keys, so the cache is bounded and starts over when full). */
const MAX_CACHED_PREFIXES = 2_000

export class Bm25Index {
  /** Term number → its postings: `rows`/`tf`/`bm25` from offsets[t] to offsets[t + 1]. */
  private readonly offsets: Uint32Array
  private readonly rows: Uint32Array
  private readonly tf: Uint32Array
  private readonly bm25: Float64Array
  /** Word index: token → term number, and the tokens sorted (prefix look-ups). */
  private readonly wordIds = new Map<string, number>()
  private readonly sortedWords: string[] = []
  /** Trigram index: " xy " phrases. */
  private readonly pairs = new Map<string, Postings>()
  private readonly prefixes = new Map<string, Postings>()
  /** Per row: k1 × (1 − b + b × length / average length), the length part of bm25's denominator. */
  private readonly lengthNorm: Float64Array
  /** What `term()` returns, reused (see `match()`). */
  private readonly found: Postings

  constructor(
    texts: readonly string[],
    private readonly kind: TokenKind,
  ) {
    // (term, row, count) triples, rows ascending; then laid out term by term.
    const terms: number[] = []
    const rowOf: number[] = []
    const counts: number[] = []
    // Counts per term for the row being read, and the terms it touched (dense: trigram numbers are small).
    const perTerm = kind === 'trigram' ? new Uint32Array(BASE * BASE * BASE) : new Map<number, number>()
    const touched: number[] = []
    const lengths = texts.map((text, row) => {
      let length = 0
      if (perTerm instanceof Uint32Array) {
        for (let i = 0; i + 3 <= text.length; i++, length++) {
          const code = (letter(text, i) * BASE + letter(text, i + 1)) * BASE + letter(text, i + 2)
          if (perTerm[code]!++ === 0) touched.push(code)
        }
        for (const code of touched) terms.push(code), rowOf.push(row), counts.push(perTerm[code]!), (perTerm[code] = 0)
      } else {
        perTerm.clear()
        for (const token of text.match(/[a-z0-9]+/g) ?? []) {
          let id = this.wordIds.get(token)
          if (id === undefined) this.wordIds.set(token, (id = this.wordIds.size))
          perTerm.set(id, (perTerm.get(id) ?? 0) + 1)
          length++
        }
        for (const [term, n] of perTerm) terms.push(term), rowOf.push(row), counts.push(n)
      }
      touched.length = 0
      return length
    })
    const avgdl = lengths.reduce((a, b) => a + b, 0) / Math.max(1, texts.length)
    // Same expression and order of operations as FTS5's fts5Bm25Function, so scores match to the last bit.
    this.lengthNorm = Float64Array.from(lengths, (d) => K1 * (1 - B + (B * d) / avgdl))

    const termCount = kind === 'trigram' ? BASE * BASE * BASE : this.wordIds.size
    this.offsets = new Uint32Array(termCount + 1)
    for (const t of terms) this.offsets[t + 1]!++
    for (let t = 0; t < termCount; t++) this.offsets[t + 1]! += this.offsets[t]!
    const next = this.offsets.slice(0, termCount)
    this.rows = new Uint32Array(terms.length)
    this.tf = new Uint32Array(terms.length)
    terms.forEach((t, i) => {
      const at = next[t]!++
      this.rows[at] = rowOf[i]!
      this.tf[at] = counts[i]!
    })
    this.bm25 = new Float64Array(terms.length)
    this.found = { rows: this.rows, bm25: this.bm25, from: 0, to: 0 }
    for (let t = 0; t < termCount; t++) this.weigh(this.offsets[t]!, this.offsets[t + 1]!, this.rows, this.tf, this.bm25)
    if (kind === 'word') this.sortedWords.push(...[...this.wordIds.keys()].sort())
    else this.indexPairs(texts)
  }

  /**
   * Adds the bm25 of an OR of `phrases` to `score[row]` for every row holding at least one of them, and sets
   * `hit[row]` to 1 there. Phrases are summed in the order given; a repeated phrase counts again (as in FTS5).
   */
  addBm25(phrases: readonly string[], score: Float64Array, hit: Uint8Array): void {
    this.addBm25Touched(phrases, score, hit)
  }

  /**
   * `addBm25`, and the rows it set `hit` on (that were 0 before) go to `touched` from `count` on, in the order first
   * hit; returns the new count. `touched` needs room for every row.
   */
  addBm25Touched(phrases: readonly string[], score: Float64Array, hit: Uint8Array, touched?: Uint32Array, count = 0): number {
    for (const phrase of phrases) {
      const { rows, bm25, from, to } = this.match(phrase)
      for (let i = from; i < to; i++) {
        const row = rows[i]!
        score[row]! += bm25[i]!
        if (hit[row] === 0) {
          hit[row] = 1
          if (touched) touched[count++] = row
        }
      }
    }
    return count
  }

  /**
   * Rows holding a phrase (see the header for what a phrase is); none for anything else. Read it before the next
   * `match()`: a single trigram's postings come in one object reused call after call (a question makes hundreds).
   */
  match(phrase: string): Readonly<Postings> {
    if (this.kind === 'word') {
      if (phrase.endsWith('*')) return this.prefix(phrase.slice(0, -1))
      const id = this.wordIds.get(phrase)
      return id === undefined ? NONE : this.term(id)
    }
    if (phrase.length === 4) return this.pairs.get(phrase) ?? NONE
    const code = trigramCode(phrase)
    return code < 0 ? NONE : this.term(code)
  }

  private term(t: number): Postings {
    const found = this.found
    found.from = this.offsets[t]!
    found.to = this.offsets[t + 1]!
    return found
  }

  /** bm25 of one term in each of its rows: IDF × tf × (k1 + 1) / (tf + k1 × (1 − b + b × length / average)). */
  private weigh(from: number, to: number, rows: Uint32Array, tf: Uint32Array, out: Float64Array): void {
    if (to === from) return
    const n = this.lengthNorm.length
    let idf = Math.log((n - (to - from) + 0.5) / (to - from + 0.5))
    // As FTS5: a term in more than half the rows would get a negative IDF; it still counts a little.
    if (idf <= 0) idf = 1e-6
    for (let i = from; i < to; i++) out[i] = idf * ((tf[i]! * (K1 + 1)) / (tf[i]! + this.lengthNorm[rows[i]!]!))
  }

  private postings(rows: readonly number[], tf: readonly number[]): Postings {
    const r = Uint32Array.from(rows)
    const bm25 = new Float64Array(rows.length)
    this.weigh(0, rows.length, r, Uint32Array.from(tf), bm25)
    return { rows: r, bm25, from: 0, to: rows.length }
  }

  /** " xy ": a two-letter word between spaces, counted as FTS5 counts a two-trigram phrase (its occurrences). */
  private indexPairs(texts: readonly string[]): void {
    const found = new Map<string, { rows: number[]; tf: number[] }>()
    texts.forEach((text, row) => {
      const perPair = new Map<string, number>()
      for (let at = text.indexOf(' '); at >= 0 && at + 3 < text.length; at = text.indexOf(' ', at + 1)) {
        if (text[at + 3] !== ' ') continue
        const pair = text.slice(at, at + 4)
        perPair.set(pair, (perPair.get(pair) ?? 0) + 1)
      }
      for (const [pair, n] of perPair) {
        const p = found.get(pair) ?? found.set(pair, { rows: [], tf: [] }).get(pair)!
        p.rows.push(row)
        p.tf.push(n)
      }
    })
    for (const [pair, p] of found) this.pairs.set(pair, this.postings(p.rows, p.tf))
  }

  /** Every token starting with `start`, merged per row. */
  private prefix(start: string): Postings {
    let merged = this.prefixes.get(start)
    if (merged) return merged
    let lo = 0
    let hi = this.sortedWords.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.sortedWords[mid]! < start) lo = mid + 1
      else hi = mid
    }
    const perRow = new Map<number, number>()
    for (let i = lo; start && i < this.sortedWords.length && this.sortedWords[i]!.startsWith(start); i++) {
      const t = this.wordIds.get(this.sortedWords[i]!)!
      for (let j = this.offsets[t]!; j < this.offsets[t + 1]!; j++)
        perRow.set(this.rows[j]!, (perRow.get(this.rows[j]!) ?? 0) + this.tf[j]!)
    }
    const rows = [...perRow.keys()].sort((a, b) => a - b)
    merged = this.postings(rows, rows.map((r) => perRow.get(r)!))
    if (this.prefixes.size >= MAX_CACHED_PREFIXES) this.prefixes.clear()
    this.prefixes.set(start, merged)
    return merged
  }
}
