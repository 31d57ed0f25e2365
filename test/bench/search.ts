/**
 * Article search benchmark: index build time and memory on the real articles, per-query latency over
 * questions.jsonl (wall time, and CPU time, which a shared machine disturbs less), and SQLite statements run per
 * query (counted on better-sqlite3's Statement, so any database use by the search would show).
 * Run: `NODE_OPTIONS=--expose-gc npx tsx test/bench/search.ts` (or through the bench runner, which calls benchSearch()).
 */
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { loadArticles, type Language } from '../../src/content/articles.js'
import { ArticleSearch } from '../../src/search/article-search.js'
import { percentile } from './stats.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const LOCALES = join(HERE, '..', '..', 'locales')
const QUESTIONS = join(HERE, '..', 'search', 'questions.jsonl')

const ms = (x: number) => `${x.toFixed(3)} ms`

export interface SearchFigures {
  queries: number
  p50Ms: number
  p99Ms: number
  /** CPU time per query (process.cpuUsage), steadier than wall time on a shared machine. */
  cpuP50Ms: number
  cpuP99Ms: number
  statementsPerQuery: number
  /** Memory the index adds (after a GC when --expose-gc). */
  indexRssMb: number
  indexHeapMb: number
}

/** Counts every better-sqlite3 statement execution in this process. */
function countStatements(): { count: () => number } {
  const db = new Database(':memory:')
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>
  db.close()
  let n = 0
  for (const name of ['run', 'get', 'all', 'iterate']) {
    const original = proto[name]!
    proto[name] = function (this: unknown, ...args: unknown[]) {
      n++
      return original.apply(this, args)
    }
  }
  return { count: () => n }
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

export async function benchSearch(options: { quiet?: boolean } = {}): Promise<SearchFigures | undefined> {
  let t = performance.now()
  const articles = loadArticles(LOCALES)
  const loadMs = performance.now() - t
  if (articles.length === 0) {
    console.log('search bench: no articles under locales/*/articles — skipped')
    return undefined
  }
  const questions = readFileSync(QUESTIONS, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { lang: Language; q: string })

  // Memory of one index: what stays after a GC (only meaningful with --expose-gc).
  gc()
  const before = process.memoryUsage()
  let search: ArticleSearch | undefined = new ArticleSearch(articles)
  gc()
  const after = process.memoryUsage()
  const indexRssMb = mb(after.rss - before.rss)
  const indexHeapMb = mb(after.heapUsed - before.heapUsed)

  // Index build: a few rounds, report the median (the first one also warms the JIT).
  const builds: number[] = []
  for (let i = 0; i < 7; i++) {
    search?.close()
    t = performance.now()
    search = new ArticleSearch(articles)
    builds.push(performance.now() - t)
  }
  builds.sort((a, b) => a - b)

  // Warm-up, then many timed passes over the whole question set.
  for (const q of questions) search!.search(q.q, q.lang)
  const iterations = options.quiet ? 8 : 30
  const times: number[] = []
  const cpu: number[] = []
  const statements = countStatements()
  const start = performance.now()
  for (let it = 0; it < iterations; it++) {
    for (const q of questions) {
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      search!.search(q.q, q.lang)
      times.push(performance.now() - t0)
      const c = process.cpuUsage(c0)
      cpu.push((c.user + c.system) / 1000)
    }
  }
  const total = performance.now() - start
  const statementsPerQuery = round(statements.count() / times.length)
  times.sort((a, b) => a - b)

  const long = 'айлыгымды бербей жатат '.repeat(500)
  const longTimes: number[] = []
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now()
    search!.search(long, 'ky')
    longTimes.push(performance.now() - t0)
  }
  longTimes.sort((a, b) => a - b)
  search!.close()

  const figures: SearchFigures = {
    queries: times.length,
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    cpuP50Ms: round(percentile(cpu, 50)),
    cpuP99Ms: round(percentile(cpu, 99)),
    statementsPerQuery,
    indexRssMb,
    indexHeapMb,
  }
  if (options.quiet) return figures
  console.log(`search bench: ${articles.length} articles loaded in ${ms(loadMs)}`)
  console.log(`search bench: index build median ${ms(percentile(builds, 50))} (min ${ms(builds[0]!)}, max ${ms(builds[builds.length - 1]!)}, 7 builds)`)
  console.log(
    `search bench: query latency over ${times.length} queries (${questions.length} questions × ${iterations}): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, p99 ${ms(percentile(times, 99))}, max ${ms(times[times.length - 1]!)}, ${Math.round(times.length / (total / 1000))} q/s`,
  )
  console.log(`search bench: CPU time per query p50 ${ms(figures.cpuP50Ms)}, p99 ${ms(figures.cpuP99Ms)}; ${statementsPerQuery} SQLite statements per query`)
  console.log(`search bench: 11 KB query p50 ${ms(percentile(longTimes, 50))}, p95 ${ms(percentile(longTimes, 95))}`)
  console.log(`search bench: the index adds ${indexRssMb} MB RSS, ${indexHeapMb} MB heap${typeof (globalThis as { gc?: unknown }).gc === 'function' ? '' : ' (run with NODE_OPTIONS=--expose-gc for a steady figure)'}`)
  return figures
}

const round = (x: number) => Math.round(x * 1000) / 1000

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchSearch()
}
