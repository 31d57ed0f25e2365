import { describe, expect, it } from 'vitest'
import { dueReminders, HOUR_MS, sortQueue, untouchedHours, untouchedMs, type QueueEntry } from '../../src/desk/queue.js'

const NOW = new Date('2026-11-25T12:00:00Z')
const ago = (ms: number) => new Date(NOW.getTime() - ms)
const entry = (id: number, o: Partial<QueueEntry> = {}): QueueEntry => ({ id, status: 'new', urgent: false, createdAt: ago(HOUR_MS), remindedAt: null, ...o })

describe('queue order', () => {
  it('puts urgent requests first, then the oldest, and leaves the input alone', () => {
    const input = [
      entry(1, { createdAt: ago(10 * HOUR_MS) }),
      entry(2, { urgent: true, createdAt: ago(1 * HOUR_MS) }),
      entry(3, { createdAt: ago(50 * HOUR_MS) }),
      entry(4, { urgent: true, createdAt: ago(3 * HOUR_MS) }),
    ]
    expect(sortQueue(input).map((e) => e.id)).toEqual([4, 2, 3, 1])
    expect(input.map((e) => e.id)).toEqual([1, 2, 3, 4])
  })

  it('breaks ties by id so the order is stable', () => {
    const same = ago(HOUR_MS)
    expect(sortQueue([entry(9, { createdAt: same }), entry(3, { createdAt: same })]).map((e) => e.id)).toEqual([3, 9])
  })
})

describe('untouched time', () => {
  it('counts whole hours since the request came in while nobody has taken it', () => {
    expect(untouchedHours(entry(1, { createdAt: ago(5 * HOUR_MS + 59 * 60_000) }), NOW)).toBe(5)
    expect(untouchedMs(entry(1, { createdAt: ago(90_000) }), NOW)).toBe(90_000)
  })

  it('is null once a lawyer has it (any status but new)', () => {
    for (const status of ['in_progress', 'waiting_for_client', 'resolved', 'withdrawn']) expect(untouchedHours(entry(1, { status }), NOW)).toBeNull()
  })

  it('is never negative when the clock is behind the row', () => {
    expect(untouchedMs(entry(1, { createdAt: new Date(NOW.getTime() + 5000) }), NOW)).toBe(0)
  })
})

describe('due reminders', () => {
  it('reminds an urgent request after one hour and not a minute before', () => {
    expect(dueReminders([entry(1, { urgent: true, createdAt: ago(HOUR_MS - 60_000) })], NOW)).toEqual([])
    expect(dueReminders([entry(1, { urgent: true, createdAt: ago(HOUR_MS) })], NOW)).toEqual([{ requestId: 1, urgent: true, hours: 1 }])
  })

  it('reminds any other request after 48 hours', () => {
    expect(dueReminders([entry(1, { createdAt: ago(47 * HOUR_MS + 59 * 60_000) })], NOW)).toEqual([])
    expect(dueReminders([entry(1, { createdAt: ago(49 * HOUR_MS) })], NOW)).toEqual([{ requestId: 1, urgent: false, hours: 49 }])
  })

  it('reminds once: not when already reminded, nor when a lawyer has taken it', () => {
    const old = ago(100 * HOUR_MS)
    expect(dueReminders([entry(1, { urgent: true, createdAt: old, remindedAt: ago(HOUR_MS) }), entry(2, { status: 'in_progress', createdAt: old })], NOW)).toEqual([])
  })

  it('lists urgent ones first, then the oldest', () => {
    const due = dueReminders([entry(1, { createdAt: ago(60 * HOUR_MS) }), entry(2, { urgent: true, createdAt: ago(2 * HOUR_MS) }), entry(3, { createdAt: ago(70 * HOUR_MS) })], NOW)
    expect(due.map((d) => d.requestId)).toEqual([2, 3, 1])
  })
})
