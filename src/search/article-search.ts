/**
 * Article search over every article in every language, ranked in memory: the article set is fixed, so word and
 * trigram postings are built once at start (bm25.ts) and a question costs no database statement at all.
 *
 * Spelling: the index and the query both go through `skeleton()` (normalise.ts), a canonical Latin spelling, so
 * Latin-typed Russian, Uzbek Cyrillic/Latin, Tajik and Kyrgyz typed without their special letters meet the article
 * text. Query terms are only ever [a-z0-9 ] pieces of the skeleton.
 *
 * Ranking, measured on test/search/questions.jsonl (see accuracy.test.ts) and a held-out question set (tuned when
 * the search ran on SQLite FTS5; bm25.ts scores exactly as FTS5's bm25() did, so the results are the same):
 * 1. Trigram index, one per field (title, keywords, body) so bm25's IDF and length normalisation are per field:
 *    "passport" is in almost every body but still counts in a title. Each query word is scored as the OR of its
 *    trigrams — word endings (Kyrgyz/Uzbek/Tajik suffixes, Russian inflection) and typos only cost a few trigrams —
 *    and its bm25 is divided by √(its trigram count) so long words do not drown short, telling ones (РКЛ, ОМС, Амина).
 * 2. Word index on the same text, queried with 5-letter prefixes (`regis*`): rewards whole-word matches that
 *    trigrams blur.
 * 3. Field weights title 2, keywords 3, body 1 (the keywords are the words people type).
 * 4. × (1 + 2 × share of the query words that the article contains), × 1.25 in the user's language; per article id
 *    the best language wins; weak tails (< 25 % of the best, or below an absolute floor) are dropped.
 * 5. Search by meaning (concepts.ts): an article whose situation phrase the question contains ("муж бьёт") gains
 *    conceptWeight (2) × (1 − ½^strength) × the best score — strength ≈ question words its phrases explain, so one
 *    word adds the best score once, two words 1.5 times — and is kept even when none of its words matched.
 */
import type { Article, Language } from '../content/articles.js'
import { Bm25Index } from './bm25.js'
import { CONCEPTS, compileConcepts, matchConcepts, type CompiledPhrase, type ConceptVocabulary } from './concepts.js'
import { countGramHits, GramHitsScratch, wordCoverage, type GramHits } from './coverage.js'
import { skeleton, stripHtml } from './normalise.js'
import { buildQuery, MAX_QUERY_CHARS, questionText, type Query, type QueryWord } from './query.js'

export { MAX_QUERY_CHARS }

export interface SearchResult {
  id: string
  /** Title in the user's language (falls back to Russian, then any language that has the article). */
  title: string
  /** Higher is better. Only roughly comparable between queries. */
  score: number
}

/** Tuning knobs; the defaults are the measured best. */
export interface ArticleSearchOptions {
  /** Field weights: title, keywords, body. */
  weights?: readonly [number, number, number]
  /** Score multiplier for articles in the user's language. */
  userLanguageBoost?: number
  /** Results scoring below this share of the best result are dropped (0 keeps everything). */
  relativeCutoff?: number
  /**
   * Keep only articles that contain at least one query word: its stem (first 60 %, at least 4 letters) as written, or
   * for a word of 5+ letters 70 % of its trigrams in the title/keywords (typos). Gibberish then finds nothing.
   */
  requireStem?: boolean
  /** Multiplies scores by (1 + coverageWeight × share of query words found in the article). */
  coverageWeight?: number
  /** Each word's trigram bm25 is divided by (its trigram count)^perWordNorm; 0 = one OR query for all words. */
  perWordNorm?: number
  /** Weight of the word-prefix index relative to the trigram index; 0 = off. */
  wordWeight?: number
  /** Prefix length for the word index. */
  prefixLength?: number
  /** Situation phrases → articles (null = none). */
  concepts?: ConceptVocabulary | null
  /** A concept hit adds up to this share of the best score (see 5. above); 0 = off. */
  conceptWeight?: number
}

/**
 * A query's trigram terms written as the FTS5 MATCH expression the search once sent to SQLite (kept for tests and
 * for reading by hand: it must only ever hold quoted [a-z0-9 ] terms).
 */
