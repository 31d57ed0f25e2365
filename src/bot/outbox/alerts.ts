import { InlineKeyboard } from 'grammy'
import { isAlertKind, progressDue, progressKey } from '../../alerts/throttle.js'
import { alertFigures, alertsSending, dueScheduledAlerts, findAlert, findDelivery, findSubscription, finishIfDone, listFollowers, markBlocked, releaseNewsOffer, setDeliveryOutcome, startSending, updateAlert } from '../../db/alerts.js'
import { selectAudience } from '../../alerts/audience.js'
import type { OutboxRow } from '../../db/outbox.js'
import { keyValue } from '../../db/schema.js'
import { eq } from 'drizzle-orm'
import { LANGUAGES, type Language } from '../../config.js'
import { describeError } from '../../logger.js'
import { figuresText, progressText, renderAlert } from '../features/alerts-view.js'
import type { FailureKind } from './failures.js'
import type { DeliveryContext, OutboxDependencies } from './types.js'

type Payload = Record<string, any>

/** The chat an alert event writes to, for throttling and ordering. */
export function alertTargetChat(deps: Pick<OutboxDependencies, 'db'>, row: OutboxRow): number | undefined {
  const payload = JSON.parse(row.payload) as Payload
  if (row.kind === 'alert.report' || row.kind === 'alert.draft') return findAlert(deps.db, payload.alertId)?.chatId
  return typeof payload.userId === 'number' ? payload.userId : undefined
}

export { isAlertKind }

const languageOf = (value: string | null | undefined): Language => ((LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'ru')

export async function deliverAlertEvent(c: DeliveryContext, row: OutboxRow): Promise<void> {
  const payload = JSON.parse(row.payload) as Payload
  if (row.kind === 'alert.offer') return deliverOffer(c, payload.userId)
  if (row.kind === 'alert.report') return deliverReport(c, payload.alertId)
  if (row.kind === 'alert.draft') return deliverDraft(c, payload.alertId)
  const alert = findAlert(c.db, payload.alertId)
  const delivery = alert && findDelivery(c.db, alert.id, payload.userId)
  if (!alert || !delivery || delivery.outcome) return
  const sub = findSubscription(c.db, payload.userId)
  // Stopped news, blocked the bot or deleted their data since the alert started: nothing goes.
  if (alert.status === 'cancelled' || !sub || sub.topics.length === 0 || sub.blockedAt) {
    setDeliveryOutcome(c.db, alert.id, payload.userId, 'skipped', c.clock())
    return
  }
  const { text, keyboard } = renderAlert(c.i18n, alert, languageOf(delivery.language))
  c.recordSend(payload.userId)
  await c.api.sendMessage(payload.userId, text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } })
  setDeliveryOutcome(c.db, alert.id, payload.userId, 'sent', c.clock())
}

/** The one-time news offer; in the middle of a conversation it waits for the next useful answer instead. */
async function deliverOffer(c: DeliveryContext, userId: number): Promise<void> {
  const sub = findSubscription(c.db, userId)
  if (!sub || sub.subscribedAt) return
  const inFlow = c.db.select({ key: keyValue.key }).from(keyValue).where(eq(keyValue.key, `conv:${userId}`)).get()
  if (inFlow) return releaseNewsOffer(c.db, userId)
  const t = c.i18n.getFixedT(languageOf(sub.language))
  const kb = new InlineKeyboard().text(t('alerts:news.offerYes'), 'n:home').text(t('alerts:news.offerNo'), 'n:no')
  c.recordSend(userId)
  await c.api.sendMessage(userId, t('alerts:news.offer'), { reply_markup: kb })
}

/** A draft made from an article's `changed` note, to the admins: preview (then send or schedule), write again, or drop. */
async function deliverDraft(c: DeliveryContext, alertId: number): Promise<void> {
  const alert = findAlert(c.db, alertId)
  if (!alert || alert.status !== 'composing') return
  const t = c.i18n.getFixedT(c.config.lawyersLanguage)
  const people = selectAudience(listFollowers(c.db, c.config.defaultLanguage), alert.audience).length
  const kb = new InlineKeyboard().text(t('alerts:draft.preview'), `al:p:${alert.id}`).row().text(t('alerts:draft.edit'), `al:edit:${alert.id}`).text(t('alerts:draft.drop'), `al:x:${alert.id}`)
  c.recordSend(alert.chatId)
  await c.api.sendMessage(alert.chatId, t('alerts:draft.ready', { id: alert.id, article: alert.articleId ?? '', topic: t(`rights:categories.${alert.audience.topics[0] ?? ''}`), count: people }), { parse_mode: 'HTML', reply_markup: kb })
}

