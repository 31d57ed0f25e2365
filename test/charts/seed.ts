/**
 * A seeded database for the figures: requests spread over weeks, places, topics, statuses and
 * urgencies, with names, phones and texts that must never reach a chart or the report, and
 * dated and undated 👍/👎 votes. Deterministic (a fixed pseudo-random sequence).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Db } from '../../src/db/client.js'
import { articleFeedback, legalRequests, requestStatusHistory } from '../../src/db/schema.js'
import { FINAL_STATUSES, formatReference } from '../../src/requests/lifecycle.js'

const HOUR = 3_600_000
export const Q3 = { from: '2026-07-01', to: '2026-09-30' }

/** Every personal thing the seed stores: none may appear in a report. */
export const PERSONAL = {
  names: ['Азамат Бакиров', 'Dilnoza Karimova', 'Фаррух Саидов', 'Gulnara Toktogulova'],
  phones: ['+7 912 345 67 89', '+79261112233', '+996 555 123 456', '8 (987) 654-32-10'],
  texts: ['Работодатель не платит зарплату три месяца', 'Pasportimni xoʻjayin olib qoʻydi', 'Маро дар кӯча боздошт карданд', 'Полиция забрала патент у метро'],
}

function lcg(seed: number) {
  let s = seed
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
}

const pick = <T>(r: () => number, items: readonly (readonly [T, number])[]): T => {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let x = r() * total
  for (const [item, w] of items) if ((x -= w) < 0) return item
  return items[items.length - 1]![0]
}

export function seedDatabase(): { db: Db; close: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'joldosh-charts-'))
  const db = openDatabase(join(dir, 'figures.db'))
  const r = lcg(20)
  const start = Date.parse('2026-06-24T00:00:00Z') // a week before Q3, so the period's edge is tested
  const n = 150
  for (let i = 1; i <= n; i++) {
    const createdAt = new Date(start + Math.floor(r() * 110 * 24) * HOUR)
    const status = pick(r, [['new', 3], ['in_progress', 3], ['waiting_for_client', 1], ['resolved', 6], ['referred', 2], ['closed', 3], ['withdrawn', 1]] as const)
    const disposition = status === 'resolved' ? 'resolved' : status === 'referred' ? 'referred' : status === 'closed' ? (r() < 0.6 ? 'declined' : null) : null
    const answered = status !== 'new' && r() < 0.9
    const firstAnsweredAt = answered ? new Date(createdAt.getTime() + Math.floor(r() * 200 * HOUR * r())) : null
    const person = i % 4
    db.insert(legalRequests)
      .values({
        reference: formatReference(2026, i),
        userId: 5000 + i,
        chatId: 5000 + i,
        language: pick(r, [['ky', 5], ['uz', 3], ['tg', 2], ['ru', 2], ['en', 0.3]] as const),
        forWhom: person % 2 ? 'family' : 'self',
        subjectName: person % 2 ? PERSONAL.names[person]! : null,
        topic: pick(r, [['work', 6], ['documents', 5], ['police', 2], ['life', 1], ['family', 0.6], ['other', 0.4]] as const),
        urgency: pick(r, [['normal', 8], ['deadline', 2], ['detained', 0.6]] as const),
        urgent: false,
        city: pick(r, [['moscow', 8], ['kazan', 3], ['chelyabinsk', 0.5], ['russia-other', 2], ['kyrgyzstan', 0.3], ['elsewhere', 0.3]] as const),
        description: PERSONAL.texts[person]!,
        contactPhone: PERSONAL.phones[person]!,
        safeToContact: true,
        status,
        disposition,
        sourceUpdateId: `seed:${i}`,
        createdAt,
        lastActivityAt: createdAt,
        firstAnsweredAt,
      })
      .run()
    if ((FINAL_STATUSES as readonly string[]).includes(status)) {
      // A reopened case: the first close is not the one that counts.
      const reopened = i % 9 === 0
      const closedAt = new Date(createdAt.getTime() + Math.floor(r() * 400 * HOUR) + HOUR)
      const rows = reopened
        ? [
            { toStatus: status, createdAt: new Date(createdAt.getTime() + HOUR / 2) },
            { toStatus: 'in_progress', createdAt: new Date(createdAt.getTime() + HOUR) },
            { toStatus: status, createdAt: closedAt },
          ]
        : [{ toStatus: status, createdAt: closedAt }]
      for (const row of rows) db.insert(requestStatusHistory).values({ requestId: i, fromStatus: 'new', actorId: 1, note: PERSONAL.texts[0]!, ...row }).run()
    }
  }
  const votes: [string, string, string | null, number, number][] = [
    ['patent', 'ky', '2026-07-03', 7, 1],
    ['patent', 'ru', '2026-08-15', 3, 2],
    ['registration', 'uz', '2026-09-30', 12, 6],
    ['registration', 'uz', '2026-10-01', 5, 5], // after Q3
    ['unpaid-wages', 'tg', '2026-08-01', 2, 0],
    ['patent', 'ky', null, 40, 4], // from before votes were dated
    ['hotlines', 'ru', null, 3, 1],
  ]
  for (const [articleId, language, votedOn, helpful, notHelpful] of votes) db.insert(articleFeedback).values({ articleId, language, votedOn, helpful, notHelpful }).run()
  return {
    db,
    close: () => {
      db.$client.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
