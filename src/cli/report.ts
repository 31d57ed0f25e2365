/**
 * Writes the figures of a period as one self-contained HTML report (charts as inline SVG, a table
 * per chart, a summary from the numbers), for donors and working groups. Built only from the
 * anonymised figures, with counts under 5 shown as "<5": it may be shared.
 *
 *   npm run report -- --from 2026-07-01 --to 2026-09-30 [--lang ru|en|ky|uz|tg] [--out report.html]
 *
 * --to defaults to today; --out to report-FROM-TO.html (- for stdout). The database is the bot's
 * (DATABASE_PATH, .env). Written to the audit log with actor 0 (the command line).
 */
import { existsSync, writeFileSync } from 'node:fs'
import { reportHtml } from '../charts/report-html.js'
import { plainT } from '../charts/chart-words.js'
import { ConfigError, LANGUAGES, loadConfig, type Language } from '../config.js'
import { loadContent } from '../content/index.js'
import { openDatabase } from '../db/client.js'
import { loadFigures } from '../db/desk-figures.js'
import { audit } from '../db/lawyers.js'
import { dayRange, deskDay, type DayRange } from '../desk/stats.js'
import { createI18n } from '../i18n.js'

/** The audit log's actor for the command line (as for `npm run export`). */
const CLI_ACTOR = 0

const USAGE = 'usage: npm run report -- --from YYYY-MM-DD [--to YYYY-MM-DD] [--lang ru|en|ky|uz|tg] [--out FILE.html|-]'

class UsageError extends Error {}
class HelpRequested extends Error {}

export interface ReportArgs {
  range: DayRange
  lang: Language
  out: string
}

export function parseReportArgs(argv: readonly string[], today: string): ReportArgs {
  const values: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') continue
    if (arg === '--help' || arg === '-h') throw new HelpRequested()
    const m = /^--(from|to|lang|out)(?:=(.*))?$/.exec(arg)
    if (!m) throw new UsageError(`unknown argument: ${arg}`)
    const value = m[2] ?? argv[++i]
    if (value === undefined || value === '' || (m[2] === undefined && value.startsWith('--'))) throw new UsageError(`--${m[1]} needs a value`)
    values[m[1]!] = value
  }
  if (!values.from) throw new UsageError('--from is required')
  const to = values.to ?? today
  for (const [name, day] of [['from', values.from], ['to', to]] as const) {
    if (!dayRange(day, day)) throw new UsageError(`--${name} must be a date as YYYY-MM-DD, got ${JSON.stringify(day)}`)
  }
  const range = dayRange(values.from, to)
  if (!range) throw new UsageError(`--to (${to}) is before --from (${values.from})`)
  const lang = values.lang ?? 'ru'
  if (!(LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, got ${JSON.stringify(lang)}`)
  return { range, lang: lang as Language, out: values.out ?? `report-${range.fromDay}-${range.toDay}.html` }
}

async function main(): Promise<void> {
  const now = new Date()
  const args = parseReportArgs(process.argv.slice(2), deskDay(now))
  if (existsSync('.env')) process.loadEnvFile('.env')
  const config = loadConfig()
  const db = openDatabase(config.databasePath)
  try {
    const i18n = await createI18n()
    const content = loadContent()
    const figures = loadFigures(db, args.range)
    const html = await reportHtml(figures, {
      t: plainT(i18n.getFixedT(args.lang)),
      lang: args.lang,
      today: deskDay(now),
      articleTitle: (id) => content.articles.get(id, args.lang)?.title ?? id,
    })
    audit(db, CLI_ACTOR, 'report', null, now, `cli ${args.range.fromDay}..${args.range.toDay} lang=${args.lang}`)
    if (args.out === '-') {
      process.stdout.write(html)
      return
    }
    writeFileSync(args.out, html)
    process.stdout.write(`Wrote the report for ${args.range.fromDay} to ${args.range.toDay} (${args.lang}, ${figures.total} requests) to ${args.out}.\n`)
  } finally {
    db.$client.close()
  }
}

main().catch((error: unknown) => {
  if (error instanceof HelpRequested) process.stdout.write(`${USAGE}\n`)
  else if (error instanceof UsageError) process.stderr.write(`report: ${error.message}\n${USAGE}\n`)
  else if (error instanceof ConfigError) process.stderr.write(`report: ${error.message}\n`)
  else process.stderr.write(`report failed: ${error instanceof Error ? error.message : String(error)}\n`)
  if (!(error instanceof HelpRequested)) process.exitCode = 1
})
