import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client.js'
import { backupDatabase } from '../../src/privacy/backup.js'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'joldosh-backup-'))
  dirs.push(d)
  return d
}

describe('backup', () => {
  it('makes a consistent, owner-only copy while the bot keeps writing', async () => {
    const dir = tempDir()
    const live = openDatabase(join(dir, 'live.db'))
    const insert = live.$client.prepare('insert into key_value (key, value, updated_at) values (?, ?, 0)')
    live.$client.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`seed:${i}`, 'x'.repeat(200))
    })()
    // The bot writes in pairs, in one transaction each: a consistent copy has whole pairs only.
    let written = 0
    const writer = setInterval(() => {
      live.$client.transaction(() => {
        insert.run(`pair:${written}:a`, 'a')
        insert.run(`pair:${written}:b`, 'b')
      })()
      written++
    }, 0)
    const result = await backupDatabase(join(dir, 'live.db'), join(dir, 'copy.db'), 5)
    clearInterval(writer)
    expect(written).toBeGreaterThan(0)
    expect(result).toMatchObject({ integrity: 'ok' })
    expect(result.pages).toBeGreaterThan(100)
    expect((statSync(join(dir, 'copy.db')).mode & 0o777).toString(8)).toBe('600')
    const copy = new Database(join(dir, 'copy.db'), { readonly: true })
    const count = (pattern: string) => copy.prepare('select count(*) from key_value where key like ?').pluck().get(pattern) as number
    expect(count('seed:%')).toBe(3000)
    expect(count('pair:%:a')).toBe(count('pair:%:b'))
    copy.close()
    live.$client.close()
  })

  it('never overwrites an existing file', async () => {
    const dir = tempDir()
    openDatabase(join(dir, 'live.db')).$client.close()
    await backupDatabase(join(dir, 'live.db'), join(dir, 'copy.db'))
    await expect(backupDatabase(join(dir, 'live.db'), join(dir, 'copy.db'))).rejects.toThrow(/already exists/)
  })

  it('npm run backup -- FILE copies the database named by DATABASE_PATH, and the copy opens as the bot’s database', { timeout: 30_000 }, async () => {
    const dir = tempDir()
    const db = openDatabase(join(dir, 'bot.db'))
    db.$client.prepare("insert into users (id, language, first_seen_at, last_seen_at) values (42, 'ky', 0, 0)").run()
    db.$client.close()
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', DATABASE_PATH: join(dir, 'bot.db') }
    const tsx = resolve('node_modules/.bin/tsx')
    const run = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
        const child = execFile(tsx, [resolve('src/cli/backup.ts'), ...args], { cwd: dir, env, encoding: 'utf8' }, (_e, stdout, stderr) => done({ code: child.exitCode, stdout, stderr }))
      })
    const ok = await run('--', 'nightly.db')
    expect(ok).toMatchObject({ code: 0, stderr: '' })
    expect(ok.stdout).toMatch(/^Backed up .*bot\.db \(\d+ pages\) to nightly\.db; integrity ok/)
    const restored = openDatabase(join(dir, 'nightly.db'))
    expect(restored.$client.prepare('select language from users where id = 42').pluck().get()).toBe('ky')
    restored.$client.close()
    expect(await run()).toMatchObject({ code: 1, stderr: 'backup: FILE is required\nusage: npm run backup -- FILE\n' })
  })
})
