/**
 * Search by meaning: a vocabulary of situations in everyday words ("муж бьёт", "boss keeps my passport",
 * "айлык бербей жатат") → the articles that answer them, in ky, ru, uz, tg, en (src/search/concepts/<lang>.ts).
 *
 * Articles' keywords name topics; people describe what happened to them. A phrase here is a few words, each written
 * as people type it; a word ending in `*` matches any word that starts with it (suffixes, inflection), any other word
 * must be typed whole. Every word of a phrase must be in the question, in any order. Phrases go through the same
 * `skeleton()` as the question, so translit (Russian in Latin, Uzbek without oʻ/gʻ, Kyrgyz/Tajik without their
 * letters) needs no extra entries.
 *
 * `matchConcepts` is a pure function of the skeleton text: no database, no I/O, same answer every time.
 */
import { ARTICLE_CATEGORIES, type Language } from '../content/articles.js'
import { skeleton } from './normalise.js'
import en from './concepts/en.js'
import ky from './concepts/ky.js'
import ru from './concepts/ru.js'
import tg from './concepts/tg.js'
import uz from './concepts/uz.js'

/** Article id → phrases, for one language. */
export type ConceptTerms = Readonly<Record<string, readonly string[]>>
export type ConceptVocabulary = Readonly<Partial<Record<Language, ConceptTerms>>>

export const CONCEPTS: ConceptVocabulary = { ky, ru, uz, tg, en }

interface PhraseWord {
  text: string
  prefix: boolean
}

export interface CompiledPhrase {
  id: string
  lang: Language
  /** As written in the vocabulary (for `ask --explain` and test messages). */
  source: string
  words: readonly PhraseWord[]
}

/** Phrase → skeleton words; `*` survives as a prefix flag on the word it ends. Empty when nothing is left. */
export function compilePhrase(phrase: string): PhraseWord[] {
  const out: PhraseWord[] = []
  for (const token of phrase.trim().split(/\s+/)) {
    const prefix = token.endsWith('*')
    const parts = skeleton(token.replace(/\*+$/, '')).split(' ').filter(Boolean)
    parts.forEach((text, i) => out.push({ text, prefix: prefix && i === parts.length - 1 }))
  }
  return out
}

/** Every phrase of a vocabulary, compiled once. Ids outside `ids` (when given) are left out. */
export function compileConcepts(vocabulary: ConceptVocabulary, ids?: ReadonlySet<string>): CompiledPhrase[] {
  const out: CompiledPhrase[] = []
  for (const [lang, terms] of Object.entries(vocabulary) as [Language, ConceptTerms][]) {
    for (const [id, phrases] of Object.entries(terms)) {
      if (ids && !ids.has(id)) continue
      for (const source of phrases) {
        const words = compilePhrase(source)
        if (words.length) out.push({ id, lang, source, words })
      }
    }
  }
  return out
}

/**
 * The skeleton merges digraphs (ts→c, sh→w, zh→j, kh→h, dj→j), so an ending can swallow a stem's last letter:
 * "beat*" must match "beats" (skeleton "beac"). Key: the stem's last letter → the merged letter.
 */
const MERGED: Readonly<Record<string, string>> = { t: 'c', s: 'w', z: 'j', k: 'h', d: 'j' }

export interface ConceptHit {
  id: string
  /** Words of the longest matching phrase, + 0.5 for each further question word that other phrases match. */
  strength: number
  /** The matching phrases as written in the vocabulary. */
  phrases: string[]
}

/** Phrase words indexed once per compiled vocabulary, so a question looks up its own words instead of every phrase. */
interface PhraseIndex {
  /** Whole word → phrase words (as `base[phrase] + word index`) that must be typed whole. */
  exact: Map<string, number[]>
  /** Stem → phrase words ending in `*`. */
  stems: Map<string, number[]>
  /** Shortest and longest stem: only a question word's prefixes of these lengths are looked up. */
  shortest: number
  longest: number
  /** Per phrase, the number of its first word; per phrase word, its phrase. */
  base: Uint32Array
  phraseOf: Uint32Array
  /**
   * Scratch for one question (matching is synchronous), left as found: per phrase word the first question word that
   * matched it (-1: none), per phrase how many of its words matched.
   */
  first: Int32Array
  matched: Uint16Array
}

/** Merged letter → the stem letters it can swallow (MERGED turned round). */
const SWALLOWED: Readonly<Record<string, readonly string[]>> = Object.entries(MERGED).reduce<Record<string, string[]>>(
  (acc, [stem, merged]) => ((acc[merged] ??= []).push(stem), acc),
  {},
)

/** More words than any phrase has (a phrase is a few words); a longer phrase never matches. */
const PHRASE_WORDS = 1024

const indexes = new WeakMap<readonly CompiledPhrase[], PhraseIndex>()

