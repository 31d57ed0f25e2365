import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client.js'
import { keyValueStorage } from '../../src/db/key-value-storage.js'
import { findUser, setUserLanguage, touchUser } from '../../src/db/users.js'

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'joldosh-db-')), 'nested', 'folder', 'j.db')

describe('database', () => {
  it('creates the folder, migrates, and runs in WAL mode with foreign keys and a busy timeout', () => {
    const db = openDatabase(tempDb())
    const sqlite = db.$client
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    const tables = sqlite.prepare("select name from sqlite_master where type='table'").all().map((r: any) => r.name)
    expect(tables).toEqual(expect.arrayContaining(['users', 'key_value', '__drizzle_migrations']))
    sqlite.close()
  })

  it('migrating an already migrated file changes nothing', () => {
    const path = tempDb()
    const first = openDatabase(path)
    touchUser(first, 5, new Date('2026-01-01'))
    first.$client.close()
    const second = openDatabase(path)
    expect(findUser(second, 5)?.firstSeenAt.toISOString()).toBe('2026-01-01T00:00:00.000Z')
    second.$client.close()
  })

  it('keeps first-seen, moves last-seen and stores the language', () => {
    const db = openDatabase(tempDb())
    touchUser(db, 9, new Date('2026-01-01'))
    setUserLanguage(db, 9, 'tg')
    const again = touchUser(db, 9, new Date('2026-02-01'))
    expect(again).toMatchObject({ language: 'tg', firstSeenAt: new Date('2026-01-01'), lastSeenAt: new Date('2026-02-01') })
  })

  it('stores JSON values under a prefix, separately per prefix', () => {
    const db = openDatabase(tempDb())
    const sessions = keyValueStorage<{ a: number }>(db, 'session:', () => new Date())
    const convs = keyValueStorage<{ a: number }>(db, 'conv:', () => new Date())
    sessions.write('42', { a: 1 })
    convs.write('42', { a: 2 })
    sessions.write('42', { a: 3 })
    expect(sessions.read('42')).toEqual({ a: 3 })
    expect(convs.read('42')).toEqual({ a: 2 })
    sessions.delete('42')
    expect(sessions.read('42')).toBeUndefined()
    expect(convs.read('42')).toEqual({ a: 2 })
  })
})
