import { and, inArray, isNull, like, lt } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { keyValue, legalRequests } from '../db/schema.js'
import { describeError, type Logger } from '../logger.js'
import { FINAL_STATUSES } from '../requests/lifecycle.js'
import { eraseRequest, scrubFile } from './erase.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** How long each kind of personal data is kept; the README's "Privacy and data" section states the same. */
export interface RetentionPolicy {
  /** Personal fields of finished (closed, resolved, referred, withdrawn) requests, after their last activity. */
  requestDays: number
  /** A request left half-way: its conversation state holds the answers and whole Telegram updates. */
  draftDays: number
  /** The session: the last article opened; benefit answers go sooner (`benefitAnswerDays`). */
  sessionDays: number
  /** Family benefits answers (disability, pregnancy, income) serve only the "summary for relatives" button. */
  benefitAnswerDays: number
}

export const DEFAULT_RETENTION: RetentionPolicy = { requestDays: 365, draftDays: 30, sessionDays: 30, benefitAnswerDays: 1 }

export interface RetentionResult {
  requests: number
  drafts: number
  sessions: number
  benefitAnswers: number
}

/** Erases whatever the policy says is kept too long, then cleans the file. Safe to run at any time, any number of times. */
export function applyRetention(db: Db, now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): RetentionResult {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS)
  const result = db.transaction((tx) => {
    const finished = tx
      .select({ id: legalRequests.id })
      .from(legalRequests)
      .where(and(inArray(legalRequests.status, [...FINAL_STATUSES]), isNull(legalRequests.erasedAt), lt(legalRequests.lastActivityAt, before(policy.requestDays))))
      .all()
    for (const r of finished) eraseRequest(tx, r.id, now, 'retention')
    const drafts = tx.delete(keyValue).where(and(like(keyValue.key, 'conv:%'), lt(keyValue.updatedAt, before(policy.draftDays)))).run().changes
    const sessions = tx.delete(keyValue).where(and(like(keyValue.key, 'session:%'), lt(keyValue.updatedAt, before(policy.sessionDays)))).run().changes
    let benefitAnswers = 0
    const stale = tx.select().from(keyValue).where(and(like(keyValue.key, 'session:%'), lt(keyValue.updatedAt, before(policy.benefitAnswerDays)))).all()
    for (const row of stale) {
      const session = JSON.parse(row.value) as Record<string, unknown>
      if (!('familyAnswers' in session)) continue
      delete session.familyAnswers
      tx.update(keyValue).set({ value: JSON.stringify(session) }).where(inArray(keyValue.key, [row.key])).run()
      benefitAnswers++
    }
    return { requests: finished.length, drafts, sessions, benefitAnswers }
  })
  if (result.requests + result.drafts + result.sessions + result.benefitAnswers > 0) scrubFile(db)
  return result
}

/** Runs the retention job now and then every `intervalMs` (hourly); the timer never keeps the process alive. */
export function startRetentionJob(db: Db, policy: RetentionPolicy, logger: Logger, clock: () => Date = () => new Date(), intervalMs = 60 * 60 * 1000): () => void {
  const run = () => {
    try {
      const result = applyRetention(db, clock(), policy)
      logger.info({ handler: 'privacy:retention', ...result }, 'retention applied')
    } catch (error) {
      logger.error({ err: describeError(error) }, 'retention failed')
    }
  }
  run()
  const timer = setInterval(run, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
