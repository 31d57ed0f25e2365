import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { compareWithFloor, createSides, mb, peopleFrom, joldoshSide } from './compare.js'
import { profiled } from './profile.js'
import { benchSearch } from './search.js'
import { updateFor } from './traffic.js'

/**
 * `npm run bench`: Joldosh against a floor bot (plain grammY + a SQLite session) in one run, then the
 * same traffic 50 updates at once, memory after 10,000 people, the database size and article search
 * alone. Prints one JSON object, then a short table. `-- --full` runs the 2,000 people
 * (20,000 updates); `-- --people N` any other size; `-- --profile` also writes a CPU profile of
 * Joldosh alone and prints its top functions by self time. Timing is printed, never asserted.
 */
const { values } = parseArgs({
  options: { full: { type: 'boolean' }, people: { type: 'string' }, slice: { type: 'string' }, users: { type: 'string' }, profile: { type: 'boolean' } },
})
const people = values.full ? 2000 : Number(values.people ?? 300)
const slice = Number(values.slice ?? 50)
const manyUsers = Number(values.users ?? 10_000)
const IN_FLIGHT = 50

const began = performance.now()
type Gc = (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void
/**
 * What the process holds: RSS after V8's memory-releasing collection (the one it runs when memory is
 * short), and as it stood before it, with the heap V8 grew under load and had not yet given back.
 */
const memory = () => {
  const rssUnderLoad = process.memoryUsage().rss
  ;(globalThis as { gc?: Gc }).gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' })
  const m = process.memoryUsage()
  return { rssMb: mb(m.rss), rssBeforeGcMb: mb(rssUnderLoad), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external + m.arrayBuffers) }
}

const beforeBots = memory()
const sides = await createSides()
const afterStart = memory()

const comparison = await compareWithFloor(sides, people, slice)

// Memory after many people: each of `manyUsers` new people sends /start (one user row, session, limiter key each).
const manyStarted = performance.now()
for (const person of peopleFrom(2_000_000, manyUsers)) await sides.joldosh.bot.handleUpdate(updateFor({ kind: 'start', text: '/start' }, person, sides.joldosh.telegram))
const afterUsers = { users: manyUsers, seconds: Math.round(performance.now() - manyStarted) / 1000, ...memory() }

let profile: { file: string; people: number; top: unknown[] } | undefined
if (values.profile) {
  // A fresh Joldosh (same code), so the profile holds its work alone and the timed figures above carry no profiler cost.
  mkdirSync('data', { recursive: true })
  const file = join('data', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`)
  const side = await joldoshSide(sides.dir, 'profiled.db')
  const group = peopleFrom(3_000_000, Math.min(people, 300))
  await side.runSlice(peopleFrom(3_900_000, 20))
  const { top } = await profiled(file, () => side.runSlice(group))
  profile = { file, people: group.length, top }
}

// 50 at once, on people neither bot has seen: each bot in turn over the same updates. Last of the
// bot figures: counting calls per overlapping update takes async hooks, which leave the process
// holding more memory and paying for every promise after.
const concurrentPeople = peopleFrom(500_000, Math.max(IN_FLIGHT, Math.min(people, 200)))
const concurrent = {
  inFlight: IN_FLIGHT,
  joldosh: await sides.joldosh.runConcurrently(concurrentPeople, IN_FLIGHT),
  floor: await sides.floor.runConcurrently(concurrentPeople, IN_FLIGHT),
}

const search = await benchSearch({ quiet: true })

const result = {
  people,
  gcBetweenSlices: typeof (globalThis as { gc?: unknown }).gc === 'function',
  ...comparison,
  concurrent,
  memory: { beforeBots, afterStart, afterUsers },
  databaseMb: sides.joldosh.databaseMb(),
  search,
  seconds: Math.round(performance.now() - began) / 1000,
  node: process.version,
  at: new Date().toISOString(),
  ...(profile ? { profile } : {}),
}
console.log(JSON.stringify(result))

const row = (name: string, j: string | number, f: string | number) => console.log(`${name.padEnd(30)}${String(j).padStart(18)}${String(f).padStart(16)}`)
console.log()
row('', 'joldosh', 'floor')
row('updates', result.joldosh.updates, result.floor.updates)
row('upd/s per CPU-second', result.joldosh.updatesPerCpuSecond, result.floor.updatesPerCpuSecond)
row('p50 / p99 ms, sequential', `${result.joldosh.p50Ms} / ${result.joldosh.p99Ms}`, `${result.floor.p50Ms} / ${result.floor.p99Ms}`)
row(`p50 / p99 ms, ${IN_FLIGHT} at once`, `${concurrent.joldosh.p50Ms} / ${concurrent.joldosh.p99Ms}`, `${concurrent.floor.p50Ms} / ${concurrent.floor.p99Ms}`)
row('unanswered updates', result.joldosh.unanswered + concurrent.joldosh.unanswered, result.floor.unanswered + concurrent.floor.unanswered)
for (const [kind, k] of Object.entries(result.joldosh.byKind)) row(`  ${kind} p50 / p99 ms`, `${k.p50Ms} / ${k.p99Ms}`, '')
console.log(`ratio joldosh / floor: ${result.ratio}`)
if (search) console.log(`search alone: p50 ${search.p50Ms} ms, p99 ${search.p99Ms} ms over ${search.queries} queries`)
console.log(
  `RSS: ${beforeBots.rssMb} MB before the bots, ${afterStart.rssMb} MB after start, ${afterUsers.rssMb} MB after ${manyUsers} people (${afterUsers.rssBeforeGcMb} MB before a full GC; heap ${afterUsers.heapUsedMb} MB used of ${afterUsers.heapTotalMb})`,
)
console.log(`database: ${result.databaseMb} MB; whole run ${result.seconds} s`)
if (profile) {
  console.log(`\nCPU profile of Joldosh alone (${profile.people} people): ${profile.file}; top functions by self time:`)
  for (const f of profile.top as { function: string; file: string; selfMs: number; selfPercent: number }[]) {
    console.log(`${String(f.selfPercent).padStart(6)} %${String(f.selfMs).padStart(9)} ms  ${f.function}  ${f.file}`)
  }
}

