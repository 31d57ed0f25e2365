import fc from 'fast-check'
import { expect } from 'vitest'
import { createWorld, stepArb } from './world.js'

/**
 * Runs `runs` seeded scenarios in one world. The world carries over between scenarios (as a real
 * chat does), so a failure is reported with its seed and steps rather than shrunk: rerun with
 * SCENARIO_SEED to reproduce it. Prints how many scenarios ran and what they exercised.
 */
export async function runScenarios(name: string, seed: number, runs: number): Promise<void> {
  const world = await createWorld()
  let index = 0
  const started = Date.now()
  const cpu = process.cpuUsage()
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 2, maxLength: 7 }), async (steps) => {
      const broken = await world.scenario(index++, steps)
      expect(broken, `${name}: scenario ${index - 1}, seed ${seed}`).toEqual([])
    }),
    { seed, numRuns: runs, endOnFailure: true },
  )
  const s = world.stats
  const used = process.cpuUsage(cpu)
  console.log(
    `${name}: ${s.scenarios} scenarios (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s (${((used.user + used.system) / 1e6).toFixed(1)} s CPU) — ${s.steps} steps, ` +
      `${s.requestsAtStart} + ${s.requestsSent} requests sent (at a pair's start + in scenarios), ${s.messagesChecked} relayed-or-answered checks, ${s.restarts} restarts, ${s.redeliveries} redeliveries`,
  )
  expect(s.scenarios).toBe(runs)
}
