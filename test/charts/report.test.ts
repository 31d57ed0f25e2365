import { execFile } from 'node:child_process'
import { copyFileSync, chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plainT } from '../../src/charts/chart-words.js'
import { reportHtml } from '../../src/charts/report-html.js'
import type { Db } from '../../src/db/client.js'
import { loadFigures } from '../../src/db/desk-figures.js'
import { dayRange } from '../../src/desk/stats.js'
import { createI18n } from '../../src/i18n.js'
import { PERSONAL, Q3, seedDatabase } from './seed.js'

const ROOT = resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

let db: Db
let close: () => void
let dir: string
let html: string

/** The CLI on a copy of the seeded database, as the coordinator runs it. */
beforeAll(async () => {
  ;({ db, close } = seedDatabase())
  dir = mkdtempSync(join(tmpdir(), 'joldosh-report-'))
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  copyFileSync(db.$client.name, join(dir, 'bot.db'))
  chmodSync(join(dir, 'bot.db'), 0o600)
  const out = join(dir, 'q3.html')
  const { stdout } = await run(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/report.ts'), '--from', Q3.from, '--to', Q3.to, '--lang', 'en', '--out', out], {
    cwd: dir,
    env: { ...process.env, DATABASE_PATH: join(dir, 'bot.db'), LANG: 'C.UTF-8' },
  })
  expect(stdout).toMatch(/^Wrote the report for 2026-07-01 to 2026-09-30 \(en, \d+ requests\)/)
  html = readFileSync(out, 'utf8')
}, 120_000)
afterAll(() => {
  close()
  rmSync(dir, { recursive: true, force: true })
})

describe('npm run report', () => {
  it('writes one self-contained HTML file: inline SVG charts, a table per chart, print styles', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html.match(/<svg/g)).toHaveLength(7)
    expect(html.match(/<table>/g)).toHaveLength(7)
    expect(html).toContain('@media print')
    expect(html).toContain('break-before: page')
    // Nothing is fetched when it is opened: no scripts, no external images, styles or fonts.
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i)
    expect(html).toContain('Legal help for migrants: figures for 01.07.2026 — 30.09.2026')
  })

  it('summarises only from the numbers, with the same figures as the charts', () => {
    const figures = loadFigures(db, dayRange(Q3.from, Q3.to)!)
    const summary = /<h2>Summary<\/h2>\n<p>(.*?)<\/p>/s.exec(html)![1]!
    expect(summary).toContain(`Requests for legal help from 01.07.2026 to 30.09.2026: ${figures.total}.`)
    const open = db.$client.prepare("select count(*) as n from legal_requests where status in ('new','in_progress','waiting_for_client')").get() as { n: number }
    expect(summary).toContain(`Open requests when this report was made: ${open.n}.`)
    const moscow = db.$client.prepare("select count(*) as n from legal_requests where city = 'moscow' and created_at >= ? and created_at < ?").get(dayRange(Q3.from, Q3.to)!.start.getTime(), dayRange(Q3.from, Q3.to)!.end.getTime()) as { n: number }
    expect(summary).toContain(`Most requests came from Moscow (${moscow.n}).`)
    expect(summary).toMatch(/Half of the answered requests had a first answer within \d+ (h|d) \d+ (min|h)\./)
  })

  it('holds no name, phone, text or reference of the seeded requests', () => {
    const digits = html.replace(/\D/g, '')
    for (const name of PERSONAL.names) expect(html).not.toContain(name)
    for (const text of PERSONAL.texts) expect(html).not.toContain(text)
    for (const phone of PERSONAL.phones) expect(digits).not.toContain(phone.replace(/\D/g, ''))
    expect(html).not.toMatch(/JO-\d{4}/)
    for (const word of ['Бакиров', 'Karimova', 'зарплату', 'patent у метро']) expect(html).not.toContain(word)
  })

  it('is written in the asked language (five languages; the charts too)', async () => {
    const i18n = await createI18n()
    const figures = loadFigures(db, dayRange(Q3.from, Q3.to)!)
    const ky = await reportHtml(figures, { t: plainT(i18n.getFixedT('ky')), lang: 'ky', today: '2026-12-03', articleTitle: (id) => id })
    expect(ky).toContain('<html lang="ky">')
    expect(ky).toContain('Апта сайын өтүнүчтөр, темалар боюнча')
    expect(ky).not.toContain('Requests')
  })

  it('refuses bad arguments with the usage', async () => {
    const cli = (args: string[]) => run(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/report.ts'), ...args], { cwd: dir, env: { ...process.env, DATABASE_PATH: join(dir, 'bot.db') } })
    await expect(cli(['--from', '2026-09-30', '--to', '2026-07-01', '--out', '-'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--to (2026-07-01) is before --from (2026-09-30)') })
  }, 60_000)
})
