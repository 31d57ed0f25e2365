import { existsSync } from 'node:fs'
import { Api, type Bot } from 'grammy'
import { ConfigError, loadConfig, type Config } from './config.js'
import { createBot } from './bot/index.js'
import { setBotCommands, setDeskCommands } from './bot/commands.js'
import type { BotContext } from './bot/context.js'
import { loadContent } from './content/index.js'
import { openDatabase } from './db/client.js'
import { importCentresFromFile } from './db/support-centres.js'
import { createI18n } from './i18n.js'
import { createLogger, describeError, type Logger } from './logger.js'
import { DEFAULT_RETENTION, startRetentionJob } from './privacy/retention.js'
import { OutboxWorker } from './bot/outbox/worker.js'
import { FakeTelegram } from './transport/fake-telegram.js'
import { runLocalChat } from './transport/local-chat.js'
import { installRetries, runPolling, runWebhook } from './transport/telegram.js'

/** In the terminal with no configuration, user 1 is admin and lawyer and this is the lawyers' group. */
export const LOCAL_LAWYERS_CHAT_ID = -1001000000001

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env')
  const config = loadConfig()
  if (config.mode === 'local') {
    config.lawyersChatId ??= LOCAL_LAWYERS_CHAT_ID
    if (config.adminIds.length === 0) config.adminIds = [1]
  }
  const logger = createLogger(config.logLevel)
  if (!config.dataKeyId) logger.warn('DATA_KEY is not set: names, phones and texts are stored unencrypted (README, Privacy and data)')
  const deps = { config, logger, db: openDatabase(config.databasePath), i18n: await createI18n(), content: loadContent(), clock: () => new Date() }
  importCentresFromFile(deps.db, new Date())
  startRetentionJob(deps.db, { ...DEFAULT_RETENTION, requestDays: config.retentionDays }, logger)

  if (config.mode === 'local') {
    const telegram = new FakeTelegram()
    const bot = createBot(deps, 'local', { botInfo: telegram.botInfo, client: { fetch: telegram.fetch as typeof fetch } })
    await bot.init()
    // No network limits in the terminal: deliver the outbox right after each line.
    const outbox = new OutboxWorker({ ...deps, api: bot.api }, { throttle: false })
    await runLocalChat({ bot, telegram, lawyersChatId: config.lawyersChatId!, afterEachLine: () => outbox.deliverDue() })
    return
  }

  const bot = createBot(deps, config.botToken!, config.botApiRoot ? { client: { apiRoot: config.botApiRoot } } : undefined)
  installRetries(bot)
  await bot.init()
  await registerCommands(bot, config, deps.i18n, logger)
  // The outbox has its own Api without auto-retry: it honours retry_after itself and must not sit
  // inside one chat's back-off while other chats' messages wait.
  const outbox = new OutboxWorker({ ...deps, api: new Api(config.botToken!, config.botApiRoot ? { apiRoot: config.botApiRoot } : undefined) })
  outbox.start()
  if (config.mode === 'webhook') await runWebhook(bot, config, logger)
  else {
    await runPolling(bot, logger)
    await outbox.stop()
  }
}

async function registerCommands(bot: Bot<BotContext>, config: Config, i18n: Awaited<ReturnType<typeof createI18n>>, logger: Logger) {
  await setBotCommands(bot.api, i18n, config.defaultLanguage)
  if (config.lawyersChatId !== undefined) {
    await setDeskCommands(bot.api, i18n, config.lawyersChatId, config.lawyersLanguage).catch((error: unknown) => {
      // The bot may not be in the group yet; the desk works without the menu.
      logger.warn({ err: describeError(error) }, 'could not set the lawyers’ command menu')
    })
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // One clear line for a bad configuration; a stack only for real failures.
    if (error instanceof ConfigError) console.error(error.message)
    else console.error('Joldosh failed to start:', describeError(error).message)
    process.exit(1)
  },
)
