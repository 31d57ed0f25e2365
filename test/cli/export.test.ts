import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client.js'
import { addClientMessage, submitLegalRequest, type LegalRequestDraft } from '../../src/db/legal-requests.js'
import { auditLog } from '../../src/db/schema.js'

const ROOT = resolve(import.meta.dirname, '../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const CLI = join(ROOT, 'src/cli/export.ts')

let dir: string
let dbPath: string

const draft = (o: Partial<LegalRequestDraft> = {}): LegalRequestDraft => ({
  forWhom: 'self',
  topic: 'work',
  urgency: 'normal',
  city: 'kazan',
  description: 'Не платят зарплату, "три" месяца',
  attachments: [],
  safeToContact: true,
  ...o,
})

/** A bot database with three requests: two in the first quarter of 2026, one in April. */
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'joldosh-export-'))
  dbPath = join(dir, 'bot.db')
  const db = openDatabase(dbPath)
  const submit = (d: LegalRequestDraft, userId: number, iso: string) =>
    submitLegalRequest(db, d, { userId, chatId: userId, language: 'ru', sourceUpdateId: `u-${userId}`, now: new Date(iso) }).request
  const first = submit(draft({ forWhom: 'family', subjectName: 'Азамат Бакиров', contactPhone: '+7 912 345 67 89' }), 4000, '2026-01-10T09:00:00Z')
  addClientMessage(db, first, '=HYPERLINK("http://evil.example","click")', new Date('2026-01-10T10:00:00Z'))
  submit(draft({ topic: 'police', urgency: 'detained', city: 'moscow', description: '@SUM(1+1)' }), 4001, '2026-03-31T20:00:00Z') // 23:00 in Moscow: still March
  submit(draft({ description: 'апрель' }), 4002, '2026-03-31T21:30:00Z') // already 1 April in Moscow
  db.$client.close()
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the CLI as `npm run export` does (tsx), in the temp folder, with only DATABASE_PATH set. */
function runExport(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', DATABASE_PATH: dbPath }
    const child = execFile(TSX, [CLI, ...args], { cwd: dir, env, encoding: 'utf8', timeout: 30_000 }, (_error, stdout, stderr) => done({ code: child.exitCode, stdout, stderr }))
  })
}

const readCsv = (text: string) => {
  expect(text.startsWith('\uFEFF')).toBe(true)
  return parse(text.slice(1), { columns: true }) as Record<string, string>[]
}

// Each case starts a tsx process (about a second).
describe('npm run export', { timeout: 60_000 }, () => {
  it('writes the full CSV of the period, days counted on Moscow time, with formulas defused', async () => {
    const { code, stdout, stderr } = await runExport('--from', '2026-01-01', '--to', '2026-03-31', '--out', 'q1.csv')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toBe('Wrote 2 requests (2026-01-01 to 2026-03-31, full) to q1.csv. It holds names, phones and texts: keep it safe.\n')
    const file = join(dir, 'q1.csv')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const rows = readCsv(readFileSync(file, 'utf8'))
    expect(rows.map((r) => [r.reference, r.created, r.topic, r.urgent])).toEqual([
      ['JO-2026-00001', '2026-01-10 12:00', 'work', 'no'],
      ['JO-2026-00002', '2026-03-31 23:00', 'police', 'yes'],
    ])
    expect(rows[0]).toMatchObject({ subject_name: 'Азамат Бакиров', contact_phone: "'+7 912 345 67 89", description: 'Не платят зарплату, "три" месяца', messages_from_client: '1' })
    expect(rows[0]!.conversation).toBe(`2026-01-10 13:00 migrant: =HYPERLINK("http://evil.example","click")`)
    expect(rows[1]!.description).toBe("'@SUM(1+1)")
    const db = openDatabase(dbPath)
    expect(db.select().from(auditLog).all().map((a) => [a.actorId, a.action, a.detail])).toEqual([[0, 'export:full', 'cli 2026-01-01..2026-03-31 rows=2']])
    db.$client.close()
  })

  it('makes an existing, world-readable file owner-only before writing into it', async () => {
    const file = join(dir, 'old.csv')
    writeFileSync(file, 'old', { mode: 0o644 })
    chmodSync(file, 0o644)
    const { code } = await runExport('--from', '2026-01-01', '--to', '2026-03-31', '--out', 'old.csv')
    expect(code).toBe(0)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8')).toContain('JO-2026-00001')
  })

  it('leaves names, phones and texts out with --anonymised', async () => {
    const { code } = await runExport('--from=2026-01-01', '--to=2026-03-31', '--out=donors.csv', '--anonymised')
    expect(code).toBe(0)
    const text = readFileSync(join(dir, 'donors.csv'), 'utf8')
    expect(readCsv(text).map((r) => [r.reference, r.created_date, r.city])).toEqual([['JO-2026-00001', '2026-01-10', 'kazan'], ['JO-2026-00002', '2026-03-31', 'moscow']])
    for (const secret of ['Азамат', '912', 'зарплату', 'HYPERLINK', 'SUM']) expect(text).not.toContain(secret)
  })

  it('writes to stdout with --out -', async () => {
    const { code, stdout } = await runExport('--from', '2026-04-01', '--to', '2026-04-30', '--out', '-', '--anonymised')
    expect(code).toBe(0)
    expect(readCsv(stdout).map((r) => r.reference)).toEqual(['JO-2026-00003'])
  })

  it('rejects bad arguments with a clear message and exit code 1, writing nothing', { timeout: 60_000 }, async () => {
    const cases: [string[], RegExp][] = [
      [['--to', '2026-03-31', '--out', 'x.csv'], /--from is required/],
      [['--from', '2026-01-01'], /--out is required/],
      [['--from', '2026-02-30', '--out', 'x.csv'], /--from must be a date as YYYY-MM-DD, got "2026-02-30"/],
      [['--from', '01.01.2026', '--out', 'x.csv'], /--from must be a date/],
      [['--from', '2026-03-31', '--to', '2026-01-01', '--out', 'x.csv'], /--to \(2026-01-01\) is before --from \(2026-03-31\)/],
      [['--from', '2026-01-01', '--out', 'x.csv', '--names'], /unknown argument: --names/],
      [['--from', '--out', 'x.csv'], /--from needs a value/],
    ]
    const results = await Promise.all(cases.map(([args]) => runExport(...args)))
    for (const [i, [args, message]] of cases.entries()) {
      const { code, stderr, stdout } = results[i]!
      expect(code, args.join(' ')).toBe(1)
      expect(stderr).toMatch(message)
      expect(stderr).toContain('usage: npm run export --')
      expect(stdout).toBe('')
    }
    expect(existsSync(join(dir, 'x.csv'))).toBe(false)
  })
})
