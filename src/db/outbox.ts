import { asc, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from './client.js'
import { legalRequests, outbox } from './schema.js'

export type OutboxRow = typeof outbox.$inferSelect

/**
 * Undelivered events, oldest first, due or not: the worker needs the ones still waiting for a
 * retry too, so that later events for the same chat wait behind them.
 */
export function pendingOutbox(db: Db, limit = 500): OutboxRow[] {
  // Alerts (thousands at once) come after everything about requests, so they never hold those up.
  return db.select().from(outbox).where(isNull(outbox.deliveredAt)).orderBy(sql`${outbox.kind} like 'alert.%'`, asc(outbox.id)).limit(limit).all()
}

export function pendingOutboxCount(db: Db): number {
  return db.select().from(outbox).where(isNull(outbox.deliveredAt)).all().length
}

export function markDelivered(db: Db, id: number, now: Date, lastError: string | null = null): void {
  db.update(outbox).set({ deliveredAt: now, lastError }).where(eq(outbox.id, id)).run()
}

export function scheduleRetry(db: Db, id: number, attempts: number, nextAttemptAt: Date, lastError: string): void {
  db.update(outbox).set({ attempts, nextAttemptAt, lastError }).where(eq(outbox.id, id)).run()
}

/** Saves how far a many-step delivery got (e.g. files sent), so a retry does not repeat them. */
export function saveOutboxProgress(db: Db, id: number, payload: Record<string, unknown>): void {
  db.update(outbox).set({ payload: JSON.stringify(payload) }).where(eq(outbox.id, id)).run()
}

/** The request's forum topic, saved the moment it exists: a restart posts the card into it instead of making another. */
export function saveRequestTopic(db: Db, requestId: number, threadId: number): void {
  db.update(legalRequests).set({ groupThreadId: threadId }).where(eq(legalRequests.id, requestId)).run()
}
