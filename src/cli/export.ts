/**
 * Writes the requests of a period as a CSV file, for the NGO's reports or (anonymised) for donors.
 *
 *   npm run export -- --from 2026-01-01 --to 2026-03-31 --out q1.csv
 *   npm run export -- --from 2026-01-01 --to 2026-03-31 --out q1-donors.csv --anonymised
 *   npm run --silent export -- --from 2026-01-01 --out -        # CSV to stdout
 *
 * Dates are days on Moscow time, both included; --to defaults to today. The database is the one
 * the bot uses (DATABASE_PATH, .env). The export is written to the audit log with actor 0 (the
 * command line). Bad arguments: a message on stderr and exit code 1.
 */
import { closeSync, existsSync, fchmodSync, openSync, writeSync } from 'node:fs'
import { ConfigError, loadConfig } from '../config.js'
import { openDatabase } from '../db/client.js'
import { exportRequests } from '../db/desk-figures.js'
import { audit } from '../db/lawyers.js'
import { requestsToCsv } from '../desk/export-csv.js'
import { dayRange, deskDay, type DayRange } from '../desk/stats.js'

/** The audit log's actor for exports made on the server's command line, not by a Telegram user. */
export const CLI_ACTOR = 0

const USAGE = 'usage: npm run export -- --from YYYY-MM-DD [--to YYYY-MM-DD] --out FILE.csv|- [--anonymised]'

class UsageError extends Error {}
class HelpRequested extends Error {}

interface Args {
  range: DayRange
  out: string
  anonymised: boolean
}

function parseArgs(argv: readonly string[], today: string): Args {
  const values: Record<string, string> = {}
  let anonymised = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') continue
    if (arg === '--anonymised' || arg === '--anonymized') {
      anonymised = true
      continue
    }
    if (arg === '--help' || arg === '-h') throw new HelpRequested()
    const m = /^--(from|to|out)(?:=(.*))?$/.exec(arg)
    if (!m) throw new UsageError(`unknown argument: ${arg}`)
    const value = m[2] ?? argv[++i]
    if (value === undefined || value === '' || (m[2] === undefined && value.startsWith('--'))) throw new UsageError(`--${m[1]} needs a value`)
    values[m[1]!] = value
  }
  if (!values.from) throw new UsageError('--from is required')
  if (!values.out) throw new UsageError('--out is required (a file name, or - for stdout)')
  const to = values.to ?? today
  for (const [name, day] of [['from', values.from], ['to', to]] as const) {
    if (!dayRange(day, day)) throw new UsageError(`--${name} must be a date as YYYY-MM-DD, got ${JSON.stringify(day)}`)
  }
  const range = dayRange(values.from, to)
  if (!range) throw new UsageError(`--to (${to}) is before --from (${values.from})`)
  return { range, out: values.out, anonymised }
}

function main(): void {
  const now = new Date()
  const args = parseArgs(process.argv.slice(2), deskDay(now))
  if (existsSync('.env')) process.loadEnvFile('.env')
  const config = loadConfig()
  const db = openDatabase(config.databasePath)
  try {
    const rows = exportRequests(db, args.range.start, args.range.end)
    const csv = requestsToCsv(rows, { anonymised: args.anonymised })
    const form = args.anonymised ? 'anonymised' : 'full'
    audit(db, CLI_ACTOR, `export:${form}`, null, now, `cli ${args.range.fromDay}..${args.range.toDay} rows=${rows.length}`)
    if (args.out === '-') {
      process.stdout.write(csv)
      return
    }
    // Owner-only: the full form holds names, phones and what people wrote.
    writeOwnerOnly(args.out, csv)
    const warning = args.anonymised ? '' : ' It holds names, phones and texts: keep it safe.'
    process.stdout.write(`Wrote ${rows.length} requests (${args.range.fromDay} to ${args.range.toDay}, ${form}) to ${args.out}.${warning}\n`)
  } finally {
    db.$client.close()
  }
}

try {
  main()
} catch (error) {
  if (error instanceof HelpRequested) process.stdout.write(`${USAGE}\n`)
  else if (error instanceof UsageError) process.stderr.write(`export: ${error.message}\n${USAGE}\n`)
  else if (error instanceof ConfigError) process.stderr.write(`export: ${error.message}\n`)
  else process.stderr.write(`export failed: ${error instanceof Error ? error.message : String(error)}\n`)
  if (!(error instanceof HelpRequested)) process.exitCode = 1
}

/** `mode` applies only when a file is created: an existing file is made owner-only before a byte is written. */
function writeOwnerOnly(path: string, text: string): void {
  const fd = openSync(path, 'w', 0o600)
  try {
    fchmodSync(fd, 0o600)
    writeSync(fd, text)
  } finally {
    closeSync(fd)
  }
}
