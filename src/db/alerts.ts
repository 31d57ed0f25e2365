import { and, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm'
import { EVERYONE, normaliseAudience, type Audience, type Follower } from '../alerts/audience.js'
import { LANGUAGES, type Language } from '../config.js'
import { oncePerDatabase, type Db } from './client.js'
import type { DbOrTx } from './legal-requests.js'
import { alertDeliveries, alerts, keyValue, newsSubscriptions, outbox, users } from './schema.js'

export type NewsSubscription = typeof newsSubscriptions.$inferSelect
export type AlertRow = typeof alerts.$inferSelect
export type Alert = Omit<AlertRow, 'audience'> & { audience: Audience }

/** The outbox kinds of alerts: the news offer, one message per person, and the admin's final report. */
export type AlertOutboxKind = 'alert.offer' | 'alert.draft' | 'alert.message' | 'alert.report'

// ---- people's subscriptions (/news) ----

export function findSubscription(db: Db, userId: number): NewsSubscription | undefined {
  return db.select().from(newsSubscriptions).where(eq(newsSubscriptions.userId, userId)).get()
}

/** Creates the row if needed and applies the change; `topics` non-empty means following. */
export function updateSubscription(db: Db, userId: number, change: Partial<Omit<NewsSubscription, 'userId' | 'updatedAt'>>, now: Date): NewsSubscription {
  const current = findSubscription(db, userId)
  const next = { topics: [] as string[], ...current, ...change, userId, updatedAt: now }
  if (change.topics) next.subscribedAt = change.topics.length ? (current?.subscribedAt ?? now) : null
  if (change.topics?.length) next.blockedAt = null
  db.insert(newsSubscriptions).values(next).onConflictDoUpdate({ target: newsSubscriptions.userId, set: next }).run()
  return next as NewsSubscription
}

/**
 * The one-time offer: claims it for this person and queues it, true only the first time ever
 * (a person who opened /news first has a row already and is never offered).
 */
export function claimNewsOffer(db: Db, userId: number, language: Language, now: Date): boolean {
  // After every useful answer: almost always the person has a row already, and the insert would do nothing.
  const statements = statementsFor(db)
  if (statements.hasSubscriptionRow.get(userId) !== undefined) return false
  return statements.claimOffer({ userId, language, now, payload: JSON.stringify({ userId }) })
}

/** The offer found the person in the middle of something: not sent, and the next useful answer offers again. */
export function releaseNewsOffer(db: Db, userId: number): void {
  db.delete(newsSubscriptions).where(and(eq(newsSubscriptions.userId, userId), isNull(newsSubscriptions.subscribedAt), sql`${newsSubscriptions.topics} = '[]'`, isNull(newsSubscriptions.citizenship), isNull(newsSubscriptions.city))).run()
}

/** Telegram said the person blocked the bot: later alerts skip them until they follow news again. */
export function markBlocked(db: Db, userId: number, now: Date): void {
  db.update(newsSubscriptions).set({ blockedAt: now, updatedAt: now }).where(eq(newsSubscriptions.userId, userId)).run()
}

/** Everyone following news who has not blocked the bot, with the language they read now. */
export function listFollowers(db: Db, fallback: Language): Follower[] {
  const rows = db
    .select({ s: newsSubscriptions, language: users.language })
    .from(newsSubscriptions)
    .leftJoin(users, eq(users.id, newsSubscriptions.userId))
    .where(and(isNotNull(newsSubscriptions.subscribedAt), isNull(newsSubscriptions.blockedAt)))
    .all()
  const known = (l: string | null | undefined): l is Language => !!l && (LANGUAGES as readonly string[]).includes(l)
  return rows
    .map(({ s, language }) => ({
      userId: s.userId,
      language: known(language) ? language : known(s.language) ? s.language : fallback,
      citizenship: s.citizenship,
      city: s.city,
      topics: s.topics,
    }))
    .filter((f) => f.topics.length > 0)
}

// ---- alerts ----

/** `createdBy` of the drafts the bot makes when an article changes (no admin wrote them). */
export const BOT_AUTHOR = 0

const FINGERPRINTS_KEY = 'alerts:article-fingerprints'

/**
 * At start: the articles whose text changed with a `changed` note get a draft alert (never sent by
 * itself) and an outbox message to the admins; the new fingerprints are kept in the same transaction.
 */
export function draftArticleAlerts(db: Db, fingerprints: Record<string, string>, announce: (before: Record<string, string> | undefined) => { articleId: string; topic: string; texts: Record<string, string | null> }[], chatId: number, now: Date): number[] {
  return db.transaction((tx) => {
    const row = tx.select().from(keyValue).where(eq(keyValue.key, FINGERPRINTS_KEY)).get()
    const before = row ? (JSON.parse(row.value) as Record<string, string>) : undefined
    const ids: number[] = []
    for (const draft of announce(before)) {
      const alert = createAlert(tx, { createdBy: BOT_AUTHOR, chatId, texts: draft.texts, articleId: draft.articleId, audience: { ...EVERYONE, topics: [draft.topic] }, origin: 'article', step: 'draft' }, now)
      tx.insert(outbox).values({ kind: 'alert.draft' satisfies AlertOutboxKind, requestId: null, payload: JSON.stringify({ alertId: alert.id }), createdAt: now, nextAttemptAt: now }).run()
      ids.push(alert.id)
    }
    const value = JSON.stringify(fingerprints)
    tx.insert(keyValue).values({ key: FINGERPRINTS_KEY, value, updatedAt: now }).onConflictDoUpdate({ target: keyValue.key, set: { value, updatedAt: now } }).run()
    return ids
  })
}

const toAlert = (row: AlertRow): Alert => ({ ...row, audience: normaliseAudience(row.audience) })

export function findAlert(db: Db, id: number): Alert | undefined {
  const row = db.select().from(alerts).where(eq(alerts.id, id)).get()
  return row ? toAlert(row) : undefined
}

/** The draft an admin is composing in this chat, if any (the newest). */
export function composingAlert(db: Db, adminId: number, chatId: number): Alert | undefined {
  // Asked on every message anyone sends: nearly always there is none, which a prepared statement says at once.
  if (statementsFor(db).anyComposing.get(adminId, chatId) === undefined) return undefined
  const row = db.select().from(alerts).where(and(eq(alerts.createdBy, adminId), eq(alerts.chatId, chatId), eq(alerts.status, 'composing'))).orderBy(desc(alerts.id)).get()
  return row ? toAlert(row) : undefined
}

export function createAlert(db: DbOrTx, values: { createdBy: number; chatId: number; texts?: Record<string, string | null>; articleId?: string | null; audience: Audience; origin?: string; status?: string; step?: string | null }, now: Date): Alert {
  // One draft per admin and chat: an older unfinished one is dropped (the bot's own drafts wait side by side).
  if (values.createdBy !== BOT_AUTHOR) db.update(alerts).set({ status: 'cancelled' }).where(and(eq(alerts.createdBy, values.createdBy), eq(alerts.chatId, values.chatId), eq(alerts.status, 'composing'))).run()
  const row = db
    .insert(alerts)
    .values({ status: values.status ?? 'composing', step: values.step ?? null, createdBy: values.createdBy, chatId: values.chatId, texts: values.texts ?? {}, articleId: values.articleId ?? null, audience: values.audience, origin: values.origin ?? 'admin', createdAt: now })
    .returning()
    .get()
  return toAlert(row)
}

export function updateAlert(db: Db, id: number, change: Partial<Omit<AlertRow, 'id'>>): void {
  db.update(alerts).set(change).where(eq(alerts.id, id)).run()
}

/**
 * Starts sending: one delivery row and one outbox row per person, and the alert marked `sending`,
 * all in one transaction. The delivery's primary key (alert, person) makes each person once, and
 * only an alert still being composed or scheduled starts (a second press of Send finds it `sending`).
 */
export function startSending(db: Db, alertId: number, people: readonly Pick<Follower, 'userId' | 'language'>[], now: Date, progressMessageId: number | null): boolean {
  return db.transaction((tx) => {
    const started = tx
      .update(alerts)
      .set({ status: 'sending', startedAt: now, step: null, progressMessageId })
      .where(and(eq(alerts.id, alertId), inArray(alerts.status, ['composing', 'scheduled'])))
      .run()
    if (started.changes !== 1) return false
    for (const p of people) {
      const added = tx.insert(alertDeliveries).values({ alertId, userId: p.userId, language: p.language }).onConflictDoNothing().run()
      if (added.changes === 1) tx.insert(outbox).values({ kind: 'alert.message' satisfies AlertOutboxKind, requestId: null, payload: JSON.stringify({ alertId, userId: p.userId }), createdAt: now, nextAttemptAt: now }).run()
    }
    return true
  })
}

/** Scheduled alerts whose time has come. */
export function dueScheduledAlerts(db: Db, now: Date): Alert[] {
  return db.select().from(alerts).where(and(eq(alerts.status, 'scheduled'), lte(alerts.scheduledAt, now))).all().map(toAlert)
}

export function alertsSending(db: Db): Alert[] {
  return db.select().from(alerts).where(eq(alerts.status, 'sending')).all().map(toAlert)
}

export function findDelivery(db: Db, alertId: number, userId: number) {
  return db.select().from(alertDeliveries).where(and(eq(alertDeliveries.alertId, alertId), eq(alertDeliveries.userId, userId))).get()
}

export function setDeliveryOutcome(db: Db, alertId: number, userId: number, outcome: 'sent' | 'failed' | 'skipped', now: Date): void {
  db.update(alertDeliveries).set({ outcome, at: now }).where(and(eq(alertDeliveries.alertId, alertId), eq(alertDeliveries.userId, userId))).run()
}

/** The person pressed the alert's article button: counted once per person. */
export function markOpened(db: Db, alertId: number, userId: number, now: Date): void {
  db.update(alertDeliveries).set({ openedAt: now }).where(and(eq(alertDeliveries.alertId, alertId), eq(alertDeliveries.userId, userId), isNull(alertDeliveries.openedAt))).run()
}

export function markUnsubscribed(db: Db, alertId: number, userId: number, now: Date): void {
  db.update(alertDeliveries).set({ unsubscribedAt: now }).where(and(eq(alertDeliveries.alertId, alertId), eq(alertDeliveries.userId, userId), isNull(alertDeliveries.unsubscribedAt))).run()
}

export interface AlertFigures {
  recipients: number
  sent: number
  failed: number
  skipped: number
  left: number
  opened: number
  unsubscribed: number
}

export function alertFigures(db: Db, alertId: number): AlertFigures {
  const row = db
    .select({
      recipients: sql<number>`count(*)`,
      sent: sql<number>`coalesce(sum(${alertDeliveries.outcome} = 'sent'), 0)`,
      failed: sql<number>`coalesce(sum(${alertDeliveries.outcome} = 'failed'), 0)`,
      skipped: sql<number>`coalesce(sum(${alertDeliveries.outcome} = 'skipped'), 0)`,
      left: sql<number>`coalesce(sum(${alertDeliveries.outcome} is null), 0)`,
      opened: sql<number>`count(${alertDeliveries.openedAt})`,
      unsubscribed: sql<number>`count(${alertDeliveries.unsubscribedAt})`,
    })
    .from(alertDeliveries)
    .where(eq(alertDeliveries.alertId, alertId))
    .get()!
  return row
}

/** Marks an alert sent when nothing is left, and queues the admin's final report in the same transaction. */
export function finishIfDone(db: Db, alertId: number, now: Date): boolean {
  return db.transaction((tx) => {
    const left = tx.select({ n: sql<number>`count(*)` }).from(alertDeliveries).where(and(eq(alertDeliveries.alertId, alertId), isNull(alertDeliveries.outcome))).get()!.n
    if (left > 0) return false
    const done = tx.update(alerts).set({ status: 'sent', finishedAt: now }).where(and(eq(alerts.id, alertId), eq(alerts.status, 'sending'))).run()
    if (done.changes !== 1) return false
    tx.insert(outbox).values({ kind: 'alert.report' satisfies AlertOutboxKind, requestId: null, payload: JSON.stringify({ alertId }), createdAt: now, nextAttemptAt: now }).run()
    return true
  })
}

/** The last alerts sent, sending or scheduled, newest first (for "/alert → last alerts"). */
export function recentAlerts(db: Db, limit = 5): Alert[] {
  return db.select().from(alerts).where(inArray(alerts.status, ['sending', 'sent', 'scheduled'])).orderBy(desc(alerts.id)).limit(limit).all().map(toAlert)
}

/** /deletemydata: the subscription goes, and the person's delivery rows keep only anonymous counts. */
export function eraseNewsData(db: DbOrTx, userId: number): void {
  db.delete(newsSubscriptions).where(eq(newsSubscriptions.userId, userId)).run()
  // Alert outbox rows name the person in their (sealed) payload: read in code, and the person's go.
  const rows = db.select({ id: outbox.id, payload: outbox.payload }).from(outbox).where(sql`${outbox.kind} like 'alert.%'`).all()
  const theirs = rows.filter((r) => (JSON.parse(r.payload) as { userId?: unknown }).userId === userId).map((r) => r.id)
  if (theirs.length) db.delete(outbox).where(inArray(outbox.id, theirs)).run()
  // Not sent yet: it will not be (its outbox row finds no delivery and sends nothing).
  db.update(alertDeliveries).set({ outcome: 'skipped' }).where(and(eq(alertDeliveries.userId, userId), isNull(alertDeliveries.outcome))).run()
  // The figures keep the row; the person's id becomes a unique negative number that names nobody.
  db.update(alertDeliveries).set({ userId: sql`-rowid` }).where(eq(alertDeliveries.userId, userId)).run()
}

/** The checks made on every update, prepared once per connection (drizzle builds and prepares its query each time). */
const statementsFor = oncePerDatabase((db: Db) => {
  const p = sql.placeholder
  // drizzle's prepared inserts still seal the payload and turn the dates into milliseconds (the columns' encoders).
  const subscription = db.insert(newsSubscriptions).values({ userId: p('userId'), language: p('language'), topics: [], offeredAt: p('now'), updatedAt: p('now') }).onConflictDoNothing().prepare()
  const offer = db.insert(outbox).values({ kind: 'alert.offer' satisfies AlertOutboxKind, requestId: null, payload: p('payload'), createdAt: p('now'), nextAttemptAt: p('now') }).prepare()
  return {
    hasSubscriptionRow: db.$client.prepare('select 1 from news_subscriptions where user_id = ?').pluck(),
    anyComposing: db.$client.prepare("select 1 from alerts where created_by = ? and chat_id = ? and status = 'composing' limit 1").pluck(),
    /** The subscription row and the offer's outbox row in one transaction; false (nothing queued) when the row exists. */
    claimOffer: db.$client.transaction((values: { userId: number; language: Language; now: Date; payload: string }): boolean => {
      if (subscription.run(values).changes !== 1) return false
      offer.run(values)
      return true
    }),
  }
})