async function deliverReport(c: DeliveryContext, alertId: number): Promise<void> {
  const alert = findAlert(c.db, alertId)
  if (!alert) return
  const t = c.i18n.getFixedT(c.config.lawyersLanguage)
  const figures = alertFigures(c.db, alertId)
  await editProgress(c, alert.id, alert.chatId, alert.progressMessageId, alert.progressShown, progressText(t, alert.id, figures), progressKey({ sent: figures.sent, failed: figures.failed + figures.skipped, left: figures.left }))
  c.recordSend(alert.chatId)
  await c.api.sendMessage(alert.chatId, `${t('alerts:admin.report', { id: alert.id })}\n${figuresText(t, figures)}`, { parse_mode: 'HTML' })
}

async function editProgress(c: Pick<DeliveryContext, 'api' | 'db' | 'clock' | 'recordSend'>, alertId: number, chatId: number, messageId: number | null, shown: string | null, text: string, key: string): Promise<void> {
  if (!messageId || shown === key) return
  c.recordSend(chatId)
  // Saved first: a failed edit is not retried (the next figures will be shown a few seconds later).
  updateAlert(c.db, alertId, { progressShown: key, progressAt: c.clock() })
  await c.api.editMessageText(chatId, messageId, text, { parse_mode: 'HTML' }).catch(() => undefined)
}

/** A person blocked the bot (or Telegram refuses their message every time): counted as failed; blocked → skipped from now on. */
export function alertUndeliverable(deps: OutboxDependencies, row: OutboxRow, kind: FailureKind): void {
  if (row.kind !== 'alert.message') return
  const payload = JSON.parse(row.payload) as Payload
  setDeliveryOutcome(deps.db, payload.alertId, payload.userId, 'failed', deps.clock())
  if (kind === 'person') markBlocked(deps.db, payload.userId, deps.clock())
}

/**
 * Run by the worker before each run: scheduled alerts whose time has come start (the audience is
 * chosen now, from who follows news now), with a progress message to the admin.
 */
export async function startDueAlerts(c: DeliveryContext): Promise<void> {
  const now = c.clock()
  for (const alert of dueScheduledAlerts(c.db, now)) {
    const people = selectAudience(listFollowers(c.db, c.config.defaultLanguage), alert.audience)
    if (!startSending(c.db, alert.id, people, now, null)) continue
    const t = c.i18n.getFixedT(c.config.lawyersLanguage)
    const figures = alertFigures(c.db, alert.id)
    try {
      c.recordSend(alert.chatId)
      const sent = await c.api.sendMessage(alert.chatId, progressText(t, alert.id, figures), { parse_mode: 'HTML' })
      updateAlert(c.db, alert.id, { progressMessageId: sent.message_id, progressShown: progressKey({ sent: 0, failed: 0, left: figures.left }), progressAt: now })
    } catch (error) {
      c.logger.warn({ alert: alert.id, err: describeError(error).message }, 'could not post the progress of a scheduled alert')
    }
  }
}

/** Run by the worker after each run: the progress message edited (at most every few seconds), and finished alerts reported. */
export async function reportAlertProgress(c: DeliveryContext): Promise<void> {
  const now = c.clock()
  const t = c.i18n.getFixedT(c.config.lawyersLanguage)
  for (const alert of alertsSending(c.db)) {
    if (finishIfDone(c.db, alert.id, now)) continue
    const f = alertFigures(c.db, alert.id)
    const progress = { sent: f.sent, failed: f.failed + f.skipped, left: f.left }
    if (!progressDue(alert.progressShown, progress, alert.progressAt, now)) continue
    await editProgress(c, alert.id, alert.chatId, alert.progressMessageId, alert.progressShown, progressText(t, alert.id, f), progressKey(progress))
  }
}
