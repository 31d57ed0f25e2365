import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { directory } from '../../src/centres/directory.js'
import { openDatabase, type Db } from '../../src/db/client.js'
import { keyValue, outbox, supportCentres } from '../../src/db/schema.js'
import {
  CENTRES_FILE,
  FILE_HASH_KEY,
  findCentreReport,
  findSupportCentre,
  importCentresFromFile,
  listSupportCentres,
  loadPlaces,
  recordCentreReport,
  replaceSupportCentres,
} from '../../src/db/support-centres.js'

let db: Db
let dir: string
const T0 = new Date('2026-11-01T10:00:00Z')
const T1 = new Date('2026-11-02T10:00:00Z')

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'joldosh-centres-'))
  db = openDatabase(join(dir, 'test.db'))
})
afterEach(() => db.$client.close())

/** A copy of the shipped data file, changed by `edit`. */
function editedFile(edit: (d: any) => void): string {
  const d = JSON.parse(readFileSync(CENTRES_FILE, 'utf8'))
  edit(d)
  const file = join(dir, 'centres.json')
  writeFileSync(file, `${JSON.stringify(d, null, 2)}\n`)
  return file
}

const hashRow = () => db.select().from(keyValue).where(eq(keyValue.key, FILE_HASH_KEY)).get()
const updatedAt = (id: string) => db.select().from(supportCentres).where(eq(supportCentres.id, id)).get()!.updatedAt

describe('importCentresFromFile (at start)', () => {
  it('imports the shipped file once: rows convert back to exactly the file’s entries', () => {
    const first = importCentresFromFile(db, T0)
    expect(first.imported && first.diff.added).toHaveLength(directory.centres.length)
    expect(listSupportCentres(db)).toEqual(directory.centres)
    expect(hashRow()?.value).toBe(first.hash)
    expect(loadPlaces(db)).toEqual({ cities: directory.cities, areas: directory.areas })
  })

  it('is idempotent: the same file again changes nothing, so CSV edits survive a restart', () => {
    importCentresFromFile(db, T0)
    const csvEdit = listSupportCentres(db).map((c) => (c.id === 'rostrud-hotline' ? { ...c, phones: ['8-800-707-88-42'] } : c))
    replaceSupportCentres(db, csvEdit, T0)
    const again = importCentresFromFile(db, T1)
    expect(again.imported).toBe(false)
    expect(findSupportCentre(db, 'rostrud-hotline')!.phones).toEqual(['8-800-707-88-42'])
    expect(updatedAt('kazan-adaptation-centre')).toEqual(T0)
  })

  it('re-imports a changed file: upserts its entries and deletes those no longer in it, dropping CSV edits', () => {
    importCentresFromFile(db, T0)
    replaceSupportCentres(db, listSupportCentres(db).map((c) => (c.id === 'rostrud-hotline' ? { ...c, phones: ['8-800-707-88-42'] } : c)), T0)
    const file = editedFile((d) => {
      d.centres = d.centres.filter((c: any) => c.id !== 'sisters-helpline-moscow')
      d.centres.find((c: any) => c.id === 'kazan-mfc-for-foreigners').phones = ['+7 (843) 000-00-00']
      d.cities.find((c: any) => c.id === 'kazan').gaps.push('test gap')
    })
    const result = importCentresFromFile(db, T1, file)
    expect(result.imported).toBe(true)
    if (!result.imported) return
    expect(result.diff.removed.map((c) => c.id)).toEqual(['sisters-helpline-moscow'])
    expect(result.diff.changed.map((c) => [c.id, c.fields])).toEqual([
      ['kazan-mfc-for-foreigners', ['phones']],
      ['rostrud-hotline', ['phones']],
    ])
    expect(findSupportCentre(db, 'sisters-helpline-moscow')).toBeUndefined()
    expect(findSupportCentre(db, 'rostrud-hotline')!.phones).toEqual(['8800-707-88-41'])
    expect(updatedAt('kazan-mfc-for-foreigners')).toEqual(T1)
    expect(updatedAt('kazan-adaptation-centre')).toEqual(T0) // unchanged rows are left alone
    expect(loadPlaces(db).cities.find((c) => c.id === 'kazan')!.gaps).toContain('test gap')
    expect(importCentresFromFile(db, T1, file).imported).toBe(false)
  })

  it('changes nothing when the file is invalid', () => {
    importCentresFromFile(db, T0)
    const before = { rows: listSupportCentres(db), hash: hashRow()?.value }
    const file = editedFile((d) => {
      d.centres[0].lat = 123
      d.centres.pop()
    })
    expect(() => importCentresFromFile(db, T1, file)).toThrow(/lat must be between -90 and 90/)
    expect({ rows: listSupportCentres(db), hash: hashRow()?.value }).toEqual(before)
  })

  it('goes back to the file when forced, even if it did not change', () => {
    importCentresFromFile(db, T0)
    replaceSupportCentres(db, listSupportCentres(db).slice(1), T0)
    const forced = importCentresFromFile(db, T1, CENTRES_FILE, { force: true })
    expect(forced.imported && forced.diff.added.map((c) => c.id)).toEqual([directory.centres[0]!.id])
    expect(listSupportCentres(db)).toHaveLength(directory.centres.length)
  })
})

describe('recordCentreReport', () => {
  it('stores the report and its outbox event together; nothing for an unknown centre', () => {
    importCentresFromFile(db, T0)
    const report = recordCentreReport(db, { centreId: 'kazan-mfc-for-foreigners', problem: 'closed', language: 'tg' }, T1)!
    expect(findCentreReport(db, report.id)).toMatchObject({ centreId: 'kazan-mfc-for-foreigners', problem: 'closed', language: 'tg', createdAt: T1 })
    expect(db.select().from(outbox).all()).toMatchObject([{ kind: 'centre.report', requestId: null, payload: JSON.stringify({ reportId: report.id, centreId: 'kazan-mfc-for-foreigners' }) }])
    expect(recordCentreReport(db, { centreId: 'nowhere', problem: 'phone', language: 'ru' }, T1)).toBeUndefined()
    expect(db.select().from(outbox).all()).toHaveLength(1)
  })
})
