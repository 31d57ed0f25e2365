import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { asc, eq, sql } from 'drizzle-orm'
import { diffCentres, type CentresDiff } from '../centres/centres-csv.js'
import { directory as shippedDirectory, parseDirectory } from '../centres/directory.js'
import type { Area, City, Directory, SupportCentre } from '../centres/vocabulary.js'
import { oncePerDatabase, type Db } from './client.js'
import { enqueueOutbox, type DbOrTx } from './legal-requests.js'
import { centreReports, keyValue, supportCentres } from './schema.js'

/** The data file shipped with the bot; `importCentresFromFile` loads it at start when it changed. */
export const CENTRES_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../content/centres.json')

/** key_value keys: the sha256 of the last imported file, and the cities and areas it described. */
export const FILE_HASH_KEY = 'centres:file-hash'
export const PLACES_KEY = 'centres:places'

export type CentreReport = typeof centreReports.$inferSelect
export type CentreProblem = CentreReport['problem']
export const CENTRE_PROBLEMS: readonly CentreProblem[] = ['phone', 'address', 'hours', 'closed', 'other']

/** What the bot serves: cities and areas (geography, consulate coverage) and the entries in the table. */
export type LiveDirectory = Pick<Directory, 'cities' | 'areas' | 'centres'>

type Row = typeof supportCentres.$inferSelect

// Same key order as src/content/centres.json, so an exported JSON diffs cleanly against it.
function rowToCentre(r: Row): SupportCentre {
  return {
    id: r.id,
    city: r.city,
    kind: r.kind as SupportCentre['kind'],
    name: r.name as unknown as SupportCentre['name'],
    address: r.address,
    lat: r.lat,
    lon: r.lon,
    phones: r.phones,
    hours: (r.hours ?? null) as SupportCentre['hours'],
    hoursText: r.hoursText,
    ...(r.timeZone !== null ? { timeZone: r.timeZone } : {}),
    services: r.services as SupportCentre['services'],
    servicesText: r.servicesText,
    languages: r.languages,
    website: r.website,
    source: { title: r.sourceTitle, url: r.sourceUrl },
    verifiedAt: r.verifiedAt,
    confidence: r.confidence as SupportCentre['confidence'],
    outdated: r.outdated,
    notes: r.notes,
  }
}

function centreToRow(c: SupportCentre, now: Date): typeof supportCentres.$inferInsert {
  return {
    id: c.id,
    city: c.city,
    kind: c.kind,
    name: { ...c.name },
    address: c.address,
    lat: c.lat,
    lon: c.lon,
    phones: [...c.phones],
    hours: c.hours as Record<string, [string, string][]> | null,
    hoursText: c.hoursText,
    timeZone: c.timeZone ?? null,
    services: [...c.services],
    servicesText: [...c.servicesText],
    languages: [...c.languages],
    website: c.website,
    sourceTitle: c.source.title,
    sourceUrl: c.source.url,
    verifiedAt: c.verifiedAt,
    confidence: c.confidence,
    outdated: c.outdated,
    notes: c.notes,
    updatedAt: now,
  }
}

/** Every entry, in the order they were first stored (the file's order, then later CSV additions). */
export function listSupportCentres(db: DbOrTx): SupportCentre[] {
  return db.select().from(supportCentres).orderBy(asc(sql`rowid`)).all().map(rowToCentre)
}

/** One entry by id (cards, reports, the lawyers' desk); undefined once deleted. */
export function findSupportCentre(db: DbOrTx, id: string): SupportCentre | undefined {
  if (isConnection(db)) return loadDirectory(db).centres.find((c) => c.id === id)
  const row = db.select().from(supportCentres).where(eq(supportCentres.id, id)).get()
  return row ? rowToCentre(row) : undefined
}

/** Cities and areas of the last imported file; the shipped ones before the first import. */
export function loadPlaces(db: DbOrTx): Pick<Directory, 'cities' | 'areas'> {
  const row = db.select().from(keyValue).where(eq(keyValue.key, PLACES_KEY)).get()
  if (!row) return { cities: shippedDirectory.cities, areas: shippedDirectory.areas }
  return JSON.parse(row.value) as { cities: City[]; areas: Area[] }
}

/** The directory as users see it right now. */
export function loadDirectory(db: DbOrTx): LiveDirectory {
  if (!isConnection(db)) return readDirectory(db)
  const memo = memoFor(db)
  const version = memo.dataVersion.get() as number
  if (!memo.dir || memo.version !== version || memo.generation !== memo.seen) {
    memo.dir = deepFreeze(readDirectory(db))
    memo.version = version
    memo.seen = memo.generation
  }
  return memo.dir
}

function readDirectory(db: DbOrTx): LiveDirectory {
  return { ...loadPlaces(db), centres: listSupportCentres(db) }
}

