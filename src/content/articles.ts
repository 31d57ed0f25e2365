/**
 * "Know your rights" articles: `locales/<lang>/articles/<id>.md`, YAML front matter + Telegram-HTML body
 * (see "How the NGO edits or adds an article" in README.md). Pure Node: no grammY, no database.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parse as parseYaml } from 'yaml'

import { LANGUAGES, type Language } from '../config.js'

export { LANGUAGES, type Language }

export const ARTICLE_CATEGORIES = [
  {
    id: 'documents',
    articleIds: [
      'registration',
      'migration-card',
      'stay-periods',
      'controlled-persons',
      'amina-app',
      'entry-ban',
      'lost-passport',
    ],
  },
  {
    id: 'work',
    articleIds: [
      'eaeu-workers',
      'patent',
      'employment-contract',
      'unpaid-wages',
      'passport-withheld',
      'work-injury',
      'forced-labour',
    ],
  },
  { id: 'police', articleIds: ['police-check', 'detention', 'expulsion'] },
  {
    id: 'life',
    articleIds: ['health-care', 'children-school', 'pension-eaeu', 'housing', 'discrimination-violence'],
  },
  {
    id: 'family',
    articleIds: [
      'benefit-family-support',
      'benefit-birth-grant',
      'benefit-young-children',
      'benefit-disability',
      'benefit-maternity',
      'pension-kg',
      'children-left-behind',
    ],
  },
  { id: 'help', articleIds: ['consulate', 'hotlines', 'legal-aid'] },
] as const

export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number]['id']
export type ArticleStatus = 'changed' | 'disputed'

export interface Article {
  id: string
  lang: Language
  title: string
  category: ArticleCategory
  keywords: string[]
  /** Sources as shown to the reader (the `[FACT-ID, …]` tags that end a source in the file are cut off). */
  sources: string[]
  /** Fact ids (`REG-1` in ../shared/reference) the body states, from the front matter `facts:`. */
  facts?: string[]
  /** Fact ids named by the sources' `[…]` tags: which facts each listed source backs. */
  sourceFacts?: string[]
  /** YYYY-MM-DD: when a person last checked the article against the reference. */
  checked: string
  /** YYYY-MM: the date the article's sources are as of (the newest stored source behind its facts). */
  sourcesAsOf?: string
  status?: ArticleStatus
  /**
   * Front matter `changed:`: what changed in this edit, in the article's language, one line. When the
   * article's text changes with this note, the admins get a draft alert for its topic's subscribers.
   */
  changedNote?: string
  /** Telegram-HTML body, trimmed. */
  body: string
}

const CATEGORY_IDS: readonly string[] = ARTICLE_CATEGORIES.map((c) => c.id)
const STATUSES: readonly string[] = ['changed', 'disputed']
/** A fact id of ../shared/reference: `REG-1` (Russian law) or `S02` (a Kyrgyz benefits source). */
const FACT_ID = /^(?:[A-Z]{2,3}-\d{1,2}|S\d{2,3})$/
/** The tag that ends a source naming the facts it backs: `"… (MVD, 2022) [REG-1, REG-2]"`. */
const SOURCE_FACTS = /\s*\[((?:[A-Z]{2,3}-\d{1,2}|S\d{2,3})(?:,\s*(?:[A-Z]{2,3}-\d{1,2}|S\d{2,3}))*)\]$/
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/

function isCategory(value: string): value is ArticleCategory {
  return CATEGORY_IDS.includes(value)
}

function isValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

function stringList(value: unknown, field: string, fail: (msg: string) => never): string[] {
  if (value === undefined || value === null) fail(`missing field "${field}"`)
  if (!Array.isArray(value)) fail(`"${field}" must be a list`)
  const out: string[] = []
  for (const item of value as unknown[]) {
    if (item === null || item === undefined || typeof item === 'object') fail(`"${field}" has an empty or non-text item`)
    const text = String(item).trim()
    if (text) out.push(text)
  }
  return out
}