export function buildMatchQuery(query: string): string | null {
  return buildQuery(questionText(query), DEFAULTS.prefixLength)?.terms.map((t) => `"${t}"`).join(' OR ') ?? null
}

const DEFAULTS: Required<ArticleSearchOptions> = {
  weights: [2, 3, 1],
  userLanguageBoost: 1.25,
  relativeCutoff: 0.25,
  requireStem: true,
  coverageWeight: 2,
  perWordNorm: 0.5,
  wordWeight: 2,
  prefixLength: 5,
  concepts: CONCEPTS,
  conceptWeight: 2,
}

type Field = 'title' | 'keywords' | 'body'
const FIELDS: readonly Field[] = ['title', 'keywords', 'body']

/**
 * How one result's score came about (`ask --explain`): score = (Σ bm25) × languageBoost × (1 + coverageWeight ×
 * coverage) + concept.
 */
export interface RankingExplanation {
  id: string
  /** The language version of the article that scored best (none when only its meaning matched). */
  lang: Language | null
  score: number
  /** Weighted bm25 per field, from the trigram and the word-prefix index. */
  bm25: Record<Field, { trigram: number; word: number }>
  /** The word score was multiplied by this (the user's language ranks first). */
  languageBoost: number
  /** Share of the query words the article holds (0..1); the word score was × (1 + coverageWeight × this). */
  coverage: number
  /** Added by search by meaning (concepts.ts). */
  concept: number
}

interface IndexedRow {
  id: string
  lang: Language
  text: string
}

interface Ranked {
  id: string
  score: number
  /** Index of the scoring row in `rows`, -1 when only the meaning matched. */
  row: number
  coverage: number
  concept: number
}

/** Per row, per field: trigram then word score (for explanations). */
const SLOTS = FIELDS.length * 2

export class ArticleSearch {
  private readonly rows: IndexedRow[] = []
  private readonly trigramIndexes: Bm25Index[]
  private readonly wordIndexes: Bm25Index[]
  private readonly titles = new Map<string, Map<string, string>>()
  private readonly opt: Required<ArticleSearchOptions>
  private readonly phrases: readonly CompiledPhrase[]
  // Scratch space for one question, reused: search is synchronous.
  private readonly raw: Float64Array
  private readonly part: Float64Array
  private readonly hit: Uint8Array
  private readonly seen: Uint8Array
  private readonly touched: Uint32Array
  private readonly firstScored: Float64Array
  private readonly boosted: Float64Array
  private readonly gramHits: GramHitsScratch

  constructor(articles: readonly Article[], options: ArticleSearchOptions = {}) {
    this.opt = { ...DEFAULTS, ...options }
    const fields: string[][] = [[], [], []]
    for (const a of articles) {
      const title = ` ${skeleton(a.title)} `
      // " | " keeps keywords apart.
      const keywords = ` ${a.keywords.map((k) => skeleton(k)).join(' | ')} `
      const body = ` ${skeleton(stripHtml(a.body))} `
      fields[0]!.push(title)
      fields[1]!.push(keywords)
      fields[2]!.push(body)
      this.rows.push({ id: a.id, lang: a.lang, text: title + keywords + body })
      let byLang = this.titles.get(a.id)
      if (!byLang) this.titles.set(a.id, (byLang = new Map()))
      byLang.set(a.lang, a.title)
    }
    // One index per field and kind: bm25 statistics (IDF, average length) are then per field.
    this.trigramIndexes = fields.map((texts) => new Bm25Index(texts, 'trigram'))
    this.wordIndexes = fields.map((texts) => new Bm25Index(texts, 'word'))
    const n = this.rows.length
    this.raw = new Float64Array(n)
    this.part = new Float64Array(n)
    this.hit = new Uint8Array(n)
    this.seen = new Uint8Array(n)
    this.touched = new Uint32Array(n)
    this.firstScored = new Float64Array(n)
    this.boosted = new Float64Array(n)
    this.gramHits = new GramHitsScratch(n)
    this.phrases = this.opt.concepts ? compileConcepts(this.opt.concepts, new Set(articles.map((a) => a.id))) : []
  }

