import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client.js'
import { loadConfig } from '../../src/config.js'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8)

describe('the database on disk', () => {
  it('creates the data folder 700 and the database, WAL and SHM files 600', () => {
    const root = mkdtempSync(join(tmpdir(), 'joldosh-perm-'))
    dirs.push(root)
    const path = join(root, 'data', 'joldosh.db')
    const db = openDatabase(path)
    db.$client.prepare("insert into users (id, first_seen_at, last_seen_at) values (1, 0, 0)").run()
    expect([mode(join(root, 'data')), mode(path), mode(`${path}-wal`), mode(`${path}-shm`)]).toEqual(['700', '600', '600', '600'])
    db.$client.close()
  })

  it('refuses to open an existing database that others can read, in one line saying how to fix it', () => {
    const root = mkdtempSync(join(tmpdir(), 'joldosh-perm-'))
    dirs.push(root)
    const path = join(root, 'joldosh.db')
    openDatabase(path).$client.close()
    chmodSync(path, 0o644)
    expect(() => openDatabase(path)).toThrow(/joldosh\.db is readable by other users \(mode 644\); run: chmod 600 /)
    chmodSync(path, 0o600)
    expect(() => openDatabase(path).$client.close()).not.toThrow()
  })

  it('reads RETENTION_DAYS, 365 by default, and refuses nonsense', () => {
    expect(loadConfig({}).retentionDays).toBe(365)
    expect(loadConfig({ RETENTION_DAYS: '90' }).retentionDays).toBe(90)
    expect(() => loadConfig({ RETENTION_DAYS: '0' })).toThrow(/RETENTION_DAYS/)
  })
})
