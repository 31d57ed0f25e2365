import { benchBot } from './bot.js'
import { benchSearch } from './search.js'

/** `npm run bench`: prints the speed figures; benchmarks, not timed tests, hold the targets. */
const benches: [string, () => Promise<void>][] = [
  ['search', benchSearch],
  ['bot', benchBot],
]
for (const [name, bench] of benches) {
  console.log(`— ${name}`)
  await bench()
}
