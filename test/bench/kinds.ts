import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Bot } from 'grammy'
import { joldoshSide, peopleFrom } from './compare.js'
import { createFloorBot } from './floor-bot.js'
import { InstantTelegram } from './instant-telegram.js'
import { profiled } from './profile.js'
import { STEPS_PER_PERSON, stepsFor, updateFor } from './traffic.js'

/**
 * `npx tsx test/bench/kinds.ts`: CPU time per update for each of the bench's ten steps alone, Joldosh
 * and the floor on the same updates (N people are brought to the step, then the step is measured for
 * all of them; three rounds on other people, the median). For finding which kind of update costs what;
 * `--profile K` writes a CPU profile of step K alone to data/. Needs NODE_OPTIONS=--expose-gc.
 */
const { values } = parseArgs({ options: { people: { type: 'string' }, profile: { type: 'string' }, rounds: { type: 'string' } } })
const perRound = Number(values.people ?? 400)
const rounds = Number(values.rounds ?? 3)
const gc = () => (globalThis as { gc?: () => void }).gc?.()

const dir = mkdtempSync(join(tmpdir(), 'joldosh-kinds-'))
const joldosh = await joldoshSide(dir)
const floorTelegram = new InstantTelegram()
const floor = { bot: await createFloorBot(join(dir, 'floor.db'), floorTelegram), telegram: floorTelegram }

async function stepCpu(side: { bot: Bot<any>; telegram: InstantTelegram }, people: number[], step: number, profileTo?: string): Promise<number> {
  for (let s = 0; s < step; s++) for (const p of people) await side.bot.handleUpdate(updateFor(stepsFor(p)[s]!, 1_000_000 + p, side.telegram))
  const updates = people.map((p) => updateFor(stepsFor(p)[step]!, 1_000_000 + p, side.telegram))
  gc()
  const start = process.cpuUsage()
  const work = async () => {
    for (const u of updates) await side.bot.handleUpdate(u)
  }
  if (profileTo) await profiled(profileTo, work)
  else await work()
  const d = process.cpuUsage(start)
  return (d.user + d.system) / people.length
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
let first = 0
const rows: string[] = []
let sumJ = 0
let sumF = 0
// Warm-up, uncounted.
for (let s = 0; s < STEPS_PER_PERSON; s++) {
  await stepCpu(joldosh, peopleFrom(9_000_000 + s * 100, 50), s)
  await stepCpu(floor, peopleFrom(9_000_000 + s * 100, 50), s)
}
for (let s = 0; s < STEPS_PER_PERSON; s++) {
  const j: number[] = []
  const f: number[] = []
  for (let r = 0; r < rounds; r++) {
    j.push(await stepCpu(joldosh, peopleFrom(first, perRound), s))
    f.push(await stepCpu(floor, peopleFrom(first, perRound), s))
    first += perRound
  }
  const step = stepsFor(0)[s]!
  sumJ += median(j)
  sumF += median(f)
  rows.push(`${String(s).padStart(2)} ${step.kind.padEnd(9)} ${(step.text ?? step.data ?? '').slice(0, 22).padEnd(22)} ${median(j).toFixed(0).padStart(7)} µs ${median(f).toFixed(0).padStart(6)} µs  ×${(median(j) / median(f)).toFixed(1)}`)
}
console.log('step kind      update                  joldosh    floor')
for (const r of rows) console.log(r)
console.log(`mean of the steps: joldosh ${(sumJ / STEPS_PER_PERSON).toFixed(0)} µs, floor ${(sumF / STEPS_PER_PERSON).toFixed(0)} µs, ratio ${(sumF / sumJ).toFixed(3)}`)

if (values.profile !== undefined) {
  mkdirSync('data', { recursive: true })
  const file = join('data', `kind-${values.profile}-${Date.now()}.cpuprofile`)
  await stepCpu(joldosh, peopleFrom(first, perRound), Number(values.profile), file)
  console.log(`profile of step ${values.profile}: ${file}`)
}
