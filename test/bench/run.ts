import { parseArgs } from 'node:util'
import { compareWithFloor } from './compare.js'
import { benchSearch } from './search.js'

/**
 * `npm run bench`: Joldosh against a floor bot (plain grammY + a SQLite session) in one run, plus
 * article search alone. Prints one JSON object, then a short table. `-- --full` runs the issue's
 * 2,000 people (20,000 updates); `-- --people N` any other size. Timing is printed, never asserted.
 */
const { values } = parseArgs({ options: { full: { type: 'boolean' }, people: { type: 'string' }, slice: { type: 'string' } } })
const people = values.full ? 2000 : Number(values.people ?? 300)
const slice = Number(values.slice ?? 50)

const search = await benchSearch({ quiet: true })
const comparison = await compareWithFloor(people, slice)
const result = { people, gcBetweenSlices: typeof (globalThis as { gc?: unknown }).gc === 'function', ...comparison, search, node: process.version, at: new Date().toISOString() }
console.log(JSON.stringify(result))

const row = (name: string, j: string | number, f: string | number) => console.log(`${name.padEnd(28)}${String(j).padStart(18)}${String(f).padStart(16)}`)
console.log()
row('', 'joldosh', 'floor')
row('updates', result.joldosh.updates, result.floor.updates)
row('upd/s per CPU-second', result.joldosh.updatesPerCpuSecond, result.floor.updatesPerCpuSecond)
row('p50 / p99 ms, sequential', `${result.joldosh.p50Ms} / ${result.joldosh.p99Ms}`, `${result.floor.p50Ms} / ${result.floor.p99Ms}`)
row('unanswered updates', result.joldosh.unanswered, result.floor.unanswered)
for (const [kind, k] of Object.entries(result.joldosh.byKind)) row(`  ${kind} p50 / p99 ms`, `${k.p50Ms} / ${k.p99Ms}`, '')
console.log(`ratio joldosh / floor: ${result.ratio}`)
if (search) console.log(`search alone: p50 ${search.p50Ms} ms, p99 ${search.p99Ms} ms over ${search.queries} queries`)
console.log(`RSS: ${result.rssMb.start} MB after start, ${result.rssMb.end} MB at the end`)
