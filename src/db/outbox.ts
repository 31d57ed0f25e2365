import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm'
import type { Db } from './client.js'
import { outbox } from './schema.js'

export type OutboxRow = typeof outbox.$inferSelect

/** Undelivered events whose time has come, oldest first. */
export function dueOutbox(db: Db, now: Date, limit = 50): OutboxRow[] {
  return db.select().from(outbox).where(and(isNull(outbox.deliveredAt), lte(outbox.nextAttemptAt, now))).orderBy(asc(outbox.id)).limit(limit).all()
}

/** Undelivered events waiting for a later retry, oldest first: later events for their chat wait behind them. */
export function waitingOutbox(db: Db, now: Date): OutboxRow[] {
  return db.select().from(outbox).where(and(isNull(outbox.deliveredAt), gt(outbox.nextAttemptAt, now))).orderBy(asc(outbox.id)).all()
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
