import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { relative } from 'node:path'

/** The parts of a V8 CPU profile (`.cpuprofile`, as Chrome DevTools opens it) that are read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]
  samples?: number[]
  timeDeltas?: number[]
  startTime: number
  endTime: number
}

export interface HotFunction {
  function: string
  file: string
  selfMs: number
  selfPercent: number
}

/** Runs `work` under V8's sampling profiler (node:inspector, in this process) and writes the profile to `path`. */
export async function profiled<T>(path: string, work: () => Promise<T>): Promise<{ result: T; top: HotFunction[] }> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  await session.post('Profiler.start')
  try {
    const result = await work()
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile }
    writeFileSync(path, JSON.stringify(profile))
    return { result, top: topBySelfTime(profile) }
  } finally {
    session.disconnect()
  }
}

/** Where a function lives, short: `grammy/out/composer.js` for a package, `src/db/users.ts` for ours. */
function shortFile(url: string): string {
  if (!url) return '(native)'
  const path = url.replace(/^file:\/\//, '')
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path)
  if (pkg) return `${pkg[1]}/${pkg[2]}`
  return path.startsWith('/') ? relative(process.cwd(), path) : path
}

/** Self time per function (name + file, all its call sites together), largest first. */
export function topBySelfTime(profile: CpuProfile, count = 15): HotFunction[] {
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]))
  const self = new Map<string, { function: string; file: string; us: number }>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  let total = 0
  for (let i = 0; i < samples.length; i++) {
    const frame = frameOf.get(samples[i]!)
    const us = deltas[i + 1] ?? 0
    // Time the process waited (for the profiler's own messages) is nobody's work.
    if (!frame || frame.functionName === '(idle)') continue
    total += us
    const name = frame.functionName || '(anonymous)'
    const file = shortFile(frame.url)
    const key = `${name}\u0000${file}`
    const entry = self.get(key) ?? { function: name, file, us: 0 }
    entry.us += us
    self.set(key, entry)
  }
  return [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, count)
    .map((e) => ({ function: e.function, file: e.file, selfMs: Math.round(e.us / 100) / 10, selfPercent: Math.round((1000 * e.us) / Math.max(1, total)) / 10 }))
}
