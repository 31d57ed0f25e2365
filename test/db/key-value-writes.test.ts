import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client.js'
import { keyValueStorage } from '../../src/db/key-value-storage.js'
import { keyValue } from '../../src/db/schema.js'

const tempDb = () => openDatabase(join(mkdtempSync(join(tmpdir(), 'joldosh-kv-')), 'j.db'))
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s))

describe('a session written back unchanged', () => {
  it('is not rewritten within a minute of its last write; a change, or a minute later, is', () => {
    const db = tempDb()
    let now = at(0)
    const sessions = keyValueStorage<{ a: number }>(db, 'session:', () => now)
    const updatedAt = () => db.select().from(keyValue).where(eq(keyValue.key, 'session:7')).get()?.updatedAt
    sessions.write('7', { a: 1 })
    now = at(30)
    sessions.write('7', sessions.read('7')!)
    expect(updatedAt()).toEqual(at(0))
    sessions.write('7', { ...sessions.read('7')!, a: 2 })
    expect(updatedAt()).toEqual(at(30))
    expect(sessions.read('7')).toEqual({ a: 2 })
    now = at(95)
    sessions.write('7', sessions.read('7')!)
    expect(updatedAt()).toEqual(at(95))
  })

  it('is written again when its row was deleted (erased) between the read and the write', () => {
    const db = tempDb()
    const sessions = keyValueStorage<{ a: number }>(db, 'session:', () => at(10))
    sessions.write('8', { a: 1 })
    const read = sessions.read('8')!
    db.delete(keyValue).where(eq(keyValue.key, 'session:8')).run()
    sessions.write('8', read)
    expect(sessions.read('8')).toEqual({ a: 1 })
  })
})
