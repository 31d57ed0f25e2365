/**
 * Ask the article search from the shell.
 *
 *   npm run --silent ask -- --lang ky "айлыгымды бербей жатат"
 *   npm run --silent ask -- --batch < questions.jsonl      # lines of {"lang":"ky","q":"…"}
 *   npm run --silent ask -- --explain "муж бьёт"            # + how each score came about
 *
 * Prints one JSON line per question: {"results":[{"id","title","score"},…]}, best first, and with --explain
 * "concepts":[{"id","strength","phrases"}] (situation phrases matched, concepts.ts) and "ranking":[{"id","lang",
 * "score","bm25":{"title":{"trigram","word"},"keywords":…,"body":…},"languageBoost","coverage","concept"}] (the
 * in-memory scores behind each result). Nothing else goes to stdout; problems go to stderr (exit code 2 for bad
 * usage).
 */
import { createInterface } from 'node:readline'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LANGUAGES, loadArticles, type Language } from '../content/articles.js'
import { ArticleSearch, type RankingExplanation, type SearchResult } from '../search/article-search.js'

const LOCALES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../locales')
const DEFAULT_LANG: Language = 'ru'

interface Args {
  lang: Language
  batch: boolean
  explain: boolean
  limit: number
  question: string
}

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: ask [--lang ky|ru|uz|tg|en] [--limit N] [--explain] "question"\n       ask --batch [--limit N] [--explain] < lines of {"lang","q"}\n`,
  )
  process.exit(2)
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

function parseArgs(argv: string[]): Args {
  const args: Args = { lang: DEFAULT_LANG, batch: false, explain: false, limit: 3, question: '' }
  const words: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--batch') args.batch = true
    else if (a === '--explain') args.explain = true
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]
      if (!isLanguage(v)) usage(`unknown language: ${String(v)}`)
      args.lang = v
    } else if (a === '--limit' || a.startsWith('--limit=')) {
      const v = Number(a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i])
      if (!Number.isInteger(v) || v < 1 || v > 50) usage('--limit must be 1..50')
      args.limit = v
    } else if (a === '--') continue
    else words.push(a)
  }
  args.question = words.join(' ')
  if (!args.batch && !args.question.trim()) usage('no question given')
  return args
}

interface Why {
  concepts: ReturnType<ArticleSearch['explain']>
  ranking: RankingExplanation[]
}

function line(results: SearchResult[], why?: Why): string {
  return `${JSON.stringify(why ? { results, ...why } : { results })}\n`
}

function explain(search: ArticleSearch, question: string, lang: Language, limit: number): Why {
  return { concepts: search.explain(question), ranking: search.explainRanking(question, lang, limit) }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const search = new ArticleSearch(loadArticles(LOCALES_DIR))
  if (!args.batch) {
    const why = args.explain ? explain(search, args.question, args.lang, args.limit) : undefined
    process.stdout.write(line(search.search(args.question, args.lang, args.limit), why))
    return
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity })
  let n = 0
  for await (const raw of rl) {
    n++
    if (!raw.trim()) continue
    let results: SearchResult[] = []
    let why: Why | undefined = args.explain ? { concepts: [], ranking: [] } : undefined
    try {
      const item = JSON.parse(raw) as { lang?: unknown; q?: unknown }
      const lang = isLanguage(item.lang) ? item.lang : DEFAULT_LANG
      results = typeof item.q === 'string' ? search.search(item.q, lang, args.limit) : []
      if (why && typeof item.q === 'string') why = explain(search, item.q, lang, args.limit)
    } catch (err) {
      process.stderr.write(`line ${n}: ${(err as Error).message}\n`)
    }
    process.stdout.write(line(results, why))
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
