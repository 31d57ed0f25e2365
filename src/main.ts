import { existsSync, fstatSync } from 'node:fs'
import { Api } from 'grammy'
import { ConfigError, loadConfig } from './config.js'
import { createBot } from './bot/index.js'
import { setBotCommands, setDeskCommands } from './bot/commands.js'
import { loadContent } from './content/index.js'
import { openDatabase } from './db/client.js'
import { keyValueStorage } from './db/key-value-storage.js'
import { importCentresFromFile } from './db/support-centres.js'
import { createI18n } from './i18n.js'
import { createLogger, describeError } from './logger.js'
import { DEFAULT_RETENTION, startRetentionJob } from './privacy/retention.js'
import { OutboxWorker } from './bot/outbox/worker.js'
import { draftAlertsForChangedArticles } from './bot/features/alerts-drafts.js'
import { FakeTelegram } from './transport/fake-telegram.js'
import { runLocalChat } from './transport/local-chat.js'
import { connect, registerInBackground, StartupError } from './transport/startup.js'
import { installRetries, runPolling, runWebhook } from './transport/telegram.js'
import { nodeFetch, WebTransport } from './transport/web-transport.js'
import { createWebHandler, serveWebChat, type WebChatOptions } from './web/server.js'

/** In the terminal with no configuration, user 1 is admin and lawyer and this is the lawyers' group. */
export const LOCAL_LAWYERS_CHAT_ID = -1001000000001

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env')
  const config = loadConfig()
  if (config.mode === 'local') {
    // Under systemd or `docker run` without -i there is no terminal and stdin is empty: nobody can chat.
    if (!hasInput() && config.webPort === undefined) throw new StartupError('BOT_TOKEN is not set and there is no terminal to chat in: set BOT_TOKEN to run the bot, or pipe lines into `npm start` for the terminal chat')
    config.lawyersChatId ??= LOCAL_LAWYERS_CHAT_ID
    if (config.adminIds.length === 0) config.adminIds = [1]
  }
  const logger = createLogger(config.logLevel)
  const deps = { config, logger, db: openDatabaseOrExplain(config.databasePath), i18n: await createI18n(), content: loadContent(), clock: () => new Date() }
  // Once the database opened (a start-up error stays one line); the terminal chat holds no real data.
  if (!config.dataKeyId && config.mode !== 'local') logger.warn('DATA_KEY is not set: names, phones and texts are stored unencrypted (README, Privacy and data)')
  importCentresFromFile(deps.db, new Date())
  startRetentionJob(deps.db, { ...DEFAULT_RETENTION, requestDays: config.retentionDays }, logger)
  // An article edited with a `changed` note: the admins get a draft alert (never sent by itself).
  draftAlertsForChangedArticles(deps)

  if (config.mode === 'local') {
    const telegram = new FakeTelegram()
    // With WEB_PORT the web chat's visitors talk to this bot too; the terminal plays everyone else.
    const web = config.webPort !== undefined ? new WebTransport(deps.db, deps.clock) : undefined
    const fetchCalls = web ? web.wrapFetch(telegram.fetch as typeof fetch) : (telegram.fetch as typeof fetch)
    const bot = createBot(deps, 'local', { botInfo: telegram.botInfo, client: { fetch: fetchCalls } })
    await bot.init()
    // No network limits in the terminal: deliver the outbox right after each line.
    const outbox = new OutboxWorker({ ...deps, api: bot.api }, { throttle: false })
    // Update ids go on from the previous run on this database, as Telegram's would.
    const state = keyValueStorage<number>(deps.db, 'local-chat:', deps.clock)
    const updateIds = { first: state.read('next-update-id') ?? 1, save: (next: number) => state.write('next-update-id', next) }
    // Message ids too: relays are looked up by chat and message id, which must not repeat across runs.
    telegram.continueMessageIdsFrom(state.read('next-message-id') ?? 1)
    const afterEachLine = async () => {
      await outbox.deliverDue()
      state.write('next-message-id', telegram.nextFreeMessageId)
    }
    const chat = () => runLocalChat({ bot, telegram, lawyersChatId: config.lawyersChatId!, updateIds, afterEachLine })
    if (!web) return chat()
    const handler = createWebHandler({ ...deps, bot, web, afterUpdate: afterEachLine })
    const server = await serveWebChat(handler, config.webPort!, logger)
    console.error(`Web chat: http://localhost:${config.webPort}/chat`)
    process.once('SIGINT', () => void server.stop())
    process.once('SIGTERM', () => void server.stop())
    // The terminal stays the lawyers' side (`/as 1 group`) while there is input.
    if (hasInput()) void chat().catch(() => undefined)
    await server.closed
    return
  }

  const apiRoot = config.botApiRoot ?? 'https://api.telegram.org'
  // Web visitors' chats are answered by the web transport; every other call goes to Telegram.
  const web = config.webPort !== undefined ? new WebTransport(deps.db, deps.clock) : undefined
  const client = { ...(config.botApiRoot ? { apiRoot: config.botApiRoot } : {}), ...(web ? { fetch: web.wrapFetch(nodeFetch) } : {}) }
  const bot = createBot(deps, config.botToken!, { client })
  await connect(bot, logger, { apiRoot, timeoutMs: config.startupTimeoutSeconds * 1000 })
  installRetries(bot, logger)
  // Without auto-retry: the outbox honours retry_after itself and must not sit inside one chat's
  // back-off while other chats' messages wait; command menus are retried later, not for minutes now.
  const api = new Api(config.botToken!, { ...client, timeoutSeconds: 30 })
  registerInBackground(() => setBotCommands(api, deps.i18n, config.defaultLanguage), 'setMyCommands', logger)
  const lawyersChatId = config.lawyersChatId
  // The bot may not be in the group yet; the desk works without the menu.
  if (lawyersChatId !== undefined) registerInBackground(() => setDeskCommands(api, deps.i18n, lawyersChatId, config.lawyersLanguage), 'setMyCommands (lawyers)', logger)
  const outbox = new OutboxWorker({ ...deps, api })
  outbox.start()
  const webOptions = (): WebChatOptions => ({ ...deps, bot, web: web! })
  if (config.mode === 'webhook') {
    const handler = web ? createWebHandler(webOptions()) : undefined
    const webhook = await runWebhook(bot, config, logger, handler)
    await webhook.closed
  } else {
    const server = web ? await serveWebChat(createWebHandler(webOptions()), config.webPort!, logger) : undefined
    await runPolling(bot, logger)
    await server?.stop()
  }
  // Stopped by SIGINT/SIGTERM: what is due goes out before exit, within a bound a container allows.
  await outbox.stop(DRAIN_MS)
  logger.info('stopped')
}

/** Docker waits 10 s after SIGTERM before SIGKILL. */
const DRAIN_MS = 7000

/** A terminal, a pipe or a file on stdin; not /dev/null (systemd's default) and not closed. */
function hasInput(): boolean {
  if (process.stdin.isTTY) return true
  try {
    const stat = fstatSync(0)
    return stat.isFIFO() || stat.isFile() || stat.isSocket()
  } catch {
    return false
  }
}

/** One line naming the path: SQLite's own messages do not, and a failed migration prints its SQL. */
function openDatabaseOrExplain(path: string) {
  try {
    return openDatabase(path)
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause
    const e = (cause instanceof Error ? cause : error) as NodeJS.ErrnoException
    const reason = e.code === 'EEXIST' || e.code === 'ENOTDIR' ? 'a part of the path is a file, not a folder' : (e.message ?? String(e)).split('\n')[0]!.slice(0, 200)
    throw new StartupError(`Cannot open the database DATABASE_PATH=${path}: ${reason}`)
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // One clear line for a bad configuration or start-up; a stack only for real failures.
    if (error instanceof ConfigError || error instanceof StartupError) console.error(error.message)
    else console.error('Joldosh failed to start:', describeError(error).message)
    process.exit(1)
  },
)
