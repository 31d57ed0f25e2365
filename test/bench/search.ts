/**
 * Article search benchmark: index build time on the real articles and per-query latency over questions.jsonl.
 * Run: `npx tsx test/bench/search.ts` (or through the bench runner, which calls benchSearch()).
 */
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
}

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

  // Index build: a few rounds, report the median (the first one also warms the JIT).
  const builds: number[] = []
  let search: ArticleSearch | undefined
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
  const start = performance.now()
  for (let it = 0; it < iterations; it++) {
    for (const q of questions) {
      const t0 = performance.now()
      search!.search(q.q, q.lang)
      times.push(performance.now() - t0)
    }
  }
  const total = performance.now() - start
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

  const figures = { queries: times.length, p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)) }
  if (options.quiet) return figures
  console.log(`search bench: ${articles.length} articles loaded in ${ms(loadMs)}`)
  console.log(`search bench: index build median ${ms(percentile(builds, 50))} (min ${ms(builds[0]!)}, max ${ms(builds[builds.length - 1]!)}, 7 builds)`)
  console.log(
    `search bench: query latency over ${times.length} queries (${questions.length} questions × ${iterations}): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, p99 ${ms(percentile(times, 99))}, max ${ms(times[times.length - 1]!)}, ${Math.round(times.length / (total / 1000))} q/s`,
  )
  console.log(`search bench: 11 KB query p50 ${ms(percentile(longTimes, 50))}, p95 ${ms(percentile(longTimes, 95))}`)
  return figures
}

const round = (x: number) => Math.round(x * 1000) / 1000

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchSearch()
}
