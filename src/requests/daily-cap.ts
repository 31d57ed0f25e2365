import { isOpen, type RequestStatus } from './lifecycle.js'

/**
 * How many open requests one person may file in a day. Enough for a family's real troubles; it
 * stops one person flooding the desk, or piling conflicts onto someone else's phone number. Pure.
 */
export const MAX_OPEN_REQUESTS_PER_DAY = 3
const DAY_MS = 24 * 3600 * 1000

/** The person's open requests filed in the last 24 hours, when they already reach the cap; else none. */
export function openRequestsOverDailyCap<R extends { status: string; createdAt: Date }>(requests: readonly R[], now: Date): R[] {
  const recent = requests.filter((r) => isOpen(r.status as RequestStatus) && now.getTime() - r.createdAt.getTime() < DAY_MS)
  return recent.length >= MAX_OPEN_REQUESTS_PER_DAY ? recent : []
}
