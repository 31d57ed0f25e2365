import { and, eq, inArray, isNotNull, like, or } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { deleteDeadlineDates } from '../db/deadlines.js'
import { eraseNewsData } from '../db/alerts.js'
import { enqueueOutbox, type DbOrTx } from '../db/legal-requests.js'
import {
  auditLog,
  deskPrompts,
  keyValue,
  lawyers,
  legalRequests,
  outbox,
  relayedMessages,
  requestAttachments,
  requestMessages,
  requestStatusHistory,
  users,
} from '../db/schema.js'
import { OPEN_STATUSES, type RequestStatus } from '../requests/lifecycle.js'


/** The audit log needs who acted only for the NGO's own people; a migrant's id is replaced by this. */
export const ERASED_ACTOR = 0

/**
 * Erases one request's personal fields in a transaction: texts, name, phone, files, messages,
 * notes, relays and queued messages go; the row stays with its topic, city, language, status and
 * dates so the figures still count it. Queues a `request.erased` event so the lawyers' card is
 * edited and the bot's copies of the person's messages and files are deleted from the group.
 */
export function eraseRequest(tx: DbOrTx, requestId: number, now: Date, reason: 'person' | 'retention'): void {
  const request = tx.select().from(legalRequests).where(eq(legalRequests.id, requestId)).get()
  if (!request || request.erasedAt) return
  const copies = [
    ...tx.select({ id: relayedMessages.groupMessageId }).from(relayedMessages)
      .where(and(eq(relayedMessages.requestId, requestId), eq(relayedMessages.direction, 'from_client'))).all(),
    ...tx.select({ id: requestAttachments.groupMessageId }).from(requestAttachments)
      .where(and(eq(requestAttachments.requestId, requestId), isNotNull(requestAttachments.groupMessageId))).all(),
  ].map((r) => r.id!)
  tx.delete(requestAttachments).where(eq(requestAttachments.requestId, requestId)).run()
  tx.delete(requestMessages).where(eq(requestMessages.requestId, requestId)).run()
  tx.delete(relayedMessages).where(eq(relayedMessages.requestId, requestId)).run()
  tx.delete(deskPrompts).where(eq(deskPrompts.requestId, requestId)).run()
  // Queued and delivered events carry texts (a lawyer's message, an edit): none may stay.
  tx.delete(outbox).where(eq(outbox.requestId, requestId)).run()
  tx.update(requestStatusHistory).set({ note: null }).where(eq(requestStatusHistory.requestId, requestId)).run()
  tx.update(requestStatusHistory).set({ actorId: ERASED_ACTOR })
    .where(and(eq(requestStatusHistory.requestId, requestId), eq(requestStatusHistory.actorId, request.userId))).run()
  const open = OPEN_STATUSES.includes(request.status as RequestStatus)
  if (open) {
    tx.insert(requestStatusHistory).values({ requestId, fromStatus: request.status, toStatus: 'withdrawn', actorId: ERASED_ACTOR, createdAt: now }).run()
  }
  tx.update(legalRequests)
    .set({
      userId: ERASED_ACTOR,
      chatId: ERASED_ACTOR,
      subjectName: null,
      description: '',
      contactPhone: null,
      declineReason: null,
      sourceUpdateId: `erased:${requestId}`,
      erasedAt: now,
      ...(open ? { status: 'withdrawn' } : {}),
    })
    .where(eq(legalRequests.id, requestId))
    .run()
  enqueueOutbox(tx, 'request.erased', requestId, { requestId, reason, deleteMessageIds: copies }, now)
}

/**
 * /deletemydata: every request of the person is erased (see eraseRequest), their language, session
 * and conversation state are deleted, and the audit log forgets their id unless they are one of the
 * NGO's lawyers (whose actions the audit must keep). Then the file is cleaned: see `scrubFile`.
 */
export function erasePerson(db: Db, userId: number, now: Date): number {
  const erased = db.transaction((tx) => {
    const requests = tx.select({ id: legalRequests.id }).from(legalRequests).where(eq(legalRequests.userId, userId)).all()
    for (const r of requests) eraseRequest(tx, r.id, now, 'person')
    deleteDeadlineDates(tx, userId)
    tx.delete(users).where(eq(users.id, userId)).run()
    eraseNewsData(tx, userId)
    tx.delete(keyValue).where(or(inArray(keyValue.key, [`session:${userId}`, `conv:${userId}`]), like(keyValue.key, `%:${userId}`))).run()
    const isLawyer = tx.select().from(lawyers).where(eq(lawyers.userId, userId)).get()
    if (!isLawyer) tx.update(auditLog).set({ actorId: ERASED_ACTOR }).where(eq(auditLog.actorId, userId)).run()
    return requests.length
  })
  scrubFile(db)
  return erased
}

/** The bot's copy of an attachment in the lawyers' group, so erasure can delete it there. */
export function setAttachmentCopy(db: Db, attachmentId: number, groupMessageId: number): void {
  db.update(requestAttachments).set({ groupMessageId }).where(eq(requestAttachments.id, attachmentId)).run()
}

/**
 * SQLite keeps deleted text in free pages and in the WAL until they are reused. The connection
 * runs with `secure_delete` (client.ts), which zeroes freed pages; the checkpoint then moves the
 * clean pages into the file and truncates the WAL, so the old frames are gone too.
 */
export function scrubFile(db: Db): void {
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
}