/**
 * Every centres update reads the whole directory, which changes only on an import: it is kept in
 * memory per connection and read again when this process imported (`generation`) or another process
 * committed to the file (SQLite's `data_version`, e.g. `npm run centres import` while the bot runs).
 * Frozen, so a view that tried to change the shared copy would fail loudly.
 */
const memoFor = oncePerDatabase((db: Db) => ({
  dataVersion: db.$client.prepare('PRAGMA data_version').pluck(),
  dir: undefined as LiveDirectory | undefined,
  version: 0,
  generation: 0,
  seen: 0,
}))

/** A connection (not a transaction): the one the memo belongs to. */
const isConnection = (db: DbOrTx): db is Db => '$client' in db

/** After this process changed the table or the places: the next read goes to the database. */
function directoryChanged(db: Db): void {
  memoFor(db).generation++
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

/**
 * Makes the table hold exactly `centres`, in one transaction: new ids are inserted, changed entries
 * updated (their updated_at moves), entries not in the list deleted, unchanged ones left alone.
 * Returns what changed. The caller validates (CSV import, data file).
 */
export function replaceSupportCentres(db: Db, centres: readonly SupportCentre[], now: Date): CentresDiff {
  try {
    return db.transaction((tx) => applyCentres(tx, centres, now))
  } finally {
    directoryChanged(db)
  }
}

function applyCentres(tx: DbOrTx, centres: readonly SupportCentre[], now: Date): CentresDiff {
  const ids = new Set<string>()
  for (const c of centres) {
    if (ids.has(c.id)) throw new Error(`duplicate centre id ${c.id}`)
    ids.add(c.id)
  }
  const diff = diffCentres(listSupportCentres(tx), centres)
  for (const c of diff.removed) tx.delete(supportCentres).where(eq(supportCentres.id, c.id)).run()
  for (const { after } of diff.changed) {
    const { id, ...values } = centreToRow(after, now)
    tx.update(supportCentres).set(values).where(eq(supportCentres.id, id)).run()
  }
  for (const c of diff.added) tx.insert(supportCentres).values(centreToRow(c, now)).run()
  return diff
}

function putValue(tx: DbOrTx, key: string, value: string, now: Date): void {
  tx.insert(keyValue)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: keyValue.key, set: { value, updatedAt: now } })
    .run()
}

export type FileImportResult =
  | { imported: false; hash: string }
  | { imported: true; hash: string; diff: CentresDiff }

/**
 * Loads the data file into the database at start (and on an admin's /centres_reload). Idempotent: the
 * file's sha256 is kept in key_value (`centres:file-hash`), and only a changed file is imported, so
 * entries edited by CSV import between file changes survive restarts. A changed file wins: every entry
 * of the file is upserted and entries not in the file are deleted, with the file's cities and areas,
 * all in one transaction. `force` imports even an unchanged file (back to the file, dropping CSV edits).
 * Throws, changing nothing, when the file is not a valid directory.
 */
export function importCentresFromFile(db: Db, now: Date, file = CENTRES_FILE, options: { force?: boolean } = {}): FileImportResult {
  const text = readFileSync(file, 'utf8')
  const hash = createHash('sha256').update(text).digest('hex')
  const stored = db.select().from(keyValue).where(eq(keyValue.key, FILE_HASH_KEY)).get()?.value
  if (stored === hash && !options.force) return { imported: false, hash }
  const parsed = parseDirectory(JSON.parse(text))
  try {
    const diff = db.transaction((tx) => {
      const d = applyCentres(tx, parsed.centres, now)
      putValue(tx, PLACES_KEY, JSON.stringify({ cities: parsed.cities, areas: parsed.areas }), now)
      putValue(tx, FILE_HASH_KEY, hash, now)
      return d
    })
    return { imported: true, hash, diff }
  } finally {
    directoryChanged(db)
  }
}

/**
 * "Report wrong information": the report and the lawyers' outbox event in one transaction, so the
 * NGO hears of it even if Telegram is down now. undefined (nothing stored) for an unknown centre.
 */
export function recordCentreReport(
  db: Db,
  report: { centreId: string; problem: CentreProblem; language: string },
  now: Date,
): CentreReport | undefined {
  return db.transaction((tx) => {
    if (!findSupportCentre(tx, report.centreId)) return undefined
    const row = tx
      .insert(centreReports)
      .values({ centreId: report.centreId, problem: report.problem, language: report.language, createdAt: now })
      .returning()
      .get()
    enqueueOutbox(tx, 'centre.report', null, { reportId: row.id, centreId: row.centreId }, now)
    return row
  })
}

/** A stored report, for the lawyers' desk delivering its outbox event. */
export function findCentreReport(db: DbOrTx, id: number): CentreReport | undefined {
  return db.select().from(centreReports).where(eq(centreReports.id, id)).get()
}
