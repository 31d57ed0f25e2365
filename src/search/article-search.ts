/**
 * Article search: one SQLite FTS5 index (its own `:memory:` database, rebuilt at every start — derived data)
 * over the title, keywords and body of every article in every language.
 *
 * Both the index and the query go through `skeleton()` (see normalise.ts): a canonical Latin spelling, so Latin-typed
 * Russian, Uzbek Cyrillic/Latin, Tajik and Kyrgyz without their special letters all meet the article text.
 * The FTS5 `trigram` tokenizer indexes every 3-letter substring; a query word becomes the OR of its trigrams, so
 * word endings (Kyrgyz/Uzbek/Tajik suffixes, Russian inflection) and typos cost only a few trigrams instead of
 * the whole word. bm25 weights favour the title and the keywords. Users' text never reaches MATCH raw: the query is
 * rebuilt from [a-z0-9] trigrams, each one double-quoted.
 */
import Database from 'better-sqlite3'
import type { Article, Language } from '../content/articles.js'
import { skeleton, stripHtml } from './normalise.js'

export interface SearchResult {
  id: string
  /** Title in the user's language (falls back to Russian, then any language that has the article). */
  title: string
  /** Higher is better; only comparable within one query. */
  score: number
}

export interface ArticleSearchOptions {
  /** bm25 column weights: title, keywords, body. */
  weights?: readonly [number, number, number]
  /** Score multiplier for rows in the user's language. */
  userLanguageBoost?: number
  /** Results scoring below this share of the best result are dropped (0 keeps everything). */
  relativeCutoff?: number
}

/** Raw input beyond this is ignored: real questions are short; this keeps 10 KB pastes cheap. */
export const MAX_QUERY_CHARS = 400
/** Distinct words / trigram terms put into one MATCH expression. */
const MAX_WORDS = 24
const MAX_TERMS = 160

/**
 * Words so common in questions that their trigrams only add noise ("what to do", "how", "where", "my", …),
 * written as people type them and folded with `skeleton()`. Only dropped when the query has other words.
 */
const STOPWORDS = new Set(
  [
    // en
    'the a an to of in on at for is are was were be been i me my we our you your he she it they them his her',
    'what how where when who why which do does did can could should would will have has had not no and or but',
    'if with from by this that there get got please help hello hi',
    // ru
    'что чё че как где когда куда почему или и в во на с со по за от до из у к не ни да нет мне меня мой моя моё мои',
    'я ты он она они мы вы это этот эта если ли бы же то так вот при для про надо можно нужно',
    'делать сделать помогите пожалуйста подскажите скажите здравствуйте привет салам',
    // ky
    'эмне кантип кайда качан ким мен сен ал биз силер сиз алар менин мага болобу болот керек керекпи эмнеге',
    'жана менен үчүн деп да де эле бул ошол го ба беле',
    // uz
    'nima qanday qayerda qachon kim men sen u biz siz ular mening menga bilan uchun va ham bu',
    'kerak kerakmi mumkin mumkinmi qilsa qilaman nega',
    'нима қандай қаерда қачон мен менга билан учун ва ҳам бу керак керакми мумкин мумкинми',
    // tg
    'чи чӣ чиро кучо куҷо кай ки ман ту вай мо шумо онҳо ба дар аз ва ҳам ин он бо барои аст кунам мешавад',
    'chi kujo kucho man ba dar az va ham in on bo baroi ast kunam meshavad',
  ]
    .join(' ')
    .split(/\s+/)
    .map((w) => skeleton(w))
    .filter(Boolean),
)

interface Row {
  id: string
  lang: string
  rank: number
}

function trigrams(word: string): string[] {
  const out: string[] = []
  for (let i = 0; i + 3 <= word.length; i++) out.push(word.slice(i, i + 3))
  return out
}

