import { createServer, type Server } from 'node:http'
import { autoRetry } from '@grammyjs/auto-retry'
import { run, type RunnerHandle } from '@grammyjs/runner'
import { webhookCallback, type Bot } from 'grammy'
import type { Config } from '../config.js'
import { describeError, type Logger } from '../logger.js'
import type { WebHandler } from '../web/server.js'
import { logFailedCalls, StartupError } from './startup.js'

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'inline_query'] as const

/**
 * Finite retries: auto-retry's defaults could keep a request waiting for hours. Each failed
 * attempt is logged (installed first, so it runs inside auto-retry), so an outage is visible.
 */
export function installRetries(bot: Bot<any>, logger: Logger): void {
  bot.api.config.use(logFailedCalls(logger))
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }))
}

/** Long polling with @grammyjs/runner; resolves once stopped by SIGINT/SIGTERM. */
export async function runPolling(bot: Bot<any>, logger: Logger): Promise<void> {
  await bot.api.deleteWebhook()
  const handle: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } })
  logger.info({ bot: bot.botInfo.username }, 'polling started')
  const stop = () => {
    if (handle.isRunning()) void handle.stop()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  await handle.task()
  logger.info('polling stopped')
}

/** Larger webhook bodies are refused (413) before they are read; Telegram's updates are far smaller. */
export const MAX_UPDATE_BYTES = 1_000_000

export interface WebhookHandle {
  server: Server
  /** Settles when the server has stopped (after SIGINT/SIGTERM or `stop()`) and its requests are answered. */
  closed: Promise<void>
  stop(): Promise<void>
}

/**
 * Webhook on node:http: checks Telegram's secret header (401 otherwise) and serves GET /healthz.
 * Resolves once listening and registered; the caller awaits `closed` to keep serving.
 */
export async function runWebhook(bot: Bot<any>, config: Config, logger: Logger, web?: WebHandler): Promise<WebhookHandle> {
  const handleUpdate = webhookCallback(bot, 'http', { secretToken: config.webhookSecret, onTimeout: 'return' })
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
      return
    }
    // The web chat's pages and forms (WEB_PORT) share this server; everything else is Telegram's.
    if (web?.handle(req, res)) return
    if (req.method !== 'POST') {
      res.writeHead(404).end()
      return
    }
    // Telegram's updates are a few KB and always sized: an unsized or huge body is never read.
    const length = Number(req.headers['content-length'])
    if (!Number.isFinite(length) || length > MAX_UPDATE_BYTES) {
      res.writeHead(Number.isFinite(length) ? 413 : 411, { connection: 'close' }).end()
      req.destroy()
      return
    }
    handleUpdate(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
  await bot.init()
  // Listen first: Telegram may post the first update as soon as the webhook is set.
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new StartupError(`Cannot listen on PORT ${config.port}: ${error.code ?? error.message}`)))
    server.listen(config.port, () => resolve())
  })
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()))
  const stop = () => {
    web?.stop()
    if (server.listening) {
      logger.info('webhook server stopping')
      server.close()
    }
    return closed
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    await bot.api.setWebhook(config.webhookUrl!, { secret_token: config.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] })
  } catch (error) {
    await stop()
    throw new StartupError(`Telegram refused the webhook WEBHOOK_URL=${config.webhookUrl}: ${describeError(error).message}`)
  }
  logger.info({ port: config.port }, 'webhook server listening')
  return { server, closed, stop }
}
