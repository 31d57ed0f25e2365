import { GrammyError, HttpError, type Api } from 'grammy'
import type { i18n } from 'i18next'
import type { Config } from '../../config.js'
import type { Db } from '../../db/client.js'
import { dueOutbox, markDelivered, scheduleRetry, waitingOutbox, type OutboxRow } from '../../db/outbox.js'
import { backoffMs, RateLimiter, TELEGRAM_LIMITS } from '../../desk/rate-limiter.js'
import { scheduleReminders } from '../../desk/reminders.js'
import { describeError, type Logger } from '../../logger.js'
import { deliverOutboxEvent, targetChat, type DeliveryContext } from './deliveries.js'

export interface OutboxDependencies {
  db: Db
  api: Api
  config: Config
  i18n: i18n
  logger: Logger
  clock: () => Date
}

/** The error said the chat will never take it (blocked bot, deleted chat): retrying cannot help. */
function isPermanent(error: unknown): boolean {
  return error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && /chat not found|user is deactivated/i.test(error.description)))
}

/**
 * Delivers the outbox: every message about requests goes out from here, in order, within
 * Telegram's limits, retried with backoff on 429 (honouring retry_after), 5xx and network errors.
 * A Telegram outage or a restart delays messages and loses none.
 */
export class OutboxWorker {
  private readonly limiter: RateLimiter
  private running: Promise<number> | undefined
  private timer: NodeJS.Timeout | undefined
  private forumCache: boolean | undefined

  constructor(private readonly deps: OutboxDependencies, options: { throttle?: boolean } = {}) {
    this.limiter = new RateLimiter(options.throttle === false ? null : TELEGRAM_LIMITS)
  }

  /** Delivers what is due now; concurrent calls share one run. Returns how many were delivered. */
  deliverDue(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = undefined))
    return this.running
  }

  start(intervalMs = 1000): void {
    this.timer = setInterval(() => void this.deliverDue().catch((e: unknown) => this.deps.logger.error({ err: describeError(e) }, 'outbox run failed')), intervalMs)
    // The transport (runner or http server) keeps the process alive; the timer must not outlive it.
    this.timer.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    await this.running
  }

  private async run(): Promise<number> {
    const { db, clock, logger } = this.deps
    let delivered = 0
    const blockedChats = new Set<number>()
    // Reminders are read from the database on every run, so they survive restarts; a failure
    // there must not hold up delivery.
    try {
      scheduleReminders(db, clock())
    } catch (error) {
      logger.error({ err: describeError(error) }, 'scheduling reminders failed')
    }
    // An earlier event still waiting for its retry holds back later ones for the same chat: order is kept.
    const waitingSince = new Map<number, number>()
    for (const row of waitingOutbox(db, clock())) {
      const chatId = targetChat(this.deps, row)
      if (chatId !== undefined && !waitingSince.has(chatId)) waitingSince.set(chatId, row.id)
    }
    for (const row of dueOutbox(db, clock())) {
      const chatId = targetChat(this.deps, row)
      if (chatId !== undefined && (waitingSince.get(chatId) ?? Infinity) < row.id) continue
      // Later events for a chat wait behind an earlier one that could not go yet: order is kept.
      if (chatId !== undefined && (blockedChats.has(chatId) || this.limiter.waitFor(chatId, clock().getTime()) > 0)) {
        blockedChats.add(chatId)
        continue
      }
      try {
        await deliverOutboxEvent(this.context(), row)
        markDelivered(db, row.id, clock())
        delivered++
      } catch (error) {
        if (chatId !== undefined) blockedChats.add(chatId)
        this.fail(row, error)
      }
    }
    if (delivered) logger.debug({ delivered }, 'outbox delivered')
    return delivered
  }

  private context(): DeliveryContext {
    return {
      ...this.deps,
      recordSend: (chatId: number) => this.limiter.record(chatId, this.deps.clock().getTime()),
      isForum: async () => {
        if (this.forumCache === undefined && this.deps.config.lawyersChatId !== undefined) {
          const chat = await this.deps.api.getChat(this.deps.config.lawyersChatId)
          this.forumCache = 'is_forum' in chat && chat.is_forum === true
        }
        return this.forumCache ?? false
      },
    }
  }

  private fail(row: OutboxRow, error: unknown): void {
    const { db, clock, logger } = this.deps
    const attempts = row.attempts + 1
    const { message } = describeError(error)
    if (isPermanent(error)) {
      logger.warn({ outbox_id: row.id, kind: row.kind, err: message }, 'outbox event undeliverable')
      markDelivered(db, row.id, clock(), `undeliverable: ${message}`)
      return
    }
    const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined
    const delay = retryAfter !== undefined ? retryAfter * 1000 : backoffMs(attempts)
    const transient = retryAfter !== undefined || error instanceof HttpError || (error instanceof GrammyError && error.error_code >= 500)
    logger.warn({ outbox_id: row.id, kind: row.kind, attempts, delay_ms: delay, transient, err: message }, 'outbox delivery failed')
    scheduleRetry(db, row.id, attempts, new Date(clock().getTime() + delay), message)
  }
}
