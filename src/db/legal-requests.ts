import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { MessageEntity } from 'grammy/types'
import type { Language } from '../config.js'
import {
  canTransition,
  formatReference,
  type Actor,
  type RequestCity,
  type RequestStatus,
  type RequestTopic,
  type Urgency,
} from '../requests/lifecycle.js'
import { oncePerDatabase, type Db } from './client.js'
import { legalRequests, outbox, requestAttachments, requestMessages, requestStatusHistory, users } from './schema.js'

export type LegalRequest = typeof legalRequests.$inferSelect
export type RequestMessage = typeof requestMessages.$inferSelect
export type StatusChange = typeof requestStatusHistory.$inferSelect

/** What the person answered in the request conversation. */
export interface LegalRequestDraft {
  forWhom: 'self' | 'family'
  subjectName?: string
  topic: RequestTopic
  articleId?: string
  urgency: Urgency
  city: RequestCity
  description: string
  attachments: { kind: 'photo' | 'document'; fileId: string; fileName?: string }[]
  contactPhone?: string
  safeToContact: boolean
}

export interface Submission {
  userId: number
  chatId: number
  language: Language
  sourceUpdateId: string
  now: Date
  /**
   * The "✅ sent, reference …" message, queued with the request but due only after `holdMs`: the bot
   * sends it at once and marks it delivered, so it comes from the outbox only if the process died
   * while sending it (SIGKILL, power cut) — the reference is never lost.
   */
  confirmation?: { key: string; holdMs: number }
}

export type OutboxKind =
  | 'request.created'
  | 'request.message'
  | 'request.status'
  | 'request.withdrawn'
  | 'card.refresh'
  | 'lawyer.message'
  | 'lawyer.phrase'
  | 'relay.edit'
  | 'reminder'
  | 'centre.report'
  | 'request.erased'
  | 'request.confirmation'
  | 'deadline.reminder'

/** The database or a transaction on it. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0]

export function enqueueOutbox(db: DbOrTx, kind: OutboxKind, requestId: number | null, payload: Record<string, unknown>, now: Date, dueAt = now): number {
  return db.insert(outbox).values({ kind, requestId, payload: JSON.stringify(payload), createdAt: now, nextAttemptAt: dueAt }).returning({ id: outbox.id }).get().id
}

/**
 * Stores the request, its attachments, its first status and the lawyers' outbox event in one
 * transaction. The same Telegram update submitted twice returns the first request.
 */
export function submitLegalRequest(db: Db, draft: LegalRequestDraft, s: Submission): { request: LegalRequest; created: boolean; confirmationId?: number } {
  return db.transaction((tx) => {
    const existing = tx.select().from(legalRequests).where(eq(legalRequests.sourceUpdateId, s.sourceUpdateId)).get()
    if (existing) return { request: existing, created: false }
    const inserted = tx
      .insert(legalRequests)
      .values({
        reference: `pending-${s.sourceUpdateId}`,
        userId: s.userId,
        chatId: s.chatId,
        language: s.language,
        forWhom: draft.forWhom,
        subjectName: draft.forWhom === 'family' ? (draft.subjectName ?? null) : null,
        topic: draft.topic,
        articleId: draft.articleId ?? null,
        urgency: draft.urgency,
        urgent: draft.urgency !== 'normal',
        city: draft.city,
        description: draft.description,
        contactPhone: draft.contactPhone ?? null,
        safeToContact: draft.safeToContact,
        status: 'new',
        sourceUpdateId: s.sourceUpdateId,
        createdAt: s.now,
        lastActivityAt: s.now,
      })
      .returning()
      .get()
    const request = tx
      .update(legalRequests)
      .set({ reference: formatReference(s.now.getUTCFullYear(), inserted.id) })
      .where(eq(legalRequests.id, inserted.id))
      .returning()
      .get()
    for (const a of draft.attachments) {
      tx.insert(requestAttachments).values({ requestId: request.id, kind: a.kind, fileId: a.fileId, fileName: a.fileName ?? null, createdAt: s.now }).run()
    }
    tx.insert(requestStatusHistory).values({ requestId: request.id, fromStatus: null, toStatus: 'new', actorId: s.userId, createdAt: s.now }).run()
    enqueueOutbox(tx, 'request.created', request.id, { requestId: request.id }, s.now)
    const confirmationId = s.confirmation
      ? enqueueOutbox(tx, 'request.confirmation', request.id, { clientChatId: s.chatId, key: s.confirmation.key }, s.now, new Date(s.now.getTime() + s.confirmation.holdMs))
      : undefined
    return { request, created: true, confirmationId }
  })
}

