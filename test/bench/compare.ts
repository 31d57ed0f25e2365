import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Bot } from 'grammy'
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

export interface BotFigures {
  updates: number
  cpuSeconds: number
  updatesPerCpuSecond: number
  p50Ms: number
  p99Ms: number
  /** Updates the bot answered with no Bot API call at all. */
  unanswered: number
  byKind: Record<string, { p50Ms: number; p99Ms: number }>
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since)
  return (d.user + d.system) / 1e6
}

class Side {
  cpu = 0
  unanswered = 0
  times: number[] = []
  byKind = new Map<UpdateKind, number[]>()
  constructor(
    readonly bot: Bot<any>,
    readonly telegram: InstantTelegram,
  ) {}

  /** Each step in turn for every person of the slice, as people's updates interleave in real traffic. */
  async runSlice(people: number[]): Promise<void> {
    // Collect the other side's garbage first (uncounted), so neither pays for the other's.
    ;(globalThis as { gc?: () => void }).gc?.()
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

const round = (x: number) => Math.round(x * 1000) / 1000

async function joldosh(dir: string): Promise<Side> {
  const telegram = new InstantTelegram()
  const db = openDatabase(join(dir, 'joldosh.db'))
  importCentresFromFile(db, new Date())
  const deps = { config: { ...loadConfig({}), lawyersChatId: -1 }, db, i18n: await createI18n(), logger: createLogger(process.env.BENCH_LOG === 'error' ? 'error' : 'silent'), content: loadContent(), clock: () => new Date() }
  const bot = createBot(deps, 'bench', { botInfo: telegram.botInfo, client: { fetch: telegram.fetch as unknown as typeof fetch } })
  await bot.init()
  return new Side(bot, telegram)
}

/**
 * Joldosh and the floor over the same people and updates, in slices that alternate which bot goes
 * first, so a neighbour's load on the shared machine falls on both alike. CPU time, not wall time.
 */
export async function compareWithFloor(people: number, sliceSize: number): Promise<{ joldosh: BotFigures; floor: BotFigures; ratio: number; rssMb: { start: number; end: number } }> {
  const dir = mkdtempSync(join(tmpdir(), 'joldosh-bench-'))
  const floorTelegram = new InstantTelegram()
  const sides = { joldosh: await joldosh(dir), floor: new Side(await createFloorBot(join(dir, 'floor.db'), floorTelegram), floorTelegram) }
  const rssStart = process.memoryUsage().rss
  // A short warm-up on other people, not counted, so the JIT has seen every path on both sides.
  const warm = Array.from({ length: 20 }, (_, i) => 900_000 + i)
  await sides.joldosh.runSlice(warm)
  await sides.floor.runSlice(warm)
  for (const side of Object.values(sides)) Object.assign(side, { cpu: 0, unanswered: 0, times: [], byKind: new Map() })

  for (let first = 0, slice = 0; first < people; first += sliceSize, slice++) {
    const group = Array.from({ length: Math.min(sliceSize, people - first) }, (_, i) => first + i)
    const order = slice % 2 === 0 ? [sides.joldosh, sides.floor] : [sides.floor, sides.joldosh]
    for (const side of order) await side.runSlice(group)
  }
  const j = sides.joldosh.figures()
  const f = sides.floor.figures()
  return { joldosh: j, floor: f, ratio: round(j.updatesPerCpuSecond / f.updatesPerCpuSecond), rssMb: { start: mb(rssStart), end: mb(process.memoryUsage().rss) } }
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10
