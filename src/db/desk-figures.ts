import { and, asc, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm'
import type { ExportRequest } from '../desk/export-csv.js'
import type { DueReminder } from '../desk/queue.js'
import { computeFigures, type DeskFigures, type FigureRequest, type VoteRow } from '../desk/stats-figures.js'
import type { DayRange, StatsRequest } from '../desk/stats.js'
import { FINAL_STATUSES, OPEN_STATUSES } from '../requests/lifecycle.js'
import type { Db } from './client.js'
import { enqueueOutbox, type DbOrTx, type LegalRequest, type RequestMessage, type StatusChange } from './legal-requests.js'
import { articleFeedback, lawyers, legalRequests, requestAttachments, requestMessages, requestStatusHistory } from './schema.js'

/** Queries behind /queue, /case, /stats, /export and the reminders. */

export interface QueueRow {
  id: number
  reference: string
  status: string
  urgent: boolean
  topic: string
  city: string
  createdAt: Date
  lastActivityAt: Date
  assignedLawyerId: number | null
  lawyerName: string | null
  remindedAt: Date | null
}

/** Open requests with the name of the lawyer who has them (never the person's name). */
export function listOpenRequests(db: Db): QueueRow[] {
  return db
    .select({
      id: legalRequests.id,
      reference: legalRequests.reference,
      status: legalRequests.status,
      urgent: legalRequests.urgent,
      topic: legalRequests.topic,
      city: legalRequests.city,
      createdAt: legalRequests.createdAt,
      lastActivityAt: legalRequests.lastActivityAt,
      assignedLawyerId: legalRequests.assignedLawyerId,
      lawyerName: lawyers.displayName,
      remindedAt: legalRequests.remindedAt,
    })
    .from(legalRequests)
    .leftJoin(lawyers, eq(lawyers.userId, legalRequests.assignedLawyerId))
    .where(inArray(legalRequests.status, [...OPEN_STATUSES]))
    .all()
}

/** Requests created in [start, end), oldest first. */
export function requestsCreatedBetween(db: Db, start: Date, end: Date): LegalRequest[] {
  return db
    .select()
    .from(legalRequests)
    .where(and(gte(legalRequests.createdAt, start), lt(legalRequests.createdAt, end)))
    .orderBy(asc(legalRequests.createdAt), asc(legalRequests.id))
    .all()
}

/** Only what the figures count, for requests created in [start, end). */
export function statsRequests(db: Db, start: Date, end: Date): StatsRequest[] {
  return db
    .select({
      status: legalRequests.status,
      topic: legalRequests.topic,
      city: legalRequests.city,
      language: legalRequests.language,
      createdAt: legalRequests.createdAt,
      firstAnsweredAt: legalRequests.firstAnsweredAt,
    })
    .from(legalRequests)
    .where(and(gte(legalRequests.createdAt, start), lt(legalRequests.createdAt, end)))
    .all()
}

/** 👍/👎 per article and language (all time, dated or not). */
export function articleFeedbackRows(db: Db) {
  return db.select({ articleId: articleFeedback.articleId, helpful: articleFeedback.helpful, notHelpful: articleFeedback.notHelpful }).from(articleFeedback).all()
}

/** 👍/👎 per article and day; `votedOn` is null for the votes from before they were dated. */
export function articleVotes(db: Db): VoteRow[] {
  return db
    .select({ articleId: articleFeedback.articleId, votedOn: articleFeedback.votedOn, helpful: articleFeedback.helpful, notHelpful: articleFeedback.notHelpful })
    .from(articleFeedback)
    .all()
}

/**
 * What the charts count for requests created in [start, end): no name, phone, text or id. A
 * closed request's `closedAt` is its last move to a final status (a reopened case closes again).
 */
export function figureRequests(db: Db, start: Date, end: Date): FigureRequest[] {
  // Written out: drizzle leaves columns unqualified in a one-table select, so `id` would be the history's own.
  const finals = sql.join(FINAL_STATUSES.map((s) => sql`${s}`), sql`, `)
  const closedAt = sql<number | null>`(select max(h.created_at) from request_status_history h where h.request_id = legal_requests.id and h.to_status in (${finals}))`
  return db
    .select({
      status: legalRequests.status,
      disposition: legalRequests.disposition,
      topic: legalRequests.topic,
      city: legalRequests.city,
      language: legalRequests.language,
      urgency: legalRequests.urgency,
      createdAt: legalRequests.createdAt,
      firstAnsweredAt: legalRequests.firstAnsweredAt,
      closedAt,
    })
    .from(legalRequests)
    .where(and(gte(legalRequests.createdAt, start), lt(legalRequests.createdAt, end)))
    .all()
    .map((r) => ({ ...r, closedAt: r.closedAt === null ? null : new Date(Number(r.closedAt)) }))
}

/** Everything the charts and the report show for a period. */
export function loadFigures(db: Db, range: DayRange): DeskFigures {
  return computeFigures(figureRequests(db, range.start, range.end), articleVotes(db), openQueueCount(db), range)
}

/** Requests open now, whenever they were made. */
export function openQueueCount(db: Db): number {
  return Number(db.select({ n: sql<number>`count(*)` }).from(legalRequests).where(inArray(legalRequests.status, [...OPEN_STATUSES])).get()?.n ?? 0)
}

/** Requests of a period with their attachment counts and messages, ready for the CSV. */
export function exportRequests(db: Db, start: Date, end: Date): ExportRequest[] {
  const requests = requestsCreatedBetween(db, start, end)
  if (requests.length === 0) return []
  const range = and(gte(legalRequests.createdAt, start), lt(legalRequests.createdAt, end))
  const files = new Map(
    db
      .select({ requestId: requestAttachments.requestId, n: sql<number>`count(*)` })
      .from(requestAttachments)
      .innerJoin(legalRequests, eq(legalRequests.id, requestAttachments.requestId))
      .where(range)
      .groupBy(requestAttachments.requestId)
      .all()
      .map((r) => [r.requestId, Number(r.n)]),
  )
  const messages = new Map<number, RequestMessage[]>()
  const rows = db
    .select({ m: requestMessages })
    .from(requestMessages)
    .innerJoin(legalRequests, eq(legalRequests.id, requestMessages.requestId))
    .where(range)
    .orderBy(asc(requestMessages.id))
    .all()
  for (const { m } of rows) messages.set(m.requestId, [...(messages.get(m.requestId) ?? []), m])
  return requests.map((r) => ({
    reference: r.reference,
    createdAt: r.createdAt,
    status: r.status,
    disposition: r.disposition,
    referredTo: r.referredTo,
    declineReason: r.declineReason,
    topic: r.topic,
    city: r.city,
    language: r.language,
    urgency: r.urgency,
    urgent: r.urgent,
    forWhom: r.forWhom,
    subjectName: r.subjectName,
    contactPhone: r.contactPhone,
    safeToContact: r.safeToContact,
    description: r.description,
    assignedLawyerId: r.assignedLawyerId,
    attachments: files.get(r.id) ?? 0,
    firstAnsweredAt: r.firstAnsweredAt,
    lastActivityAt: r.lastActivityAt,
    messages: messages.get(r.id) ?? [],
  }))
}

export interface CaseHistory {
  request: LegalRequest
  /** Names lawyers chose to show, by Telegram id (the assigned one and any who acted). */
  lawyerNames: Map<number, string>
  statusChanges: StatusChange[]
  /** Both directions and the internal notes, oldest first. */
  messages: RequestMessage[]
  attachments: number
}

/** Everything that happened on one request, for /case. */
export function caseHistory(db: Db, requestId: number): CaseHistory | undefined {
  const request = db.select().from(legalRequests).where(eq(legalRequests.id, requestId)).get()
  if (!request) return undefined
  const lawyerNames = new Map(
    db
      .select({ id: lawyers.userId, name: lawyers.displayName })
      .from(lawyers)
      .all()
      .flatMap((l) => (l.name ? [[l.id, l.name] as const] : [])),
  )
  const attachments = db.select({ n: sql<number>`count(*)` }).from(requestAttachments).where(eq(requestAttachments.requestId, requestId)).get()
  return {
    request,
    lawyerNames,
    statusChanges: db.select().from(requestStatusHistory).where(eq(requestStatusHistory.requestId, requestId)).orderBy(asc(requestStatusHistory.id)).all(),
    messages: db.select().from(requestMessages).where(eq(requestMessages.requestId, requestId)).orderBy(asc(requestMessages.id)).all(),
    attachments: Number(attachments?.n ?? 0),
  }
}

/** Untouched requests old enough for a reminder and not reminded yet (the pure rules decide which). */
export function reminderCandidates(db: DbOrTx, createdUpTo: Date) {
  return db
    .select({ id: legalRequests.id, status: legalRequests.status, urgent: legalRequests.urgent, createdAt: legalRequests.createdAt, remindedAt: legalRequests.remindedAt })
    .from(legalRequests)
    .where(and(eq(legalRequests.status, 'new'), isNull(legalRequests.remindedAt), lte(legalRequests.createdAt, createdUpTo)))
    .all()
}

/**
 * Records that the reminder is going out and queues it, together. Only a request still
 * unreminded is marked, so two runs cannot both queue one; returns whether this call did.
 */
export function markReminded(db: DbOrTx, reminder: DueReminder, now: Date): boolean {
  const marked = db
    .update(legalRequests)
    .set({ remindedAt: now })
    .where(and(eq(legalRequests.id, reminder.requestId), isNull(legalRequests.remindedAt)))
    .run().changes
  if (marked === 0) return false
  enqueueOutbox(db, 'reminder', reminder.requestId, { requestId: reminder.requestId, urgent: reminder.urgent, hours: reminder.hours }, now)
  return true
}
