import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCentresCli } from '../../src/cli/centres.js'
import { openDatabase, type Db } from '../../src/db/client.js'
import { CENTRES_FILE, importCentresFromFile, listSupportCentres } from '../../src/db/support-centres.js'

const NOW = new Date('2026-11-25T09:00:00Z')
let db: Db
let dir: string
let out: string[]
let err: string[]

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'joldosh-cli-'))
  db = openDatabase(join(dir, 'test.db'))
  importCentresFromFile(db, NOW)
  out = []
  err = []
})
afterEach(() => db.$client.close())

const run = (...argv: string[]) => runCentresCli(argv, { db, now: NOW, out: (...l) => out.push(...l), err: (l) => err.push(l) })

/** Exports, then edits the CSV text line by line (line 1 is the header). */
function exportedCsv(): { file: string; lines: string[]; save: () => void } {
  const file = join(dir, 'centres.csv')
  expect(run('export', file)).toBe(0)
  const lines = readFileSync(file, 'utf8').split('\n')
  return { file, lines, save: () => writeFileSync(file, lines.join('\n')) }
}
const lineOf = (lines: string[], id: string) => lines.findIndex((l) => l.startsWith(`${id},`))

describe('npm run centres -- export / import', () => {
  it('round-trips: an exported CSV imports back with nothing changed', () => {
    const before = listSupportCentres(db)
    const { file } = exportedCsv()
    expect(readFileSync(file, 'utf8').startsWith('\uFEFFid,city,kind,')).toBe(true)
    expect(out).toEqual([`${file}: 31 entries written`])
    expect(run('import', file)).toBe(0)
    expect(out).toContain('  31 unchanged')
    expect(out).toContain('Imported: 0 added, 0 changed, 0 removed.')
    expect(listSupportCentres(db)).toEqual(before)
  })

  it('--dry-run prints the diff and changes nothing; the real import then applies it', () => {
    const { file, lines, save } = exportedCsv()
    const i = lineOf(lines, 'rostrud-hotline')
    lines[i] = lines[i]!.replace('8800-707-88-41', '8-800-707-88-41')
    lines.splice(lineOf(lines, 'sisters-helpline-moscow'), 1)
    save()
    const before = listSupportCentres(db)

    out = []
    expect(run('import', file, '--dry-run')).toBe(0)
    expect(out).toEqual([
      `${file}: 30 entries, all valid`,
      '  - sisters-helpline-moscow (moscow, hotline): Благотворительный центр помощи пережившим сексуальное насилие «Сёстры» — телефон доверия',
      '  ~ rostrud-hotline',
      '      phones: "8800-707-88-41" → "8-800-707-88-41"',
      '  29 unchanged',
      'Dry run: nothing changed.',
    ])
    expect(listSupportCentres(db)).toEqual(before)

    out = []
    expect(run('import', file)).toBe(0)
    expect(out).toContain('Imported: 0 added, 1 changed, 1 removed.')
    expect(listSupportCentres(db).find((c) => c.id === 'rostrud-hotline')!.phones).toEqual(['8-800-707-88-41'])
    expect(listSupportCentres(db)).toHaveLength(30)
  })

  it('refuses a file with a bad row, naming the line, and changes nothing (not even the good rows)', () => {
    const { file, lines, save } = exportedCsv()
    const good = lineOf(lines, 'rostrud-hotline')
    lines[good] = lines[good]!.replace('8800-707-88-41', '8-800-707-88-41')
    const bad = lineOf(lines, 'kazan-mfc-for-foreigners')
    lines[bad] = lines[bad]!.replace('kazan-mfc-for-foreigners,kazan,', 'kazan-mfc-for-foreigners,kazn,')
    save()
    const before = listSupportCentres(db)
    expect(run('import', file)).toBe(1)
    expect(err[0]).toBe(`${file}: 1 problem(s), nothing imported`)
    expect(err[1]).toMatch(new RegExp(`^  line ${bad + 1}, city: unknown city "kazn"`))
    expect(listSupportCentres(db)).toEqual(before)
  })

  it('refuses an empty file instead of deleting every entry', () => {
    const { file, lines, save } = exportedCsv()
    lines.splice(1)
    save()
    expect(run('import', file)).toBe(1)
    expect(err).toEqual([`${file}: no entries; refusing to empty the directory, nothing imported`])
    expect(listSupportCentres(db)).toHaveLength(31)
  })

  it('exports JSON in the data file’s own format (unchanged data gives the same file)', () => {
    const file = join(dir, 'centres.json')
    expect(run('export', file)).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(CENTRES_FILE, 'utf8'))
  })
})

describe('npm run centres -- check', () => {
  it('lists entries lacking address, phone, coordinates or a recent verification, then the gaps of the references', () => {
    expect(run('check')).toBe(0)
    expect(out[0]).toBe('31 entries; 31 need attention (missing data, or verified more than 180 days ago or never).')
    expect(out).toContain('chelyabinsk:')
    expect(out).toContain(
      '  chelyabinsk-adaptation-centre: no address, no coordinates, no phone, no opening hours, no languages, verified 2025-12-25, 335 days ago',
    )
    expect(out).toContain('  rostrud-hotline: no opening hours, no languages, never verified (undated source)')
    expect(out.find((l) => l.startsWith('  uz-embassy-moscow:'))).not.toContain('no coordinates')
    expect(out).toContain('Not found in the references at all:')
    expect(out.find((l) => l.startsWith('  chelyabinsk: '))).toContain('Free legal-aid points')
  })

  it('answers bad usage with the usage and exit code 2', () => {
    expect(run('frobnicate')).toBe(2)
    expect(run('import')).toBe(2)
    expect(run('import', 'x.csv', '--force')).toBe(2)
    expect(err[0]).toMatch(/^usage: npm run centres -- export/)
  })
})

describe('the centres script as a process', () => {
  it('opens DATABASE_PATH, loads the data file first, and exits 1 on a bad import', async () => {
    const exec = promisify(execFile)
    const env = { ...process.env, DATABASE_PATH: join(dir, 'process.db'), LOG_LEVEL: 'silent' }
    const tsx = join(process.cwd(), 'node_modules/.bin/tsx')
    const check = await exec(tsx, ['src/cli/centres.ts', 'check'], { env })
    expect(check.stdout).toMatch(/^31 entries; /)
    writeFileSync(join(dir, 'bad.csv'), 'id,city\nx,moscow\n')
    const bad = await exec(tsx, ['src/cli/centres.ts', 'import', join(dir, 'bad.csv')], { env }).catch((e: { code: number; stderr: string }) => e)
    expect(bad).toMatchObject({ code: 1 })
    expect((bad as { stderr: string }).stderr).toContain('line 1, kind: missing column kind')
  })
})
