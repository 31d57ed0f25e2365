import { AsyncLocalStorage } from 'node:async_hooks'
import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Bot } from 'grammy'
import type { Update } from 'grammy/types'
import { createBot } from '../../src/bot/index.js'
import { loadConfig } from '../../src/config.js'
import { loadContent } from '../../src/content/index.js'
import { openDatabase } from '../../src/db/client.js'
import { importCentresFromFile } from '../../src/db/support-centres.js'
import { createI18n } from '../../src/i18n.js'
import { createLogger } from '../../src/logger.js'
import { createFloorBot } from './floor-bot.js'
import { InstantTelegram } from './instant-telegram.js'
import { percentile } from './stats.js'
import { stepsFor, STEPS_PER_PERSON, updateFor, type UpdateKind } from './traffic.js'

export interface LatencyFigures {
  updates: number
  p50Ms: number
  p99Ms: number
  /** Updates the bot answered with no Bot API call at all. */
  unanswered: number
}

export interface BotFigures extends LatencyFigures {
  cpuSeconds: number
  updatesPerCpuSecond: number
  byKind: Record<string, { p50Ms: number; p99Ms: number }>
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since)
  return (d.user + d.system) / 1e6
}

const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.()

/** The Bot API calls of the update in progress, followed through every await (conversations included). */
const callsOfUpdate = new AsyncLocalStorage<{ calls: number }>()

export class Side {
  cpu = 0
  unanswered = 0
  times: number[] = []
  byKind = new Map<UpdateKind, number[]>()
  constructor(
    readonly bot: Bot<any>,
    readonly telegram: InstantTelegram,
    /** The bot's database file, for its size. */
    readonly dbPath: string,
  ) {
    telegram.onCall = () => {
      const update = callsOfUpdate.getStore()
      if (update) update.calls++
    }
  }

  /** Each step in turn for every person of the slice, as people's updates interleave in real traffic. */
  async runSlice(people: number[]): Promise<void> {
    // Collect the other side's garbage first (uncounted), so neither pays for the other's.
    collectGarbage()
    const cpuStart = process.cpuUsage()
    for (let s = 0; s < STEPS_PER_PERSON; s++) {
      for (const person of people) {
        const step = stepsFor(person)[s]!
        const update = updateFor(step, 1_000_000 + person, this.telegram)
        this.telegram.take()
        const t0 = performance.now()
        await this.bot.handleUpdate(update)
        const ms = performance.now() - t0
        if (this.telegram.take() === 0) this.unanswered++
        this.times.push(ms)
        let list = this.byKind.get(step.kind)
        if (!list) this.byKind.set(step.kind, (list = []))
        list.push(ms)
      }
    }
    this.cpu += cpuSeconds(cpuStart)
  }

  /**
   * The same traffic with `inFlight` updates handled at once, as the runner does (its sink starts the
   * next update when one finishes): the whole middleware stack, sequentialize included, so a person's
   * next update waits for their previous one. Time per update is from its start to its end.
   */
  async runConcurrently(people: number[], inFlight: number): Promise<LatencyFigures> {
    const queue: Update[] = []
    for (let s = 0; s < STEPS_PER_PERSON; s++) for (const person of people) queue.push(updateFor(stepsFor(person)[s]!, 1_000_000 + person, this.telegram))
    const times: number[] = []
    let unanswered = 0
    let next = 0
    collectGarbage()
    const worker = async () => {
      while (next < queue.length) {
        const update = queue[next++]!
        const counter = { calls: 0 }
        const t0 = performance.now()
        await callsOfUpdate.run(counter, () => this.bot.handleUpdate(update))
        times.push(performance.now() - t0)
        if (counter.calls === 0) unanswered++
      }
    }
    await Promise.all(Array.from({ length: inFlight }, worker))
    // Its promise hooks would slow every later update: on only while updates overlap.
    callsOfUpdate.disable()
    return { updates: times.length, p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)), unanswered }
  }

  /** The database file with its write-ahead log, in MB. */
  databaseMb(): number {
    const size = (f: string) => (existsSync(f) ? statSync(f).size : 0)
    return mb(size(this.dbPath) + size(`${this.dbPath}-wal`))
  }

  reset(): void {
    Object.assign(this, { cpu: 0, unanswered: 0, times: [], byKind: new Map() })
  }

  figures(): BotFigures {
    const byKind: BotFigures['byKind'] = {}
    for (const [kind, list] of this.byKind) byKind[kind] = { p50Ms: round(percentile(list, 50)), p99Ms: round(percentile(list, 99)) }
    return {
      updates: this.times.length,
      cpuSeconds: round(this.cpu),
      updatesPerCpuSecond: Math.round(this.times.length / this.cpu),
      p50Ms: round(percentile(this.times, 50)),
      p99Ms: round(percentile(this.times, 99)),
      unanswered: this.unanswered,
      byKind,
    }
  }
}

export const round = (x: number) => Math.round(x * 1000) / 1000
export const mb = (bytes: number) => Math.round(bytes / 1e5) / 10

/** Joldosh as main.ts builds it (silent logs), over a fresh database file in `dir`. */
export async function joldoshSide(dir: string, file = 'joldosh.db'): Promise<Side> {
  const telegram = new InstantTelegram()
  const dbPath = join(dir, file)
  const db = openDatabase(dbPath)
  importCentresFromFile(db, new Date())
  const deps = { config: { ...loadConfig({}), lawyersChatId: -1 }, db, i18n: await createI18n(), logger: createLogger(process.env.BENCH_LOG === 'error' ? 'error' : 'silent'), content: loadContent(), clock: () => new Date() }
  const bot = createBot(deps, 'bench', { botInfo: telegram.botInfo, client: { fetch: telegram.fetch as unknown as typeof fetch } })
  await bot.init()
  return new Side(bot, telegram, dbPath)
}

export interface Sides {
  dir: string
  joldosh: Side
  floor: Side
}

export async function createSides(): Promise<Sides> {
  const dir = mkdtempSync(join(tmpdir(), 'joldosh-bench-'))
  const floorTelegram = new InstantTelegram()
  const floorPath = join(dir, 'floor.db')
  return { dir, joldosh: await joldoshSide(dir), floor: new Side(await createFloorBot(floorPath, floorTelegram), floorTelegram, floorPath) }
}

/** People numbered from `first`, `count` of them. */
export const peopleFrom = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i)

/**
 * Joldosh and the floor over the same people and updates, in slices that alternate which bot goes
 * first, so a neighbour's load on the shared machine falls on both alike. CPU time, not wall time.
 */
export async function compareWithFloor(sides: Sides, people: number, sliceSize: number): Promise<{ joldosh: BotFigures; floor: BotFigures; ratio: number }> {
  // A short warm-up on other people, not counted, so the JIT has seen every path on both sides.
  const warm = peopleFrom(900_000, 20)
  await sides.joldosh.runSlice(warm)
  await sides.floor.runSlice(warm)
  sides.joldosh.reset()
  sides.floor.reset()

  for (let first = 0, slice = 0; first < people; first += sliceSize, slice++) {
    const group = peopleFrom(first, Math.min(sliceSize, people - first))
    const order = slice % 2 === 0 ? [sides.joldosh, sides.floor] : [sides.floor, sides.joldosh]
    for (const side of order) await side.runSlice(group)
  }
  const j = sides.joldosh.figures()
  const f = sides.floor.figures()
  return { joldosh: j, floor: f, ratio: round(j.updatesPerCpuSecond / f.updatesPerCpuSecond) }
}