export function listRequestsOfUser(db: Db, userId: number): LegalRequest[] {
  return db.select().from(legalRequests).where(eq(legalRequests.userId, userId)).orderBy(desc(legalRequests.lastActivityAt)).all()
}

/** Only ever the asker's own request: the user id is part of the lookup. */
export function findRequestOfUser(db: Db, userId: number, requestId: number): LegalRequest | undefined {
  return db.select().from(legalRequests).where(and(eq(legalRequests.id, requestId), eq(legalRequests.userId, userId))).get()
}

export function findRequest(db: Db, requestId: number): LegalRequest | undefined {
  return db.select().from(legalRequests).where(eq(legalRequests.id, requestId)).get()
}

export function requestMessageById(db: Db, id: number): RequestMessage | undefined {
  return db.select().from(requestMessages).where(eq(requestMessages.id, id)).get()
}

/** Open requests, for spotting conflicts of interest on a new card. */
export function listOpenRequestsForConflicts(db: Db) {
  return db
    .select({ id: legalRequests.id, reference: legalRequests.reference, subjectName: legalRequests.subjectName, contactPhone: legalRequests.contactPhone })
    .from(legalRequests)
    .where(inArray(legalRequests.status, ['new', 'in_progress', 'waiting_for_client']))
    .all()
}

export function findRequestByReference(db: Db, reference: string): LegalRequest | undefined {
  return db.select().from(legalRequests).where(eq(legalRequests.reference, reference.toUpperCase())).get()
}

export function requestAttachmentsOf(db: Db, requestId: number) {
  return db.select().from(requestAttachments).where(eq(requestAttachments.requestId, requestId)).orderBy(asc(requestAttachments.id)).all()
}

export function messagesOf(db: Db, requestId: number, options: { includeNotes: boolean }): RequestMessage[] {
  const rows = db.select().from(requestMessages).where(eq(requestMessages.requestId, requestId)).orderBy(asc(requestMessages.id)).all()
  return options.includeNotes ? rows : rows.filter((m) => m.direction !== 'note')
}

export function statusHistoryOf(db: Db, requestId: number): StatusChange[] {
  return db.select().from(requestStatusHistory).where(eq(requestStatusHistory.requestId, requestId)).orderBy(asc(requestStatusHistory.id)).all()
}

export type StatusChangeResult = { ok: true; request: LegalRequest } | { ok: false; reason: 'not-found' | 'not-allowed' }

/** Moves a request if the lifecycle allows it for this actor; records history and tells the desk. */
export function changeRequestStatus(
  db: Db,
  requestId: number,
  to: RequestStatus,
  actor: { kind: Actor; id: number },
  note: string | null,
  now: Date,
  extra: Partial<Pick<LegalRequest, 'disposition' | 'referredTo' | 'declineReason' | 'assignedLawyerId'>> = {},
): StatusChangeResult {
  return db.transaction((tx) => {
    const request = tx.select().from(legalRequests).where(eq(legalRequests.id, requestId)).get()
    if (!request) return { ok: false as const, reason: 'not-found' as const }
    if (!canTransition(request.status as RequestStatus, to, actor.kind)) return { ok: false as const, reason: 'not-allowed' as const }
    const reopened = to === 'in_progress' ? { disposition: null, referredTo: null, declineReason: null } : {}
    const updated = tx.update(legalRequests).set({ status: to, lastActivityAt: now, ...reopened, ...extra }).where(eq(legalRequests.id, requestId)).returning().get()
    tx.insert(requestStatusHistory).values({ requestId, fromStatus: request.status, toStatus: to, actorId: actor.id, note, createdAt: now }).run()
    const kind = to === 'withdrawn' ? 'request.withdrawn' : 'request.status'
    enqueueOutbox(tx, kind, requestId, { requestId, clientChatId: request.chatId, from: request.status, to }, now)
    return { ok: true as const, request: updated }
  })
}

