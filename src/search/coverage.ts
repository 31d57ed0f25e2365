/**
 * Which query words an article holds: a word counts when most of its trigrams are in the article — full credit in
 * the title/keywords, half in the body only. Trigram → rows is kept once at start; a question then counts, per word
 * and row, the trigrams found, with no per-row set look-ups.
 */

/** Flags per (trigram, row): in the title/keywords, anywhere. */
const META = 1
const ANY = 2

export class GramPresence {
  /** Trigram → `row << 2 | flags` for every row that holds it. */
  private readonly rowsOf = new Map<string, Uint32Array>()

  /** `meta[row]`: title + keywords; `all[row]`: the same followed by the body (so it holds every meta trigram). */
  constructor(meta: readonly string[], all: readonly string[]) {
    const build = new Map<string, number[]>()
    all.forEach((text, row) => {
      const inMeta = trigramSet(meta[row]!)
      for (const g of trigramSet(text)) {
        let list = build.get(g)
        if (!list) build.set(g, (list = []))
        list.push((row << 2) | ANY | (inMeta.has(g) ? META : 0))
      }
    })
    for (const [g, list] of build) this.rowsOf.set(g, Uint32Array.from(list))
  }

  /**
   * For each word (a list of its trigrams, repeats counted) and row: how many of its trigrams the row's
   * title/keywords hold (`meta`) and the whole row holds (`all`), at `word × rows + row`.
   */
  count(words: readonly (readonly string[])[], rows: number): { meta: Uint16Array; all: Uint16Array } {
    const meta = new Uint16Array(words.length * rows)
    const all = new Uint16Array(words.length * rows)
    words.forEach((grams, wi) => {
      for (const g of grams) {
        const list = this.rowsOf.get(g)
        if (!list) continue
        for (const entry of list) {
          const at = wi * rows + (entry >>> 2)
          if (entry & META) meta[at]!++
          if (entry & ANY) all[at]!++
        }
      }
    })
    return { meta, all }
  }
}

export function trigramSet(text: string): Set<string> {
  const set = new Set<string>()
  for (let i = 0; i + 3 <= text.length; i++) set.add(text.slice(i, i + 3))
  return set
}
