import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm'
import { computeDeadlines, reminderDates, todayInRussia } from '../deadlines/compute.js'
import type { MigrantDates, ReminderOffset } from '../deadlines/types.js'
import type { Db } from './client.js'
import { enqueueOutbox, type DbOrTx } from './legal-requests.js'
import { deadlineDates, deadlineReminders, outbox } from './schema.js'

export const ALL_OFFSETS: readonly ReminderOffset[] = [7, 3, 1]
/** Reminders go out at 10:00 Moscow time (UTC+3 all year): not at night, early enough to act the same day. */
const REMIND_AT_UTC = 'T07:00:00Z'

export interface SavedDeadlines {
  answers: MigrantDates
  offsets: ReminderOffset[]
  remindersOn: boolean
  updatedAt: Date
}

const readOffsets = (s: string): ReminderOffset[] => ALL_OFFSETS.filter((o) => s.split(',').includes(String(o)))

export function findDeadlineDates(db: DbOrTx, userId: number): SavedDeadlines | undefined {
  const row = db.select().from(deadlineDates).where(eq(deadlineDates.userId, userId)).get()
  if (!row) return undefined
  return { answers: JSON.parse(row.answers) as MigrantDates, offsets: readOffsets(row.reminderOffsets), remindersOn: row.remindersOn, updatedAt: row.updatedAt }
}

/**
 * Plans the person's reminders again from their dates and settings: the ones not yet sent are replaced; one
 * already queued for the same date and offset is kept (the unique index), so a change never sends it twice.
 */
function plan(tx: DbOrTx, userId: number, now: Date): void {
  tx.delete(deadlineReminders).where(and(eq(deadlineReminders.userId, userId), isNull(deadlineReminders.queuedAt))).run()
  const saved = findDeadlineDates(tx, userId)
  if (!saved?.remindersOn) return
  const today = todayInRussia(now)
  for (const d of computeDeadlines(saved.answers, today).deadlines) {
    for (const r of reminderDates(d, saved.offsets, today)) {
      const dueAt = new Date(`${r.date}${REMIND_AT_UTC}`)
      // One due before now would arrive right after the person saw the list: it adds nothing.
      if (dueAt <= now) continue
      tx.insert(deadlineReminders).values({ userId, kind: d.kind, deadlineDate: d.date, daysBefore: r.offset, dueAt }).onConflictDoNothing().run()
    }
  }
}

/** Saves the answers (replacing earlier ones) and plans the reminders, in one transaction. */
export function saveDeadlineDates(db: Db, userId: number, chatId: number, answers: MigrantDates, now: Date): void {
  db.transaction((tx) => {
    tx.insert(deadlineDates)
      .values({ userId, chatId, answers: JSON.stringify(answers), updatedAt: now })
      .onConflictDoUpdate({ target: deadlineDates.userId, set: { chatId, answers: JSON.stringify(answers), updatedAt: now } })
      .run()
    plan(tx, userId, now)
  })
}

/** Turns reminders on or off, or sets which days before; false when the person has no dates saved. */
export function setReminders(db: Db, userId: number, change: { on?: boolean; offsets?: readonly ReminderOffset[] }, now: Date): boolean {
  return db.transaction((tx) => {
    const set: Partial<typeof deadlineDates.$inferInsert> = { updatedAt: now }
    if (change.on !== undefined) set.remindersOn = change.on
    if (change.offsets !== undefined) set.reminderOffsets = ALL_OFFSETS.filter((o) => change.offsets!.includes(o)).join(',')
    const updated = tx.update(deadlineDates).set(set).where(eq(deadlineDates.userId, userId)).run()
    if (updated.changes === 0) return false
    plan(tx, userId, now)
    return true
  })
}

/**
 * Deletes the person's dates, planned reminders and reminders queued or sent (their payload names a date of the
 * person's). Part of /deletemydata's transaction, and the "delete my dates" button.
 */
export function deleteDeadlineDates(tx: DbOrTx, userId: number): boolean {
  const rows = tx.select({ id: outbox.id, payload: outbox.payload }).from(outbox).where(eq(outbox.kind, 'deadline.reminder')).all()
  const theirs = rows.filter((r) => (JSON.parse(r.payload) as { userId?: number }).userId === userId).map((r) => r.id)
  if (theirs.length) tx.delete(outbox).where(inArray(outbox.id, theirs)).run()
  tx.delete(deadlineReminders).where(eq(deadlineReminders.userId, userId)).run()
  return tx.delete(deadlineDates).where(eq(deadlineDates.userId, userId)).run().changes > 0
}

export interface DeadlineReminderPayload {
  userId: number
  chatId: number
  kind: string
  deadlineDate: string
  daysBefore: number
}

/**
 * Called by the outbox worker on every run: queues the reminders that are due as `deadline.reminder` events and
 * marks them queued in the same transaction, so each goes out once and a restart or outage only delays them.
 * After an outage several reminders of one date may be due at once: one message goes (the nearest), all are marked.
 */
export function scheduleDeadlineReminders(db: Db, now: Date): number {
  return db.transaction(
    (tx) => {
      const due = tx
        .select({ r: deadlineReminders, chatId: deadlineDates.chatId, on: deadlineDates.remindersOn })
        .from(deadlineReminders)
        .innerJoin(deadlineDates, eq(deadlineDates.userId, deadlineReminders.userId))
        .where(and(isNull(deadlineReminders.queuedAt), lte(deadlineReminders.dueAt, now)))
        .orderBy(asc(deadlineReminders.daysBefore))
        .all()
      const sent = new Set<string>()
      for (const { r, chatId, on } of due) {
        tx.update(deadlineReminders).set({ queuedAt: now }).where(eq(deadlineReminders.id, r.id)).run()
        const key = `${r.userId}:${r.kind}:${r.deadlineDate}`
        if (!on || sent.has(key)) continue
        sent.add(key)
        const payload: DeadlineReminderPayload = { userId: r.userId, chatId, kind: r.kind, deadlineDate: r.deadlineDate, daysBefore: r.daysBefore }
        enqueueOutbox(tx, 'deadline.reminder', null, { ...payload, clientChatId: chatId }, now)
      }
      return sent.size
    },
    { behavior: 'immediate' },
  )
}

/** The person blocked the bot: nothing more is planned until they come back and save again. */
export function stopReminders(db: Db, userId: number): void {
  db.transaction((tx) => {
    tx.update(deadlineDates).set({ remindersOn: false }).where(eq(deadlineDates.userId, userId)).run()
    tx.delete(deadlineReminders).where(and(eq(deadlineReminders.userId, userId), isNull(deadlineReminders.queuedAt))).run()
  })
}

/** For /mydata: the answers, the settings and the reminders planned or sent. */
export function myDeadlineData(db: Db, userId: number) {
  const saved = findDeadlineDates(db, userId)
  if (!saved) return null
  const reminders = db.select().from(deadlineReminders).where(eq(deadlineReminders.userId, userId)).orderBy(asc(deadlineReminders.dueAt)).all()
  return {
    answers: saved.answers,
    remindersOn: saved.remindersOn,
    remindDaysBefore: saved.offsets,
    savedAt: saved.updatedAt.toISOString(),
    reminders: reminders.map((r) => ({ deadline: r.kind, date: r.deadlineDate, daysBefore: r.daysBefore, at: r.dueAt.toISOString(), sent: r.queuedAt !== null })),
  }
}
