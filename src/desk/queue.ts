/**
 * The lawyers' queue: which open request comes first, how long a request has waited for a lawyer,
 * and when the desk must be reminded. Plain data and functions (no Telegram, no database).
 *
 * "Untouched" means the status is still `new`: no lawyer has taken the request yet.
 */
export const HOUR_MS = 3_600_000

/** An urgent request nobody took within an hour, or any other within two days, gets one reminder. */
export const URGENT_REMINDER_AFTER_MS = 1 * HOUR_MS
export const NORMAL_REMINDER_AFTER_MS = 48 * HOUR_MS

/** What the queue needs to know about a request. */
export interface QueueEntry {
  id: number
  status: string
  urgent: boolean
  createdAt: Date
  remindedAt?: Date | null
}

/** Urgent first, then oldest first; the id breaks ties so the order is stable. */
export function compareQueue(a: QueueEntry, b: QueueEntry): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id
}

/** A sorted copy: the input is left as it was. */
export function sortQueue<T extends QueueEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(compareQueue)
}

/** How long the request has waited for a lawyer, or null once one has taken it. */
export function untouchedMs(entry: Pick<QueueEntry, 'status' | 'createdAt'>, now: Date): number | null {
  if (entry.status !== 'new') return null
  return Math.max(0, now.getTime() - entry.createdAt.getTime())
}

/** Whole hours untouched ("untouched for 5 h"), or null when a lawyer has it. */
export function untouchedHours(entry: Pick<QueueEntry, 'status' | 'createdAt'>, now: Date): number | null {
  const ms = untouchedMs(entry, now)
  return ms === null ? null : Math.floor(ms / HOUR_MS)
}

export interface DueReminder {
  requestId: number
  urgent: boolean
  /** Whole hours untouched, as the reminder says it. */
  hours: number
}

/**
 * The requests that need their reminder now: untouched for at least an hour when urgent, two days
 * otherwise, and not reminded before (one reminder per request). Urgent ones come first.
 */
export function dueReminders(entries: readonly QueueEntry[], now: Date): DueReminder[] {
  return sortQueue(entries)
    .filter((e) => {
      if (e.remindedAt) return false
      const ms = untouchedMs(e, now)
      return ms !== null && ms >= (e.urgent ? URGENT_REMINDER_AFTER_MS : NORMAL_REMINDER_AFTER_MS)
    })
    .map((e) => ({ requestId: e.id, urgent: e.urgent, hours: Math.floor(untouchedMs(e, now)! / HOUR_MS) }))
}
