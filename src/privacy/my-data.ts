import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm'
import { findSubscription } from '../db/alerts.js'
import type { Db } from '../db/client.js'
import { myDeadlineData } from '../db/deadlines.js'
import { alertDeliveries, keyValue, legalRequests, requestAttachments, requestMessages, requestStatusHistory, users } from '../db/schema.js'

/** One request as the person may see it: their own words, the messages both ways, no lawyers' notes. */
export interface MyRequestData {
  reference: string
  status: string
  topic: string
  city: string
  urgency: string
  forWhom: string
  subjectName: string | null
  description: string
  contactPhone: string | null
  safeToContact: boolean
  createdAt: string
  lastActivityAt: string
  files: { kind: string; fileName: string | null }[]
  messages: { from: 'you' | 'lawyer'; text: string; at: string }[]
  statuses: { status: string; at: string }[]
}

/** Everything the bot keeps about one person, for /mydata and the file it sends. */
export interface MyData {
  telegramId: number
  language: string | null
  firstSeenAt: string | null
  lastSeenAt: string | null
  requests: MyRequestData[]
  /** What the bot remembers between messages: the last article opened, the last benefits answers. */
  session: Record<string, unknown> | null
  /** A request (or benefits check) started and not finished: its answers so far, as Telegram sent them. */
  conversationInProgress: unknown
  /** /deadlines: the dates given, the reminder settings and the reminders planned or sent. */
  deadlines: ReturnType<typeof myDeadlineData>
  /** /news: the topics followed and, if given, citizenship and city; which alerts reached the person. */
  news: { topics: string[]; citizenship: string | null; city: string | null; language: string | null; offeredAt: string | null; blockedAt: string | null; alertsReceived: number } | null
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

export function collectMyData(db: Db, userId: number): MyData {
  const user = db.select().from(users).where(eq(users.id, userId)).get()
  const rows = db.select().from(legalRequests).where(eq(legalRequests.userId, userId)).orderBy(asc(legalRequests.id)).all()
  const ids = rows.map((r) => r.id)
  const messages = ids.length ? db.select().from(requestMessages).where(and(inArray(requestMessages.requestId, ids), ne(requestMessages.direction, 'note'))).orderBy(asc(requestMessages.id)).all() : []
  const files = ids.length ? db.select().from(requestAttachments).where(inArray(requestAttachments.requestId, ids)).orderBy(asc(requestAttachments.id)).all() : []
  const statuses = ids.length ? db.select().from(requestStatusHistory).where(inArray(requestStatusHistory.requestId, ids)).orderBy(asc(requestStatusHistory.id)).all() : []
  const stored = (key: string) => {
    const row = db.select().from(keyValue).where(eq(keyValue.key, key)).get()
    return row ? (JSON.parse(row.value) as unknown) : null
  }
  return {
    telegramId: userId,
    language: user?.language ?? null,
    firstSeenAt: iso(user?.firstSeenAt),
    lastSeenAt: iso(user?.lastSeenAt),
    requests: rows.map((r) => ({
      reference: r.reference,
      status: r.status,
      topic: r.topic,
      city: r.city,
      urgency: r.urgency,
      forWhom: r.forWhom,
      subjectName: r.subjectName,
      description: r.description,
      contactPhone: r.contactPhone,
      safeToContact: r.safeToContact,
      createdAt: r.createdAt.toISOString(),
      lastActivityAt: r.lastActivityAt.toISOString(),
      files: files.filter((f) => f.requestId === r.id).map((f) => ({ kind: f.kind, fileName: f.fileName })),
      messages: messages.filter((m) => m.requestId === r.id).map((m) => ({ from: m.direction === 'from_client' ? ('you' as const) : ('lawyer' as const), text: m.text, at: m.createdAt.toISOString() })),
      statuses: statuses.filter((s) => s.requestId === r.id).map((s) => ({ status: s.toStatus, at: s.createdAt.toISOString() })),
    })),
    session: stored(`session:${userId}`) as Record<string, unknown> | null,
    conversationInProgress: stored(`conv:${userId}`),
    deadlines: myDeadlineData(db, userId),
    news: newsOf(db, userId),
  }
}

function newsOf(db: Db, userId: number): MyData['news'] {
  const sub = findSubscription(db, userId)
  const received = db.select({ n: sql<number>`count(*)` }).from(alertDeliveries).where(and(eq(alertDeliveries.userId, userId), eq(alertDeliveries.outcome, 'sent'))).get()!.n
  if (!sub && !received) return null
  return { topics: sub?.topics ?? [], citizenship: sub?.citizenship ?? null, city: sub?.city ?? null, language: sub?.language ?? null, offeredAt: iso(sub?.offeredAt), blockedAt: iso(sub?.blockedAt), alertsReceived: received }
}