function indexOf(phrases: readonly CompiledPhrase[]): PhraseIndex {
  let index = indexes.get(phrases)
  if (index) return index
  const base = new Uint32Array(phrases.length)
  let words = 0
  phrases.forEach((p, pi) => {
    base[pi] = words
    words += p.words.length
  })
  const phraseOf = new Uint32Array(words)
  index = { exact: new Map(), stems: new Map(), shortest: Infinity, longest: 0, base, phraseOf, first: new Int32Array(words).fill(-1), matched: new Uint16Array(phrases.length) }
  phrases.forEach((p, pi) =>
    p.words.forEach((w, wi) => {
      phraseOf[base[pi]! + wi] = pi
      if (wi >= PHRASE_WORDS) return // never in practice (such a phrase then never matches)
      if (w.prefix) index!.shortest = Math.min(index!.shortest, w.text.length)
      if (w.prefix) index!.longest = Math.max(index!.longest, w.text.length)
      const map = w.prefix ? index!.stems : index!.exact
      const list = map.get(w.text)
      if (list) list.push(base[pi]! + wi)
      else map.set(w.text, [base[pi]! + wi])
    }),
  )
  indexes.set(phrases, index)
  return index
}

/**
 * For each phrase word a question word matches: the first such question word, in `index.first` (a stem matches a
 * word it starts, or whose merged letter swallowed the stem's last one: "beat*" matches "beac"). Returns the phrases
 * all of whose words matched, and `marked`: the phrase words set, to clear after reading.
 */
function firstMatches(words: readonly string[], index: PhraseIndex, phrases: readonly CompiledPhrase[], marked: number[]): number[] {
  const { first, matched, phraseOf } = index
  const full: number[] = []
  const mark = (list: readonly number[] | undefined, at: number) => {
    if (!list) return
    for (const key of list) {
      if (first[key] !== -1) continue
      first[key] = at
      marked.push(key)
      const pi = phraseOf[key]!
      if (++matched[pi]! === phrases[pi]!.words.length) full.push(pi)
    }
  }
  words.forEach((q, at) => {
    mark(index.exact.get(q), at)
    for (let k = index.shortest; k <= Math.min(q.length, index.longest); k++) {
      mark(index.stems.get(q.slice(0, k)), at)
      for (const letter of SWALLOWED[q[k - 1]!] ?? []) mark(index.stems.get(q.slice(0, k - 1) + letter), at)
    }
  })
  return full
}

/**
 * Articles whose situations the question describes, strongest first. `text` is `skeleton(question)`.
 * Pure: depends only on its arguments.
 */
export function matchConcepts(text: string, phrases: readonly CompiledPhrase[]): ConceptHit[] {
  const words = text.split(' ').filter(Boolean)
  if (words.length === 0) return []
  const index = indexOf(phrases)
  const marked: number[] = []
  try {
    return hitsOf(firstMatches(words, index, phrases, marked), index, phrases)
  } finally {
    for (const key of marked) {
      index.first[key] = -1
      index.matched[index.phraseOf[key]!] = 0
    }
  }
}

function hitsOf(full: number[], index: PhraseIndex, phrases: readonly CompiledPhrase[]): ConceptHit[] {
  // Phrases with every word found, in vocabulary order (the order decides which duplicate is reported).
  const candidates = full.sort((a, b) => a - b)
  const hits = new Map<string, { best: number; covered: Set<number>; seen: Set<string>; phrases: string[] }>()
  for (const pi of candidates) {
    const p = phrases[pi]!
    const at = p.words.map((_w, wi) => index.first[index.base[pi]! + wi]!)
    if (at.includes(-1)) continue
    const h = hits.get(p.id) ?? { best: 0, covered: new Set<number>(), seen: new Set<string>(), phrases: [] }
    hits.set(p.id, h)
    // The same folded words under two languages ("газ" in ru and ky) are one phrase.
    const key = p.words.map((w) => w.text).join(' ')
    if (h.seen.has(key)) continue
    h.seen.add(key)
    h.phrases.push(p.source)
    h.best = Math.max(h.best, p.words.length)
    for (const i of at) h.covered.add(i)
  }
  // Evidence is in question words: further phrases count only for the words the longest one leaves out
  // ("миграционка*" and "миграционк*" on one word are one piece of evidence).
  return [...hits.entries()]
    .map(([id, h]) => ({ id, strength: h.best + 0.5 * Math.max(0, h.covered.size - h.best), phrases: h.phrases }))
    .sort((a, b) => b.strength - a.strength || a.id.localeCompare(b.id))
}

/** All article ids the app knows (the vocabulary must not name others). */
export const KNOWN_ARTICLE_IDS: ReadonlySet<string> = new Set(ARTICLE_CATEGORIES.flatMap((c) => [...c.articleIds]))