/** Turns free text into a safe FTS5 MATCH expression, or null when nothing searchable is left. */
export function buildMatchQuery(query: string): string | null {
  const text = skeleton(query.slice(0, MAX_QUERY_CHARS))
  if (!text) return null
  const words = [...new Set(text.split(' ').filter(Boolean))].slice(0, MAX_WORDS)
  const content = words.filter((w) => !STOPWORDS.has(w))
  const used = content.length > 0 ? content : words
  const terms = new Set<string>()
  for (const w of used) {
    if (w.length >= 3) {
      for (const t of trigrams(w)) terms.add(t)
    } else {
      // Short words ("90", "kg", "3") only as whole words: " 90 " spans two trigrams with the spaces.
      terms.add(` ${w} `)
    }
  }
  const list = [...terms].filter((t) => /^[a-z0-9 ]+$/.test(t) && t.length >= 3).slice(0, MAX_TERMS)
  if (list.length === 0) return null
  return list.map((t) => `"${t}"`).join(' OR ')
}

export class ArticleSearch {
  private readonly db: Database.Database
  private readonly stmt: Database.Statement<[string], Row>
  private readonly titles = new Map<string, Map<string, string>>()
  private readonly weights: readonly [number, number, number]
  private readonly boost: number
  private readonly cutoff: number

  constructor(articles: readonly Article[], options: ArticleSearchOptions = {}) {
    this.weights = options.weights ?? [6, 4, 1]
    this.boost = options.userLanguageBoost ?? 1.25
    this.cutoff = options.relativeCutoff ?? 0
    this.db = new Database(':memory:')
    this.db.exec(
      `CREATE VIRTUAL TABLE doc USING fts5(title, keywords, body, id UNINDEXED, lang UNINDEXED, tokenize = 'trigram')`,
    )
    const insert = this.db.prepare('INSERT INTO doc (title, keywords, body, id, lang) VALUES (?, ?, ?, ?, ?)')
    this.db.transaction(() => {
      for (const a of articles) {
        // " | " keeps keywords apart: no trigram spans two keywords' letters without a space in it.
        insert.run(
          ` ${skeleton(a.title)} `,
          ` ${a.keywords.map((k) => skeleton(k)).join(' | ')} `,
          ` ${skeleton(stripHtml(a.body))} `,
          a.id,
          a.lang,
        )
        let byLang = this.titles.get(a.id)
        if (!byLang) this.titles.set(a.id, (byLang = new Map()))
        byLang.set(a.lang, a.title)
      }
    })()
    const [wt, wk, wb] = this.weights
    this.stmt = this.db.prepare<[string], Row>(
      `SELECT id, lang, bm25(doc, ${Number(wt)}, ${Number(wk)}, ${Number(wb)}) AS rank
       FROM doc WHERE doc MATCH ? ORDER BY rank LIMIT 400`,
    )
  }

  /** Number of indexed (article, language) rows. */
  get size(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM doc').get() as { n: number }).n
  }

  /** Best articles for a question, one entry per article id, best first. Never throws on user input. */
  search(query: string, lang: Language, limit = 3): SearchResult[] {
    if (typeof query !== 'string' || !(limit > 0)) return []
    let match: string | null
    let rows: Row[]
    try {
      match = buildMatchQuery(query)
      if (!match) return []
      rows = this.stmt.all(match)
    } catch {
      return []
    }
    const best = new Map<string, number>()
    for (const r of rows) {
      const score = -r.rank * (r.lang === lang ? this.boost : 1)
      if (score > (best.get(r.id) ?? 0)) best.set(r.id, score)
    }
    const sorted = [...best.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    const top = sorted[0]?.[1] ?? 0
    return sorted
      .filter(([, s]) => s > 0 && s >= top * this.cutoff)
      .slice(0, Math.floor(limit))
      .map(([id, score]) => ({ id, title: this.titleFor(id, lang), score: Math.round(score * 1000) / 1000 }))
  }

  close(): void {
    this.db.close()
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
