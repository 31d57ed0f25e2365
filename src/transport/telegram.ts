import { createServer, type Server } from 'node:http'
import { autoRetry } from '@grammyjs/auto-retry'
import { run, type RunnerHandle } from '@grammyjs/runner'
import { webhookCallback, type Bot } from 'grammy'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'inline_query'] as const

/** Finite retries: auto-retry's defaults could keep a request waiting for hours. */
export function installRetries(bot: Bot<any>): void {
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

/** Webhook on node:http: checks Telegram's secret header (401 otherwise) and serves GET /healthz. */
export async function runWebhook(bot: Bot<any>, config: Config, logger: Logger): Promise<Server> {
  const handleUpdate = webhookCallback(bot, 'http', { secretToken: config.webhookSecret, onTimeout: 'return' })
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
      return
    }
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
  await bot.api.setWebhook(config.webhookUrl!, { secret_token: config.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] })
  await new Promise<void>((resolve) => server.listen(config.port, resolve))
  logger.info({ port: config.port }, 'webhook server listening')
  const close = () => server.close()
  process.once('SIGINT', close)
  process.once('SIGTERM', close)
  return server
}