/** Parses one article file's text. `file` is only used in error messages; id and lang come from the caller. */
export function parseArticle(text: string, file: string, id: string, lang: Language): Article {
  const fail = (msg: string): never => {
    throw new Error(`${file}: ${msg}`)
  }
  const m = FRONT_MATTER.exec(text)
  if (!m) fail('missing YAML front matter (--- … ---)')
  let meta: unknown
  try {
    meta = parseYaml(m![1] ?? '')
  } catch (err) {
    fail(`invalid YAML front matter: ${(err as Error).message}`)
  }
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) fail('front matter must be a mapping')
  const fm = meta as Record<string, unknown>

  const title = typeof fm.title === 'string' || typeof fm.title === 'number' ? String(fm.title).trim() : ''
  if (!title) fail('missing field "title"')

  if (fm.category === undefined || fm.category === null || fm.category === '') fail('missing field "category"')
  const category = String(fm.category).trim()
  if (!isCategory(category)) fail(`unknown category "${category}" (expected one of ${CATEGORY_IDS.join(', ')})`)

  const keywords = stringList(fm.keywords, 'keywords', fail)
  const taggedSources = stringList(fm.sources, 'sources', fail)
  if (taggedSources.length === 0) fail('missing field "sources" (empty list)')
  const sourceFacts: string[] = []
  const sources = taggedSources.map((src) => {
    const tag = SOURCE_FACTS.exec(src)
    if (!tag) return src
    sourceFacts.push(...tag[1]!.split(',').map((id) => id.trim()))
    return src.slice(0, tag.index).trim()
  })
  const facts = fm.facts === undefined ? undefined : stringList(fm.facts, 'facts', fail)
  const badFact = facts?.find((id) => !FACT_ID.test(id))
  if (badFact) fail(`bad fact id in "facts": "${badFact}" (expected like REG-1 or S02)`)

  let checked: string
  if (fm.checked instanceof Date) {
    checked = Number.isNaN(fm.checked.getTime()) ? '' : fm.checked.toISOString().slice(0, 10)
  } else if (typeof fm.checked === 'string') {
    checked = fm.checked.trim()
  } else if (fm.checked === undefined || fm.checked === null) {
    return fail('missing field "checked"')
  } else {
    checked = String(fm.checked)
  }
  if (!isValidDate(checked)) fail(`bad date in "checked": "${checked}" (expected YYYY-MM-DD)`)

  const asOf = fm.sources_as_of instanceof Date ? fm.sources_as_of.toISOString().slice(0, 7) : String(fm.sources_as_of ?? '').trim()
  if (asOf && !/^\d{4}-(0[1-9]|1[0-2])$/.test(asOf)) fail(`bad date in "sources_as_of": "${asOf}" (expected YYYY-MM)`)
  if (asOf && asOf > checked.slice(0, 7)) fail(`"sources_as_of" ${asOf} is after "checked" ${checked}`)

  let status: ArticleStatus | undefined
  if (fm.status !== undefined && fm.status !== null && fm.status !== '') {
    const s = String(fm.status).trim()
    if (!STATUSES.includes(s)) fail(`unknown status "${s}" (expected changed or disputed)`)
    status = s as ArticleStatus
  }

  const body = (m![2] ?? '').trim()
  if (!body) fail('empty body')

  const changedNote = typeof fm.changed === 'string' ? fm.changed.trim() : undefined
  if (fm.changed !== undefined && fm.changed !== null && !changedNote) fail('"changed" must be a one-line note of what changed')

  const article: Article = {
    id,
    lang,
    title,
    category: category as ArticleCategory,
    keywords,
    sources,
    sourceFacts,
    checked,
    body,
  }
  if (facts) article.facts = facts
  if (asOf) article.sourcesAsOf = asOf
  if (status) article.status = status
  if (changedNote) article.changedNote = changedNote
  return article
}

/**
 * Reads every `<dir>/<lang>/articles/*.md` for the five languages. A missing language folder is skipped.
 * Throws an Error naming the file on an unknown category, a missing field or a bad date.
 * Sorted by language (LANGUAGES order), then category order, then id.
 */
export function loadArticles(dir = 'locales'): Article[] {
  const order = new Map<string, number>()
  ARTICLE_CATEGORIES.forEach((c, ci) => c.articleIds.forEach((id, i) => order.set(id, ci * 100 + i)))
  const out: Article[] = []
  for (const lang of LANGUAGES) {
    const folder = join(dir, lang, 'articles')
    if (!existsSync(folder)) continue
    const files = readdirSync(folder)
      .filter((f) => f.endsWith('.md'))
      .sort()
    for (const f of files) {
      const file = join(folder, f)
      out.push(parseArticle(readFileSync(file, 'utf8'), file, basename(f, '.md'), lang))
    }
  }
  const langIndex = (l: Language) => LANGUAGES.indexOf(l)
  return out.sort(
    (a, b) =>
      langIndex(a.lang) - langIndex(b.lang) ||
      (order.get(a.id) ?? 9999) - (order.get(b.id) ?? 9999) ||
      a.id.localeCompare(b.id),
  )
}