/** "Take": the request is this lawyer's now; a new one starts being worked on. */
export function assignRequest(db: Db, requestId: number, lawyerId: number, now: Date): StatusChangeResult {
  const request = findRequest(db, requestId)
  if (!request) return { ok: false, reason: 'not-found' }
  if (request.status === 'new') return changeRequestStatus(db, requestId, 'in_progress', { kind: 'lawyer', id: lawyerId }, null, now, { assignedLawyerId: lawyerId })
  if (request.status === 'withdrawn') return { ok: false, reason: 'not-allowed' }
  return db.transaction((tx) => {
    const updated = tx.update(legalRequests).set({ assignedLawyerId: lawyerId, lastActivityAt: now }).where(eq(legalRequests.id, requestId)).returning().get()
    enqueueOutbox(tx, 'card.refresh', requestId, { requestId }, now)
    return { ok: true as const, request: updated }
  })
}

export function setRequestUrgent(db: Db, requestId: number, urgent: boolean, now: Date): LegalRequest | undefined {
  return db.transaction((tx) => {
    const updated = tx.update(legalRequests).set({ urgent }).where(eq(legalRequests.id, requestId)).returning().get()
    if (updated) enqueueOutbox(tx, 'card.refresh', requestId, { requestId }, now)
    return updated
  })
}

export interface GroupRelay {
  groupChatId: number
  groupMessageId: number
  media: boolean
  groupReplyTo?: number
  /** The lawyer's formatting (links, bold, code), kept on the way to the person. */
  entities?: MessageEntity[]
}

/** A lawyer writes to the person: stored, then sent through the outbox (copied for files). */
export function addLawyerMessage(db: Db, request: LegalRequest, lawyerId: number, text: string, relay: GroupRelay, now: Date): RequestMessage {
  return db.transaction((tx) => {
    const message = tx
      .insert(requestMessages)
      .values({ requestId: request.id, direction: 'to_client', authorId: lawyerId, text, createdAt: now, sourceChatId: relay.groupChatId, sourceMessageId: relay.groupMessageId })
      .returning()
      .get()
    tx.update(legalRequests)
      .set({ lastActivityAt: now, ...(request.firstAnsweredAt ? {} : { firstAnsweredAt: now }) })
      .where(eq(legalRequests.id, request.id))
      .run()
    enqueueOutbox(tx, 'lawyer.message', request.id, { requestId: request.id, clientChatId: request.chatId, lawyerId, text, ...relay }, now)
    return message
  })
}

/** An internal note: stored for the lawyers, never sent to the person. */
export function addLawyerNote(db: Db, request: LegalRequest, lawyerId: number, text: string, now: Date): RequestMessage {
  return db.insert(requestMessages).values({ requestId: request.id, direction: 'note', authorId: lawyerId, text, createdAt: now }).returning().get()
}

/** The person writes to the lawyer: stored, sent on through the outbox, and the ball is the lawyer's again. */
export interface ClientRelay {
  clientMessageId: number
  media: boolean
  clientReplyTo?: number
  entities?: MessageEntity[]
}

export function addClientMessage(db: Db, request: LegalRequest, text: string, now: Date, relay?: ClientRelay): RequestMessage {
  return db.transaction((tx) => {
    const source = relay ? { sourceChatId: request.chatId, sourceMessageId: relay.clientMessageId } : {}
    const message = tx.insert(requestMessages).values({ requestId: request.id, direction: 'from_client', authorId: request.userId, text, createdAt: now, ...source }).returning().get()
    tx.update(legalRequests).set({ lastActivityAt: now }).where(eq(legalRequests.id, request.id)).run()
    if (request.status === 'waiting_for_client') {
      tx.update(legalRequests).set({ status: 'in_progress' }).where(eq(legalRequests.id, request.id)).run()
      tx.insert(requestStatusHistory).values({ requestId: request.id, fromStatus: 'waiting_for_client', toStatus: 'in_progress', actorId: request.userId, createdAt: now }).run()
    }
    enqueueOutbox(tx, 'request.message', request.id, { requestId: request.id, messageId: message.id, ...relay }, now)
    return message
  })
}