  /** Phrases of the concept vocabulary that a question matches, per article (for `ask --explain`). */
  explain(query: string): { id: string; strength: number; phrases: string[] }[] {
    return matchConcepts(questionText(query), this.phrases)
  }

  /** The results of `search()` with how each score came about (for `ask --explain`). */
  explainRanking(query: string, lang: Language, limit = 3): RankingExplanation[] {
    if (typeof query !== 'string' || !(limit >= 1) || this.rows.length === 0) return []
    const trace = new Float64Array(this.rows.length * SLOTS)
    const round = (x: number) => Math.round(x * 100) / 100
    return this.rank(query, lang, Math.floor(limit), trace).map((r) => {
      const row = this.rows[r.row]
      const at = (f: number, kind: number) => (row ? round(trace[r.row * SLOTS + f * 2 + kind]!) : 0)
      const bm25 = Object.fromEntries(FIELDS.map((f, i) => [f, { trigram: at(i, 0), word: at(i, 1) }]))
      return {
        id: r.id,
        lang: row?.lang ?? null,
        score: round(r.score),
        bm25: bm25 as RankingExplanation['bm25'],
        languageBoost: row?.lang === lang ? this.opt.userLanguageBoost : 1,
        coverage: round(r.coverage),
        concept: round(r.concept),
      }
    })
  }

  /** Number of indexed (article, language) rows. */
  get size(): number {
    return this.rows.length
  }

  /** Best articles for a question, one entry per article id, best first. Never throws on user input. */
  search(query: string, lang: Language, limit = 3): SearchResult[] {
    try {
      if (typeof query !== 'string' || !(limit >= 1) || this.rows.length === 0) return []
      return this.rank(query, lang, Math.floor(limit)).map(({ id, score }) => ({
        id,
        title: this.titleFor(id, lang),
        score: Math.round(score * 100) / 100,
      }))
    } catch {
      return []
    }
  }

  /**
   * Rows with any query term (in no particular order), their summed weighted bm25 in `raw`, and in `firstScored` a
   * number that orders them as they first scored (add by add, then by row).
   */
  private wordScores(q: Query, trace?: Float64Array): number[] {
    const o = this.opt
    const { raw, part, hit, seen, touched, firstScored } = this
    const n = this.rows.length
    raw.fill(0)
    seen.fill(0)
    // Left zero by every add below (only the rows it touched are cleared); cleared here too in case a question threw.
    part.fill(0)
    hit.fill(0)
    const scored: number[] = []
    let addNo = 0
    // Each OR query is summed before it is weighted, row by row, in the order FTS5 summed them in, so scores are the
    // same to the last bit; only the rows the phrases hit are visited.
    const add = (index: Bm25Index, phrases: readonly string[], k: number, slot: number) => {
      const count = index.addBm25Touched(phrases, part, hit, touched)
      for (let i = 0; i < count; i++) {
        const r = touched[i]!
        if (!seen[r]) {
          seen[r] = 1
          scored.push(r)
          firstScored[r] = addNo * n + r
        }
        raw[r]! += part[r]! * k
        if (trace) trace[r * SLOTS + slot]! += part[r]! * k
        part[r] = 0
        hit[r] = 0
      }
      addNo++
    }
    for (let fi = 0; fi < FIELDS.length; fi++) {
      const w = o.weights[fi] ?? 0
      if (w <= 0) continue
      if (o.perWordNorm > 0) {
        for (const qw of q.words) add(this.trigramIndexes[fi]!, qw.grams, w / Math.pow(qw.grams.length, o.perWordNorm), fi * 2)
      } else {
        add(this.trigramIndexes[fi]!, q.terms, w, fi * 2)
      }
      if (o.wordWeight > 0) add(this.wordIndexes[fi]!, q.prefixes, w * o.wordWeight, fi * 2 + 1)
    }
    return scored
  }

