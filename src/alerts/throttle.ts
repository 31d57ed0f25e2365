/**
 * Alerts share Telegram's 30 messages a second with the lawyers' traffic, which must never wait
 * behind them. Pure: the worker asks how many sends the last second held and of what kind.
 */

/** Alerts may fill the second only up to this many sends in all, leaving the rest for urgent traffic. */
export const ALERT_SENDS_PER_SECOND = 25

export function isAlertKind(kind: string): boolean {
  return kind.startsWith('alert.')
}

/** Whether one more alert message may go now, given the sends of the last second (all kinds). */
export function alertMayGo(sentInLastSecond: number, limit = ALERT_SENDS_PER_SECOND): boolean {
  return sentInLastSecond < limit
}

/**
 * Edit the admin's progress message at most this often: often enough to watch, rarely enough to
 * stay inside the group's 20 messages a minute.
 */
export const PROGRESS_EVERY_MS = 5000

export interface AlertProgress {
  sent: number
  failed: number
  left: number
}

/** Edit only when the figures changed (Telegram refuses an edit that changes nothing) and the pause is over. */
export function progressDue(shown: string | null, next: AlertProgress, lastAt: Date | null, now: Date): boolean {
  if (shown === progressKey(next)) return false
  return !lastAt || now.getTime() - lastAt.getTime() >= PROGRESS_EVERY_MS
}

export const progressKey = (p: AlertProgress) => `${p.sent}/${p.failed}/${p.left}`
