import { dueReminders, URGENT_REMINDER_AFTER_MS, NORMAL_REMINDER_AFTER_MS, type DueReminder } from '../desk/queue.js'
import type { Db } from './client.js'
import { markReminded, reminderCandidates } from './desk-figures.js'

/**
 * Storage calls the rule (`dueReminders`, pure, in src/desk/queue.ts): queues the "untouched for
 * N h" reminders that are due, as `reminder` outbox events, and marks the requests reminded in the same transaction: each request is reminded once, and nothing is
 * kept in memory, so a restart neither loses a reminder nor repeats one. The outbox worker calls
 * this at the start of every run. Returns the reminders queued.
 */
export function scheduleReminders(db: Db, now: Date): DueReminder[] {
  const oldestThreshold = Math.min(URGENT_REMINDER_AFTER_MS, NORMAL_REMINDER_AFTER_MS)
  return db.transaction(
    (tx) => {
      const due = dueReminders(reminderCandidates(tx, new Date(now.getTime() - oldestThreshold)), now)
      return due.filter((reminder) => markReminded(tx, reminder, now))
    },
    { behavior: 'immediate' },
  )
}
