import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBot } from '../../src/bot/index.js'
import { loadConfig } from '../../src/config.js'
import { loadContent } from '../../src/content/index.js'
import { openDatabase } from '../../src/db/client.js'
import { createI18n } from '../../src/i18n.js'
import { createLogger } from '../../src/logger.js'
import { ChatDriver } from '../../src/transport/chat-driver.js'
import { FakeTelegram } from '../../src/transport/fake-telegram.js'
import { percentile } from './stats.js'

/** Time per update through the whole bot (middleware, SQLite, i18n) with the fake Telegram. */
export async function benchBot(): Promise<void> {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'joldosh-bench-')), 'b.db'))
  const telegram = new FakeTelegram()
  const bot = createBot({ config: { ...loadConfig({}), lawyersChatId: -1 }, db, i18n: await createI18n(), logger: createLogger('silent'), content: loadContent(), clock: () => new Date() }, 'bench', {
    botInfo: telegram.botInfo,
    client: { fetch: telegram.fetch as typeof fetch },
  })
  await bot.init()
  const driver = new ChatDriver(bot, telegram, { lawyersChatId: -1 })
  const inputs = ['/start', '/help', 'zarplatu ne platyat', 'паспортумду жоготтум']
  for (const input of inputs) {
    const timings: number[] = []
    for (let i = 0; i < 300; i++) {
      driver.as(10_000 + (i % 100))
      const start = performance.now()
      await driver.send(input)
      timings.push(performance.now() - start)
    }
    console.log(`bot: "${input}" × ${timings.length} through the whole bot: p50 ${percentile(timings, 50).toFixed(2)} ms, p95 ${percentile(timings, 95).toFixed(2)} ms per update`)
  }
}
