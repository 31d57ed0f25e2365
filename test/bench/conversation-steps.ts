import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBot } from '../../src/bot/index.js'
import { loadConfig } from '../../src/config.js'
import { loadContent } from '../../src/content/index.js'
import { openDatabase } from '../../src/db/client.js'
import { importCentresFromFile } from '../../src/db/support-centres.js'
import { createI18n } from '../../src/i18n.js'
import { createLogger } from '../../src/logger.js'
import { ChatDriver } from '../../src/transport/chat-driver.js'
import { FakeTelegram } from '../../src/transport/fake-telegram.js'

/**
 * `npx tsx test/bench/conversation-steps.ts [people]`: the stored conversation state (bytes of the
 * `conv:` row) and the CPU time of each step after 1..10 answers, for the benefits questions and the
 * legal request, averaged over `people` chats. Prints a table; timing is printed, never asserted.
 *
 * 3 Dec 2026, 30 chats, two runs each, load average ~20 on 2 cores (CPU ms, mean of the runs):
 *   benefits state after 1 / 6 / 10 answers: replay log 4,494 / 14,748 / 25,168 B; stepwise 1,946 / 2,176 / 2,254 B
 *   benefits CPU per step, answers 1..10: replay log 5.5 6.1 6.6 5.2 6.3 7.6 7.0 8.4 8.2 8.1; stepwise 7.1 5.7 6.6 4.8 5.7 6.0 5.9 6.0 5.4 6.7
 *   request state after 1 / 10 answers: replay log 4,534 / 29,073 B; stepwise 2,152 / 2,667 B
 *   request CPU per step, answers 1..10: replay log 5.0 4.6 5.1 6.1 5.6 6.7 5.8 7.8 8.4 8.2; stepwise 5.4 5.6 5.6 6.2 5.1 4.3 4.9 6.7 6.0 6.2
 */
const people = Number(process.argv[2] ?? 20)

// Ten answers each: buttons are `c:…`, everything else is typed.
const BENEFITS = ['c:childrenUnder16:yes', '0 4 7', 'c:baby:born', '1', 'c:babiesAtOnce:1', 'c:babyBornAbroad:no', 'c:caregiver:parent', 'c:orphan:no', 'c:highMountain:no', 'c:disabledChild:no']
// After the city: description, no files, chat only, safe; then edit the topic and the city again.
const REQUEST = ['c:consent:yes', 'c:for:self', 'c:topic:work', 'c:urgency:normal', 'c:city:kazan', 'Работодатель не платит зарплату три месяца', 'c:files:done', 'c:safe:yes', 'c:summary:edit', 'c:edit:topic']

const dir = mkdtempSync(join(tmpdir(), 'joldosh-conv-steps-'))
const db = openDatabase(join(dir, 'bench.db'))
importCentresFromFile(db, new Date())
const telegram = new FakeTelegram()
const config = { ...loadConfig({}), lawyersChatId: -1 }
const bot = createBot({ config, db, i18n: await createI18n(), logger: createLogger(process.env.LOG === 'error' ? 'error' : 'silent'), content: loadContent(), clock: () => new Date() }, 'bench', {
  botInfo: telegram.botInfo,
  client: { fetch: telegram.fetch as typeof fetch },
})
await bot.init()
const driver = new ChatDriver(bot, telegram, { lawyersChatId: -1 })
const stateBytes = (chatId: number) =>
  (db.$client.prepare('SELECT length(value) AS n FROM key_value WHERE key = ?').get(`conv:${chatId}`) as { n: number } | undefined)?.n ?? 0

async function measure(start: string, answers: string[], firstUser: number) {
  const cpu = answers.map(() => 0)
  const bytes = answers.map(() => 0)
  for (let p = 0; p < people; p++) {
    driver.as(firstUser + p)
    await driver.send('/start')
    await driver.pressCallback('lang:ru')
    await driver.send(start)
    for (const [i, a] of answers.entries()) {
      // The request asks for the phone with a reply keyboard: "only in chat" is a typed button label.
      const before = process.cpuUsage()
      if (a.startsWith('c:')) await driver.pressData(a)
      else await driver.send(a)
      const used = process.cpuUsage(before)
      cpu[i]! += (used.user + used.system) / 1000
      bytes[i] = stateBytes(firstUser + p)
      if (a === 'c:files:done') await driver.press('💬')
    }
  }
  return answers.map((a, i) => ({ answer: i + 1, step: a.slice(0, 24), stateBytes: bytes[i]!, cpuMs: Math.round((cpu[i]! / people) * 100) / 100 }))
}

const benefits = await measure('/benefits', BENEFITS, 10_000)
const request = await measure('/lawyer', REQUEST, 20_000)
console.log(JSON.stringify({ people, benefits, request }))
for (const [name, rows] of [['benefits', benefits], ['legal request', request]] as const) {
  console.log(`\n${name}: answer, state bytes, CPU ms per step (mean of ${people})`)
  for (const r of rows) console.log(`${String(r.answer).padStart(3)}  ${r.step.padEnd(26)}${String(r.stateBytes).padStart(8)}${r.cpuMs.toFixed(2).padStart(9)}`)
}
db.$client.close()
rmSync(dir, { recursive: true, force: true })