  /**
   * The scored rows that the ranking loop can reach, strongest first (ties: as they first scored, which is the order
   * FTS5 returned them in). The coverage factor is ≥ 1 and the best score is at least the strongest row's, so a row
   * whose upper bound is below the cut-off share of the strongest row's score would stop the loop anyway: such rows
   * are left out before sorting.
   */
  private candidates(scored: readonly number[], lang: Language): number[] {
    const o = this.opt
    const { raw, boosted, firstScored } = this
    let strongest = 0
    for (const row of scored) {
      const s = raw[row]! * (this.rows[row]!.lang === lang ? o.userLanguageBoost : 1)
      boosted[row] = s
      if (s > strongest) strongest = s
    }
    const upper = 1 + Math.max(0, o.coverageWeight)
    const prefilter = strongest > 0 && o.coverageWeight >= 0 && o.relativeCutoff <= 1
    const kept = prefilter ? scored.filter((row) => !(boosted[row]! * upper < strongest * o.relativeCutoff)) : [...scored]
    return kept.sort((a, b) => boosted[b]! - boosted[a]! || firstScored[a]! - firstScored[b]!)
  }

  private rank(query: string, lang: Language, limit: number, trace?: Float64Array): Ranked[] {
    const o = this.opt
    const text = questionText(query)
    const q = buildQuery(text, o.prefixLength)
    const concepts = o.conceptWeight > 0 ? matchConcepts(text, this.phrases) : []
    if (!q && concepts.length === 0) return []
    const n = this.rows.length
    const candidates = q ? this.candidates(this.wordScores(q, trace), lang) : []
    const hits = q ? countGramHits(q.words, this.trigramIndexes, n, this.gramHits) : undefined
    const best = new Map<string, Ranked>()
    // Strongest rows first; the coverage factor can at most multiply by (1 + coverageWeight), so once a row's upper
    // bound falls below the cut-off share of the best score, no later row can be shown.
    let topScore = 0
    for (const row of candidates) {
      const s = this.boosted[row]!
      const info = this.rows[row]!
      if (s * (1 + Math.max(0, o.coverageWeight)) < topScore * o.relativeCutoff) break
      let score = s
      const coverage = q && hits && o.coverageWeight > 0 ? wordCoverage(q.words, hits, row, n) : 0
      score *= 1 + o.coverageWeight * coverage
      if (score > (best.get(info.id)?.score ?? 0)) best.set(info.id, { id: info.id, score, row, coverage, concept: 0 })
      if (score > topScore) topScore = score
    }
    // Concept hits: meaning beats wording, so they are kept whatever their words (no stem check, no cut-off).
    const byMeaning = new Set<string>()
    const base = topScore > 0 ? topScore : 1
    for (const hit of concepts) {
      const concept = base * o.conceptWeight * (1 - Math.pow(0.5, hit.strength))
      const found = best.get(hit.id) ?? { id: hit.id, score: 0, row: -1, coverage: 0, concept: 0 }
      best.set(hit.id, { ...found, score: found.score + concept, concept })
      byMeaning.add(hit.id)
    }
    const sorted = [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    const out: Ranked[] = []
    const top = sorted[0]?.score ?? 0
    for (const r of sorted) {
      if (out.length >= limit) break
      if (!byMeaning.has(r.id)) {
        if (r.score < top * o.relativeCutoff) continue
        if (o.requireStem && (!q || !hits || !this.containsSomeWord(r.row, q.words, hits))) continue
      }
      out.push(r)
    }
    return out
  }

  /** Nothing to release: the index is plain memory (kept so callers that close the search need not change). */
  close(): void {}

  /** Some query word is in the row as written (its stem) or, if 5+ letters, with a typo (70 % of its trigrams). */
  private containsSomeWord(row: number, words: readonly QueryWord[], hits: GramHits): boolean {
    const text = this.rows[row]!.text
    return words.some((w, wi) => {
      if (text.includes(w.stem)) return true
      if (w.word.length < 5) return false
      return hits.meta[wi * this.rows.length + row]! >= 0.7 * w.coverGrams.length
    })
  }

  private titleFor(id: string, lang: Language): string {
    const byLang = this.titles.get(id)
    if (!byLang) return id
    return byLang.get(lang) ?? byLang.get('ru') ?? byLang.values().next().value ?? id
  }
}

export function createArticleSearch(articles: readonly Article[], options?: ArticleSearchOptions): ArticleSearch {
  return new ArticleSearch(articles, options)
}
