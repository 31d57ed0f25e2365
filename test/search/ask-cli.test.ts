/** `npm run ask`: the command-line view of the search, used to check questions by hand (README "Search"). */
import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const CLI = join(ROOT, 'src/cli/ask.ts')
const run = promisify(execFile)

async function ask(args: string[], input?: string): Promise<unknown[]> {
  const child = run(TSX, [CLI, ...args], { cwd: ROOT, env: { ...process.env, LANG: 'C.UTF-8' } })
  if (input !== undefined) {
    child.child.stdin!.end(input)
  }
  const { stdout } = await child
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown)
}

describe('npm run ask', () => {
  it('--explain shows which situation phrases brought an article', async () => {
    const [out] = (await ask(['--lang', 'ru', '--explain', 'муж бьёт меня'])) as {
      results: { id: string }[]
      concepts: { id: string; phrases: string[] }[]
    }[]
    expect(out!.results[0]!.id).toBe('discrimination-violence')
    expect(out!.concepts[0]).toMatchObject({ id: 'discrimination-violence' })
    expect(out!.concepts[0]!.phrases).toContain('муж бьёт')
  }, 30_000)

  it('--explain shows how each result scored, from the in-memory ranking', async () => {
    const [out] = (await ask(['--lang', 'ky', '--explain', 'кожоюн паспортумду бербей жатат'])) as {
      results: { id: string; score: number }[]
      ranking: { id: string; lang: string; score: number; bm25: { keywords: { trigram: number } }; concept: number }[]
    }[]
    expect(out!.ranking.map((r) => [r.id, r.score])).toEqual(out!.results.map((r) => [r.id, r.score]))
    expect(out!.ranking[0]).toMatchObject({ id: 'passport-withheld', lang: 'ky', languageBoost: 1.25 })
    expect(out!.ranking[0]!.bm25.keywords.trigram).toBeGreaterThan(0)
    expect(out!.ranking[0]!.concept).toBeGreaterThan(0)
  }, 30_000)

  it('--batch answers every line, a bad line with no results, and adds concepts only with --explain', async () => {
    const input = '{"lang":"tg","q":"шавхарам мезанад"}\nnot json\n'
    const plain = (await ask(['--batch'], input)) as { results: { id: string }[]; concepts?: unknown }[]
    expect(plain).toHaveLength(2)
    expect(plain[0]!.results[0]!.id).toBe('discrimination-violence')
    expect(plain[0]!.concepts).toBeUndefined()
    expect(plain[1]).toEqual({ results: [] })
    const explained = (await ask(['--batch', '--explain'], input)) as { concepts: { id: string }[] }[]
    expect(explained[0]!.concepts.map((c) => c.id)).toContain('discrimination-violence')
    expect(explained[1]!.concepts).toEqual([])
  }, 30_000)
})
