import { GrammyError } from 'grammy'
import { markDelivered, pendingOutbox, scheduleRetry, type OutboxRow } from '../../db/outbox.js'
import { backoffMs, RateLimiter, TELEGRAM_LIMITS } from '../../desk/rate-limiter.js'
import { scheduleReminders } from '../../db/reminders.js'
import { scheduleDeadlineReminders } from '../../db/deadlines.js'
import { describeError } from '../../logger.js'
import { deliverOutboxEvent, targetChat } from './deliveries.js'
import { classifyFailure, tellAdmins, tellSender } from './failures.js'
import type { DeliveryContext, OutboxDependencies } from './types.js'
import { alertMayGo, isAlertKind } from '../../alerts/throttle.js'
import { alertUndeliverable, reportAlertProgress, startDueAlerts } from './alerts.js'

export type { OutboxDependencies } from './types.js'

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
  /** Wall-clock time after which a run starts no new event (set when stopping). */
  private stopAt: number | undefined

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

  /**
   * Stops the timer and drains: finishes the current run, then delivers what is due until
   * `drainMs` is up (no new event starts after that; what is left goes out after the restart).
   */
  async stop(drainMs = 0): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.stopAt = Date.now() + drainMs
    await this.running
    if (drainMs > 0) await this.deliverDue()
  }

  private async run(): Promise<number> {
    const { db, clock, logger } = this.deps
    let delivered = 0
    // Per chat, nothing overtakes an earlier undelivered event: one waiting for its retry holds
    // back the later ones for that chat, in this run and the next (order survives transient errors).
    const heldChats = new Set<number | string>()
    // Reminders are read from the database on every run, so they survive restarts; a failure
    // there must not hold up delivery.
    try {
      scheduleReminders(db, clock())
    } catch (error) {
      logger.error({ err: describeError(error) }, 'scheduling reminders failed')
    }
    try {
      scheduleDeadlineReminders(db, clock())
    } catch (error) {
      logger.error({ err: describeError(error) }, 'scheduling deadline reminders failed')
    }
    await startDueAlerts(this.context()).catch((error: unknown) => logger.error({ err: describeError(error) }, 'starting scheduled alerts failed'))
    const now = clock()
    for (const row of pendingOutbox(db)) {
      if (this.stopAt !== undefined && Date.now() > this.stopAt) break
      // Alerts take only part of each second: the lawyers' messages never wait behind them.
      if (isAlertKind(row.kind) && !alertMayGo(this.limiter.sentInLastSecond(clock().getTime()))) continue
      const chatId = targetChat(this.deps, row)
      const key = chatId ?? `row:${row.id}`
      if (heldChats.has(key)) continue
      if (row.nextAttemptAt > now || (chatId !== undefined && this.limiter.waitFor(chatId, clock().getTime()) > 0)) {
        heldChats.add(key)
        continue
      }
      try {
        await deliverOutboxEvent(this.context(), row)
        markDelivered(db, row.id, clock())
        delivered++
      } catch (error) {
        if (await this.fail(row, error)) heldChats.add(key)
      }
    }
    await reportAlertProgress(this.context()).catch((error: unknown) => logger.error({ err: describeError(error) }, 'alert progress failed'))
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

  /** Records a failed attempt; true when the event will be tried again (its chat then waits). */
  private async fail(row: OutboxRow, error: unknown): Promise<boolean> {
    const { db, clock, logger, config } = this.deps
    const attempts = row.attempts + 1
    const { message } = describeError(error)
    const kind = classifyFailure(error, config.lawyersChatId)
    if (kind === 'person' || kind === 'refused') {
      logger.warn({ outbox_id: row.id, kind: row.kind, failure: kind, err: message }, 'outbox event undeliverable')
      markDelivered(db, row.id, clock(), `${kind === 'person' ? 'undeliverable' : 'failed'}: ${message}`)
      // An alert counts the failure (and a blocked person is skipped later); nobody is told one by one.
      if (isAlertKind(row.kind)) alertUndeliverable(this.deps, row, kind)
      else await tellSender(this.deps, row, kind, error)
      return false
    }
    const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined
    const delay = retryAfter !== undefined ? retryAfter * 1000 : backoffMs(attempts)
    logger.warn({ outbox_id: row.id, kind: row.kind, attempts, delay_ms: delay, failure: kind, err: message }, 'outbox delivery failed; will retry')
    scheduleRetry(db, row.id, attempts, new Date(clock().getTime() + delay), message)
    // The group is closed to the bot: the admins hear of it at once, then about once a day.
    if (kind === 'group' && (attempts === 1 || attempts % 24 === 0)) {
      await tellAdmins(this.deps, this.deps.i18n.t('desk:delivery.groupUnreachable', { lng: config.lawyersLanguage, error: message.slice(0, 200) }))
    }
    return true
  }
}