/** The person's latest request in one of these statuses (e.g. the one waiting for their answer). */
export function latestRequestOf(db: Db, userId: number, statuses: readonly string[]): LegalRequest | undefined {
  const byStatuses = relayStatements(db).latest
  const key = statuses.join(',')
  let statement = byStatuses.get(key)
  if (!statement) byStatuses.set(key, (statement = latestStatement(db, statuses)))
  return statement.get({ userId })
}

/**
 * Whether the person has any request in one of these statuses: one narrow look-up on the user index, asked before
 * the queries that pick which request (almost nobody who writes to the bot has an open request).
 */
export function hasRequestIn(db: Db, userId: number, statuses: readonly string[]): boolean {
  const byStatuses = relayStatements(db).any
  const key = statuses.join(',')
  let statement = byStatuses.get(key)
  if (!statement) byStatuses.set(key, (statement = anyStatement(db, statuses.length)))
  return statement.get(userId, ...statuses) !== undefined
}

const anyStatement = (db: Db, statuses: number) =>
  db.$client
    .prepare<unknown[], number>(`SELECT 1 FROM legal_requests WHERE user_id = ? AND status IN (${Array(statuses).fill('?').join(', ')}) LIMIT 1`)
    .pluck()

const latestStatement = (db: Db, statuses: readonly string[]) =>
  db
    .select()
    .from(legalRequests)
    .where(and(eq(legalRequests.userId, sql.placeholder('userId')), inArray(legalRequests.status, [...statuses])))
    .orderBy(desc(legalRequests.lastActivityAt), desc(legalRequests.id))
    .prepare()

/**
 * Every message a person sends asks whether a lawyer waits for their answer: those statements are
 * built and prepared once per database (one per set of statuses the callers use).
 */
const relayStatements = oncePerDatabase((db: Db) => ({
  latest: new Map<string, ReturnType<typeof latestStatement>>(),
  any: new Map<string, ReturnType<typeof anyStatement>>(),
  lastExchanged: db
    .select({ direction: requestMessages.direction })
    .from(requestMessages)
    .where(and(eq(requestMessages.requestId, sql.placeholder('requestId')), inArray(requestMessages.direction, ['from_client', 'to_client'])))
    .orderBy(desc(requestMessages.createdAt), desc(requestMessages.id))
    .prepare(),
}))

/**
 * The person's open request whose lawyer spoke last (a question not yet answered): the person's
 * next plain message is most likely the answer. Notes are the lawyers' own and do not count.
 */
export function requestAwaitingAnswer(db: Db, userId: number, statuses: readonly string[]): LegalRequest | undefined {
  const request = latestRequestOf(db, userId, statuses)
  if (!request) return undefined
  const last = relayStatements(db).lastExchanged.get({ requestId: request.id })
  return last?.direction === 'to_client' ? request : undefined
}

/** The stored message that a Telegram message (in a private chat or the lawyers' group) became. */
export function messageFromSource(db: Db, sourceChatId: number, sourceMessageId: number): RequestMessage | undefined {
  return db.select().from(requestMessages).where(and(eq(requestMessages.sourceChatId, sourceChatId), eq(requestMessages.sourceMessageId, sourceMessageId))).get()
}

/**
 * An edit made in Telegram: the stored text becomes the latest, the earlier one is kept in the
 * history, and the mirrored copy's edit is queued, all at once.
 */
export function recordEdit(db: Db, message: RequestMessage, text: string, now: Date, mirror: Record<string, unknown> | undefined): void {
  db.transaction((tx) => {
    const earlier = [...(message.earlierTexts ? (JSON.parse(message.earlierTexts) as unknown[]) : []), { text: message.text, editedAt: now.toISOString() }]
    tx.update(requestMessages).set({ text, earlierTexts: JSON.stringify(earlier), editedAt: now }).where(eq(requestMessages.id, message.id)).run()
    if (mirror) enqueueOutbox(tx, 'relay.edit', message.requestId, mirror, now)
  })
}

/** What a message said before each edit, oldest first. */
export function earlierTextsOf(message: RequestMessage): { text: string; editedAt: string }[] {
  return message.earlierTexts ? (JSON.parse(message.earlierTexts) as { text: string; editedAt: string }[]) : []
}

