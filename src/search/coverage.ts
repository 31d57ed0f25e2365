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
export function countGramHits(words: readonly QueryWord[], fields: readonly Bm25Index[], rows: number): GramHits {
  const meta = new Uint16Array(words.length * rows)
  const all = new Uint16Array(words.length * rows)
  // Which gram last counted a row, so a row holding a gram in two fields counts once.
  const metaSeen = new Uint32Array(rows)
  const allSeen = new Uint32Array(rows)
  let gramNo = 0
  words.forEach(({ coverGrams }, wi) => {
    for (const gram of coverGrams) {
      gramNo++
      fields.forEach((index, fi) => {
        const { rows: holding, from, to } = index.match(gram)
        for (let i = from; i < to; i++) {
          const row = holding[i]!
          if (fi < 2 && metaSeen[row] !== gramNo) {
            metaSeen[row] = gramNo
            meta[wi * rows + row]!++
          }
          if (allSeen[row] !== gramNo) {
            allSeen[row] = gramNo
            all[wi * rows + row]!++
          }
        }
      })
    }
  })
  return { meta, all }
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
