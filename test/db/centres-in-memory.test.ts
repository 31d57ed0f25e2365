import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/db/client.js'
import { findSupportCentre, importCentresFromFile, loadDirectory, replaceSupportCentres } from '../../src/db/support-centres.js'

let db: Db
let path: string
const T0 = new Date('2026-11-01T10:00:00Z')

beforeEach(() => {
  path = join(mkdtempSync(join(tmpdir(), 'joldosh-centres-memo-')), 'test.db')
  db = openDatabase(path)
  importCentresFromFile(db, T0)
})
afterEach(() => db.$client.close())

const withoutRostrud = (d: Db) => loadDirectory(d).centres.filter((c) => c.id !== 'rostrud-hotline')

describe('the centres directory in memory', () => {
  it('is read once and shared while nothing changes, and cannot be changed by a view', () => {
    const first = loadDirectory(db)
    expect(loadDirectory(db)).toBe(first)
    expect(() => (first.centres as unknown[]).pop()).toThrow()
    expect(() => Object.assign(first.centres[0]!, { name: 'x' })).toThrow()
  })

  it('is read again after this process replaces the entries (CSV import, /centres_reload)', () => {
    const before = loadDirectory(db)
    replaceSupportCentres(db, withoutRostrud(db), T0)
    expect(loadDirectory(db)).not.toBe(before)
    expect(findSupportCentre(db, 'rostrud-hotline')).toBeUndefined()
    importCentresFromFile(db, T0, undefined, { force: true })
    expect(findSupportCentre(db, 'rostrud-hotline')?.id).toBe('rostrud-hotline')
  })

  it('is read again when another process imports into the same file while the bot runs', () => {
    expect(findSupportCentre(db, 'rostrud-hotline')).toBeDefined()
    const cli = openDatabase(path)
    replaceSupportCentres(cli, withoutRostrud(cli), T0)
    cli.$client.close()
    expect(findSupportCentre(db, 'rostrud-hotline')).toBeUndefined()
    expect(loadDirectory(db).centres.length).toBeGreaterThan(5)
  })
})
