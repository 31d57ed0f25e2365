import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createBot } from '../../src/bot/index.js'
import { OutboxWorker } from '../../src/bot/outbox/worker.js'
import { pendingOutboxCount } from '../../src/db/outbox.js'
import { loadConfig, type Config } from '../../src/config.js'
import { loadContent, type Content } from '../../src/content/index.js'
import { openDatabase, type Db } from '../../src/db/client.js'
import { importCentresFromFile } from '../../src/db/support-centres.js'
import { createI18n } from '../../src/i18n.js'
import { createLogger, type Logger } from '../../src/logger.js'
import { ChatDriver } from '../../src/transport/chat-driver.js'
import { FakeTelegram, type ApiCall } from '../../src/transport/fake-telegram.js'
import { htmlToText } from '../../src/transport/local-chat.js'

export const LAWYERS_CHAT_ID = -1009999
export const ADMIN_ID = 1

const cleanups: (() => void)[] = []
// Articles and their index are read-only: build them once per test file.
let content: Content | undefined
afterEach(() => {
  const errors: unknown[] = []
  while (cleanups.length) {
    try {
      cleanups.pop()!()
    } catch (error) {
      errors.push(error)
    }
  }
  if (errors.length) throw errors[0]
})

export interface TestBotOptions {
  config?: Partial<Config>
  now?: Date
  /** e.g. one that records errors, for tests that assert nothing failed unseen (the group gets no apology). */
  logger?: Logger
  /** grammY's client timeout, short for tests where Telegram never answers (default: grammY's 500 s). */
  timeoutSeconds?: number
  /** Wraps the fake Telegram's fetch, e.g. with the web chat's transport (test/web). */
  wrapFetch?: (fetch: typeof globalThis.fetch, db: Db, clock: () => Date) => typeof globalThis.fetch
}

/**
 * The real bot on a real temporary SQLite file, with a fake Telegram at the transport. `restart()`
 * builds a new bot on the same database, as a process restart would.
 */
export async function createTestBot(options: TestBotOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'joldosh-test-'))
  const dbPath = join(dir, 'test.db')
  const config: Config = {
    ...loadConfig({}),
    lawyersChatId: LAWYERS_CHAT_ID,
    adminIds: [ADMIN_ID],
    orgName: 'Test NGO',
    logLevel: 'silent',
    ...options.config,
  }
  const i18n = await createI18n()
  const logger = options.logger ?? createLogger('silent')
  let now = options.now ?? new Date('2026-11-25T09:00:00Z')
  const clock = () => new Date(now)
  const telegram = new FakeTelegram()
  let db: Db
  let refusalsExpected = false
  // Telegram refusing what the bot sent (bad HTML, too long, bad button data) is a defect even when
  // the test does not look at that message: every test fails on it unless it expects refusals.
  cleanups.push(() => {
    const refused = telegram.rejected.filter((r) => r.error_code === 400 && /parse entities|too long|BUTTON_DATA_INVALID|text is empty/.test(r.description))
    if (!refusalsExpected && refused.length > 0) {
      throw new Error(`Telegram refused ${refused.length} call(s): ${refused.map((r) => `${r.method}: ${r.description}`).join('; ')}`)
    }
  })

  const build = async () => {
    db = openDatabase(dbPath)
    importCentresFromFile(db, new Date())
    content ??= loadContent()
    const bot = createBot({ config, db, i18n, logger, clock, content }, 'test', {
      botInfo: telegram.botInfo,
      client: { fetch: options.wrapFetch ? options.wrapFetch(telegram.fetch as typeof fetch, db, clock) : (telegram.fetch as typeof fetch), ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}) },
    })
    await bot.init()
    return bot
  }
  let bot = await build()
  const driver = new ChatDriver(bot, telegram, { lawyersChatId: LAWYERS_CHAT_ID })
  cleanups.push(() => {
    db.$client.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const harness = {
    telegram,
    config,
    i18n,
    get bot() {
      return bot
    },
    get db() {
      return db
    },
    driver,
    dbPath,
    content: () => content!,
    /** The test provokes what Telegram refuses on purpose (it then asserts what the bot did about it). */
    expectRefusals() {
      refusalsExpected = true
    },
    /** Raw HTML as sent, where escaping matters (`textsSince` shows what a person reads). */
    htmlSince(mark: number, chatId?: number): string[] {
      return telegram.calls
        .slice(mark)
        .filter((c) => chatId === undefined || Number(c.payload.chat_id) === chatId)
        .map((c) => c.payload.text ?? c.payload.caption)
        .filter((t): t is string => typeof t === 'string')
    },
    /** Moves the clock on, e.g. to let reminders fall due. */
    advance(ms: number) {
      now = new Date(now.getTime() + ms)
    },
    /**
     * Delivers the outbox as the running bot would, moving the clock on a second at a time so
     * throttling and retry delays pass; stops when nothing is pending or after `maxSeconds`.
     */
    async flush(maxSeconds = 300) {
      const worker = new OutboxWorker({ db, api: bot.api, config, i18n, logger, clock })
      for (let i = 0; i < maxSeconds && pendingOutboxCount(db) > 0; i++) {
        await worker.deliverDue()
        if (pendingOutboxCount(db) > 0) now = new Date(now.getTime() + 1000)
      }
      return pendingOutboxCount(db)
    },
    /** One run of the outbox worker even when nothing is queued yet (it schedules what the database says is due), then a flush. */
    async tick(maxSeconds = 300) {
      await new OutboxWorker({ db, api: bot.api, config, i18n, logger, clock }).deliverDue()
      return harness.flush(maxSeconds)
    },
    /** A new process on the same database and the same Telegram. */
    async restart() {
      db.$client.close()
      bot = await build()
      driver.attach(bot)
    },
    /** Calls recorded so far; `mark()` then `since(mark)` gives what one action produced. */
    mark: () => telegram.calls.length,
    since: (mark: number): ApiCall[] => telegram.calls.slice(mark),
    /** What a person sees, in order: texts of sent and edited messages, HTML removed. */
    textsSince(mark: number, chatId?: number): string[] {
      return telegram.calls
        .slice(mark)
        .filter((c) => chatId === undefined || Number(c.payload.chat_id) === chatId)
        .map((c) => c.payload.text ?? c.payload.caption ?? (c.method === 'sendVenue' ? `${c.payload.title}\n${c.payload.address}` : undefined))
        .filter((t): t is string => typeof t === 'string')
        .map(htmlToText)
    },
    lastText(chatId?: number): string {
      const texts = harness.textsSince(0, chatId)
      return texts[texts.length - 1] ?? ''
    },
    t: (lng: string, key: string, options?: Record<string, unknown>) => htmlToText(i18n.t(key, { lng, ...options })),
  }
  return harness
}

export type TestBot = Awaited<ReturnType<typeof createTestBot>>

/** Starts a private chat and picks a language, as a new user does. */
export async function startAs(harness: TestBot, userId: number, language = 'ru'): Promise<void> {
  harness.driver.as(userId)
  await harness.driver.send('/start')
  await harness.driver.pressCallback(`lang:${language}`)
}
