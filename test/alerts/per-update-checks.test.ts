import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EVERYONE } from '../../src/alerts/audience.js'
import { claimNewsOffer, composingAlert, createAlert, eraseNewsData, releaseNewsOffer, updateAlert, updateSubscription } from '../../src/db/alerts.js'
import { openDatabase, type Db } from '../../src/db/client.js'
import { outbox } from '../../src/db/schema.js'
import { parseDataKey, useDataKeys } from '../../src/privacy/crypto.js'

/** The two alert checks every update makes (the news offer after a useful answer, an admin's draft on a message). */
let db: Db
const T0 = new Date('2026-11-01T10:00:00Z')
const PERSON = 4200
const ADMIN = 4300

beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'joldosh-alert-checks-')), 'test.db'))
})
afterEach(() => {
  useDataKeys(undefined)
  db.$client.close()
})

const offers = () => db.select().from(outbox).where(eq(outbox.kind, 'alert.offer')).all().length

describe('the news offer after a useful answer', () => {
  it('is claimed and queued once; again only after it was released or the person erased their data', () => {
    expect(claimNewsOffer(db, PERSON, 'ky', T0)).toBe(true)
    expect(claimNewsOffer(db, PERSON, 'ky', T0)).toBe(false)
    expect(offers()).toBe(1)
    releaseNewsOffer(db, PERSON)
    expect(claimNewsOffer(db, PERSON, 'ky', T0)).toBe(true)
    expect(offers()).toBe(2)
    eraseNewsData(db, PERSON)
    expect(offers()).toBe(0)
    expect(claimNewsOffer(db, PERSON, 'ky', T0)).toBe(true)
    expect(offers()).toBe(1)
  })

  it('stores the rows as before: dates in milliseconds, the payload sealed when a data key is set', () => {
    useDataKeys(parseDataKey('a'.repeat(64)))
    expect(claimNewsOffer(db, PERSON, 'tg', T0)).toBe(true)
    expect(db.$client.prepare('select language, topics, offered_at, updated_at, subscribed_at from news_subscriptions').all()).toEqual([
      { language: 'tg', topics: '[]', offered_at: T0.getTime(), updated_at: T0.getTime(), subscribed_at: null },
    ])
    const raw = db.$client.prepare('select kind, request_id, payload, created_at, next_attempt_at from outbox').get() as Record<string, unknown>
    expect(raw).toMatchObject({ kind: 'alert.offer', request_id: null, created_at: T0.getTime(), next_attempt_at: T0.getTime() })
    expect(raw.payload).toMatch(/^enc1:/)
    expect(db.select().from(outbox).get()!.payload).toBe(JSON.stringify({ userId: PERSON }))
  })

  it('is never made to a person who opened /news first, here or in another process', () => {
    updateSubscription(db, PERSON, { topics: ['work'] }, T0)
    expect(claimNewsOffer(db, PERSON, 'ru', T0)).toBe(false)
    const other = openDatabase(db.$client.name)
    updateSubscription(other, PERSON + 1, { citizenship: 'kg' }, T0)
    other.$client.close()
    expect(claimNewsOffer(db, PERSON + 1, 'ru', T0)).toBe(false)
    expect(offers()).toBe(0)
  })
})

describe('the draft an admin is composing in a chat', () => {
  it('is found only for that admin and chat while it is being composed, the newest', () => {
    expect(composingAlert(db, ADMIN, ADMIN)).toBeUndefined()
    const first = createAlert(db, { createdBy: ADMIN, chatId: ADMIN, audience: EVERYONE }, T0)
    expect(composingAlert(db, ADMIN, ADMIN)?.id).toBe(first.id)
    expect(composingAlert(db, ADMIN, ADMIN + 1)).toBeUndefined()
    expect(composingAlert(db, ADMIN + 1, ADMIN)).toBeUndefined()
    updateAlert(db, first.id, { status: 'scheduled' })
    expect(composingAlert(db, ADMIN, ADMIN)).toBeUndefined()
    const other = openDatabase(db.$client.name)
    const second = createAlert(other, { createdBy: ADMIN, chatId: ADMIN, audience: EVERYONE, step: 'text:ru:5' }, T0)
    other.$client.close()
    expect(composingAlert(db, ADMIN, ADMIN)).toMatchObject({ id: second.id, step: 'text:ru:5', audience: EVERYONE })
  })
})
