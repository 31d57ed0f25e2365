import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client.js'
import { findUser, heldUserLanguage, holdingUserRow, setUserLanguage, touchUser } from '../../src/db/users.js'

const tempDb = () => openDatabase(join(mkdtempSync(join(tmpdir(), 'joldosh-db-')), 'j.db'))
const from = { id: 5, language_code: 'ru' }

describe('the user row held for one update', () => {
  it('answers replays from the held row, sees a language chosen during the update, and is gone after', async () => {
    const db = tempDb()
    const user = touchUser(db, 5, new Date('2026-01-01'))
    setUserLanguage(db, 5, 'ky')
    const during: string[] = []
    await holdingUserRow(db, user, async () => {
      // The row was read before "ky" was written, so the held row still says no choice: Telegram's "ru".
      during.push(heldUserLanguage(db, from, 'en'))
      setUserLanguage(db, 5, 'tg')
      during.push(heldUserLanguage(db, from, 'en'))
    })
    expect(during).toEqual(['ru', 'tg'])
    setUserLanguage(db, 5, 'uz')
    expect(heldUserLanguage(db, from, 'en')).toBe('uz')
  })

  it('releases the row when the update fails', async () => {
    const db = tempDb()
    const user = touchUser(db, 6, new Date('2026-01-01'))
    await expect(holdingUserRow(db, user, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    setUserLanguage(db, 6, 'ky')
    expect(heldUserLanguage(db, { id: 6 }, 'en')).toBe('ky')
  })
})

describe('last seen', () => {
  it('is written once a minute at most, and moves on after', () => {
    const db = tempDb()
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s))
    touchUser(db, 7, at(0))
    const writes = () => db.$client.prepare('select total_changes() as n').get() as { n: number }
    const before = writes().n
    expect(touchUser(db, 7, at(30)).lastSeenAt).toEqual(at(0))
    expect(touchUser(db, 7, at(59)).lastSeenAt).toEqual(at(0))
    expect(writes().n).toBe(before)
    expect(touchUser(db, 7, at(60)).lastSeenAt).toEqual(at(60))
    expect(writes().n).toBe(before + 1)
    expect(findUser(db, 7)).toMatchObject({ firstSeenAt: at(0), lastSeenAt: at(60) })
  })
})
