/**
 * Upkeep of the support-centre directory by the NGO, on the bot's own database.
 *
 *   npm run centres -- export centres.csv            every entry as CSV (UTF-8 with BOM, opens in Excel)
 *   npm run centres -- import centres.csv --dry-run  check the file and show what would change
 *   npm run centres -- import centres.csv            the same, then replace all entries in one transaction
 *   npm run centres -- check                         entries lacking address, phone, coordinates or a recent check
 *   npm run centres -- export src/content/centres.json   make the database's entries the shipped data file
 *
 * The database is DATABASE_PATH (as the bot); the data file's import runs first, as at the bot's start.
 * A bad import prints every problem with its line and exits 1, changing nothing. Exit 2: bad usage.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { centresToCsv, centreToRow, diffCentres, parseCentresCsv, type CentresDiff } from '../centres/centres-csv.js'
import {
  CALL_FIRST_MAX_AGE_DAYS,
  daysSinceVerified,
  missingFields,
  type MissingField,
} from '../centres/data-quality.js'
import { parseDirectory, placeIds } from '../centres/directory.js'
import type { Directory, SupportCentre } from '../centres/vocabulary.js'
import { loadConfig } from '../config.js'
import { openDatabase, type Db } from '../db/client.js'
import { CENTRES_FILE, importCentresFromFile, loadDirectory, loadPlaces, replaceSupportCentres } from '../db/support-centres.js'

export interface CliIo {
  db: Db
  now: Date
  out: (...lines: string[]) => void
  err: (line: string) => void
  /** The shipped data file (its `about` and `leftOut` go into a JSON export). */
  dataFile?: string
}

const USAGE = `usage: npm run centres -- export FILE.csv|FILE.json
       npm run centres -- import FILE.csv [--dry-run]
       npm run centres -- check`

const MISSING_WORDS: Record<MissingField, string> = {
  address: 'no address',
  coordinates: 'no coordinates',
  phones: 'no phone',
  hours: 'no opening hours',
  services: 'no services',
  languages: 'no languages',
  verifiedAt: 'never verified (undated source)',
  'name.ky': 'no Kyrgyz name',
  'name.uz': 'no Uzbek name',
  'name.tg': 'no Tajik name',
}

const show = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 79)}…` : value)
const label = (c: SupportCentre) => `${c.id} (${c.city}, ${c.kind}): ${c.name.ru}`

/** What an import changes, one line per entry; changed columns with their old and new values. */
export function formatDiff(diff: CentresDiff): string[] {
  const lines = [...diff.added.map((c) => `  + ${label(c)}`), ...diff.removed.map((c) => `  - ${label(c)}`)]
  for (const change of diff.changed) {
    const before = centreToRow(change.before)
    const after = centreToRow(change.after)
    lines.push(`  ~ ${change.id}`)
    for (const field of change.fields) lines.push(`      ${field}: ${show(before[field])} → ${show(after[field])}`)
  }
  lines.push(`  ${diff.unchanged} unchanged`)
  return lines
}

function exportCentres(io: CliIo, file: string): number {
  const dir = loadDirectory(io.db)
  if (file.endsWith('.json')) {
    const shipped = JSON.parse(readFileSync(io.dataFile ?? CENTRES_FILE, 'utf8')) as Directory
    const whole = parseDirectory({ about: shipped.about, leftOut: shipped.leftOut, ...dir })
    writeFileSync(file, `${JSON.stringify(whole, null, 2)}\n`)
  } else {
    writeFileSync(file, centresToCsv(dir.centres, { bom: true }))
  }
  io.out(`${file}: ${dir.centres.length} entries written`)
  return 0
}

function importCentres(io: CliIo, file: string, dryRun: boolean): number {
  if (!existsSync(file)) {
    io.err(`${file}: no such file`)
    return 1
  }
  const result = parseCentresCsv(readFileSync(file, 'utf8'), { places: placeIds(loadPlaces(io.db)) })
  if (!result.ok) {
    io.err(`${file}: ${result.errors.length} problem(s), nothing imported`)
    for (const e of result.errors) io.err(`  line ${e.line}${e.field ? `, ${e.field}` : ''}: ${e.message}`)
    return 1
  }
  if (result.centres.length === 0) {
    io.err(`${file}: no entries; refusing to empty the directory, nothing imported`)
    return 1
  }
  io.out(`${file}: ${result.centres.length} entries, all valid`)
  if (dryRun) {
    for (const l of formatDiff(diffCentres(loadDirectory(io.db).centres, result.centres))) io.out(l)
    io.out('Dry run: nothing changed.')
    return 0
  }
  const diff = replaceSupportCentres(io.db, result.centres, io.now)
  for (const l of formatDiff(diff)) io.out(l)
  io.out(`Imported: ${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed.`)
  io.out('Note: the next change of src/content/centres.json replaces these entries; to keep them, export to that file.')
  return 0
}

/** Entries the NGO should complete or re-check, by city, then what the references could not find at all. */
function check(io: CliIo): number {
  const dir = loadDirectory(io.db)
  const byCity = new Map<string, string[]>()
  let flagged = 0
  for (const c of dir.centres) {
    const problems: string[] = missingFields(c, { cities: dir.cities })
      .filter((f) => f !== 'services' || c.servicesText.length === 0)
      .map((f) => MISSING_WORDS[f])
    const age = daysSinceVerified(c, io.now)
    if (age !== null && age > CALL_FIRST_MAX_AGE_DAYS) problems.push(`verified ${c.verifiedAt}, ${age} days ago`)
    if (c.outdated) problems.push('flagged as outdated')
    if (problems.length === 0) continue
    flagged++
    byCity.set(c.city, [...(byCity.get(c.city) ?? []), `  ${c.id}: ${problems.join(', ')}`])
  }
  io.out(`${dir.centres.length} entries; ${flagged} need attention (missing data, or verified more than ${CALL_FIRST_MAX_AGE_DAYS} days ago or never).`)
  for (const [city, lines] of byCity) {
    io.out('', `${city}:`)
    for (const l of lines) io.out(l)
  }
  const gaps = dir.cities.filter((c) => c.gaps.length > 0)
  if (gaps.length > 0) {
    io.out('', 'Not found in the references at all:')
    for (const city of gaps) io.out(`  ${city.id}: ${city.gaps.join('; ')}`)
  }
  return 0
}

/** Runs one command; returns the exit code (0 done, 1 refused or invalid, 2 bad usage). */
export function runCentresCli(argv: readonly string[], io: CliIo): number {
  const args = argv.filter((a) => a !== '--')
  const [command, file, ...rest] = args
  const flags = new Set(rest)
  if (command === 'check' && file === undefined) return check(io)
  if (command === 'export' && file !== undefined && rest.length === 0) return exportCentres(io, file)
  if (command === 'import' && file !== undefined && [...flags].every((f) => f === '--dry-run')) return importCentres(io, file, flags.has('--dry-run'))
  io.err(USAGE)
  return 2
}

function main(): number {
  if (existsSync('.env')) process.loadEnvFile('.env')
  const config = loadConfig()
  const db = openDatabase(config.databasePath)
  try {
    const now = new Date()
    importCentresFromFile(db, now)
    return runCentresCli(process.argv.slice(2), { db, now, out: (...lines) => console.log(lines.join('\n')), err: (l) => console.error(l) })
  } finally {
    db.$client.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = main()
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  }
}
