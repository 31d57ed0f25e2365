/**
 * hasRequestIn: the narrow look-up asked before the person's messages are matched to a request (desk-relay.ts). It
 * must say yes exactly when latestRequestOf would find a request, for every set of statuses.
 */
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client.js'
import { changeRequestStatus, hasRequestIn, latestRequestOf, submitLegalRequest, type LegalRequestDraft } from '../../src/db/legal-requests.js'
import { OPEN_STATUSES, REQUEST_STATUSES } from '../../src/requests/lifecycle.js'

const SETS: readonly (readonly string[])[] = [OPEN_STATUSES, ['waiting_for_client'], ['withdrawn'], REQUEST_STATUSES, []]

describe('hasRequestIn', () => {
  it('says whether latestRequestOf finds a request, as requests are made and change status', () => {
    const db = openDatabase(':memory:')
    const now = new Date('2026-12-01T10:00:00Z')
    const agree = (userId: number) => SETS.map((s) => [hasRequestIn(db, userId, s), latestRequestOf(db, userId, s) !== undefined])
    const draft: LegalRequestDraft = { forWhom: 'self', topic: 'work', urgency: 'normal', city: 'kazan', description: 'Не платят зарплату', attachments: [], safeToContact: true }
    const seen: boolean[][] = []
    const check = () => {
      for (const userId of [1, 2]) {
        const pairs = agree(userId)
        for (const [has, found] of pairs) expect(has).toBe(found)
        seen.push(pairs.map(([has]) => has!))
      }
    }
    check()
    const { request } = submitLegalRequest(db, draft, { userId: 1, chatId: 1, language: 'ru', sourceUpdateId: 'u-1', now })
    check()
    changeRequestStatus(db, request.id, 'in_progress', { kind: 'lawyer', id: 99 }, null, now)
    changeRequestStatus(db, request.id, 'waiting_for_client', { kind: 'lawyer', id: 99 }, null, now)
    check()
    changeRequestStatus(db, request.id, 'withdrawn', { kind: 'client', id: 1 }, null, now)
    check()
    // Person 1: none, then new, then waiting, then withdrawn; person 2 never has one.
    expect(seen.filter((_x, i) => i % 2 === 0)).toEqual([
      [false, false, false, false, false],
      [true, false, false, true, false],
      [true, true, false, true, false],
      [false, false, true, true, false],
    ])
    expect(seen.filter((_x, i) => i % 2 === 1).flat().some(Boolean)).toBe(false)
  })
})
