/**
 * Which query words an article holds: a word counts when most of its trigrams are in the article — full credit in
 * the title/keywords, half in the body only. Read from the fields' trigram postings (bm25.ts), so a question costs
 * no per-row set look-ups.
 */
import type { Bm25Index } from './bm25.js'
import type { QueryWord } from './query.js'

/** Per query word and row, at `word × rows + row`: its trigrams found in the title/keywords, and anywhere. */
export interface GramHits {
  meta: Uint16Array
  all: Uint16Array
}

/**
 * Counts, for each word's trigrams (repeats counted), the rows that hold each one. `fields` are the title,
 * keywords and body trigram indexes.
 *
 * A word's trigrams are [a-z0-9] only, and every field is padded with a space on both sides, so a trigram is in
 * "title + keywords" exactly when it is in the title or in the keywords (only trigrams with two spaces cross a
 * joint).
 */
export function countGramHits(words: readonly QueryWord[], fields: readonly Bm25Index[], rows: number, scratch?: GramHitsScratch): GramHits {
  const size = words.length * rows
  const { meta, all } = scratch ? scratch.take(size) : { meta: new Uint16Array(size), all: new Uint16Array(size) }
  // Which gram last counted a row, so a row holding a gram in two fields counts once.
  const metaSeen = scratch?.metaSeen.fill(0) ?? new Uint32Array(rows)
  const allSeen = scratch?.allSeen.fill(0) ?? new Uint32Array(rows)
  let gramNo = 0
  for (let wi = 0; wi < words.length; wi++) {
    const at = wi * rows
    for (const gram of words[wi]!.coverGrams) {
      gramNo++
      for (let fi = 0; fi < fields.length; fi++) {
        const { rows: holding, from, to } = fields[fi]!.match(gram)
        for (let i = from; i < to; i++) {
          const row = holding[i]!
          if (fi < 2 && metaSeen[row] !== gramNo) {
            metaSeen[row] = gramNo
            meta[at + row]!++
          }
          if (allSeen[row] !== gramNo) {
            allSeen[row] = gramNo
            all[at + row]!++
          }
        }
      }
    }
  }
  return { meta, all }
}

/**
 * Buffers for `countGramHits`, kept by one search and reused question after question (search is synchronous): the
 * returned hits are only valid until the next count.
 */
export class GramHitsScratch {
  readonly metaSeen: Uint32Array
  readonly allSeen: Uint32Array
  private meta = new Uint16Array(0)
  private all = new Uint16Array(0)

  constructor(rows: number) {
    this.metaSeen = new Uint32Array(rows)
    this.allSeen = new Uint32Array(rows)
  }

  /** Zeroed counts for `size` (word, row) pairs. */
  take(size: number): GramHits {
    if (this.meta.length < size) {
      this.meta = new Uint16Array(size)
      this.all = new Uint16Array(size)
    }
    return { meta: this.meta.subarray(0, size).fill(0), all: this.all.subarray(0, size).fill(0) }
  }
}

/** Share of query words (0..1) a row holds. */
export function wordCoverage(words: readonly QueryWord[], hits: GramHits, row: number, rows: number): number {
  if (words.length === 0) return 0
  let sum = 0
  words.forEach(({ coverGrams: grams }, wi) => {
    const fm = hits.meta[wi * rows + row]! / grams.length
    const fa = hits.all[wi * rows + row]! / grams.length
    sum += Math.max(fm >= 0.6 ? 1 : fm, fa >= 0.6 ? 0.5 : fa / 2)
  })
  return sum / words.length
}
