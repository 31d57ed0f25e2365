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
