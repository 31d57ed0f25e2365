import { describe, it } from 'vitest'
import { runScenarios } from './run-scenarios.js'

/**
 * Issue 12's scenario layer, half a of the 1,000 (two files so that the two halves run in
 * parallel): many users at once, flows interleaved (benefits questions and /lawyer, a lawyer
 * replying while the person searches, restarts between any two steps, withdrawal while a lawyer
 * types, files where text is expected, the same update twice), every invariant checked after each
 * scenario. SCENARIO_SEED reproduces a run; SCENARIOS sets how many per half (default 500).
 */
const SEED = Number(process.env.SCENARIO_SEED ?? 20261203)
const RUNS = Number(process.env.SCENARIOS ?? 500)

describe('interleaved scenarios', () => {
  it(`hold every invariant (half a, seed ${SEED})`, () => runScenarios('interleavings a', SEED, RUNS), 300_000)
})
