import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client.js'
import { heldUserLanguage, holdingUserRow, setUserLanguage, touchUser } from '../../src/db/users.js'

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
