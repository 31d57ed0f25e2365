import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { afterEach, describe, expect, it } from 'vitest'
import { recordArticleFeedback } from '../../src/db/article-feedback.js'
import { MIGRATIONS_FOLDER, openDatabase } from '../../src/db/client.js'
import { articleVotes } from '../../src/db/desk-figures.js'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'joldosh-votes-'))
  dirs.push(d)
  return d
}

describe('dated 👍/👎 votes', () => {
  it('counts each vote on its day (Moscow time), per article and language', () => {
    const db = openDatabase(join(tempDir(), 'v.db'))
    recordArticleFeedback(db, 'patent', 'ky', true, new Date('2026-07-01T20:59:00Z')) // 23:59 in Moscow
    recordArticleFeedback(db, 'patent', 'ky', false, new Date('2026-07-01T21:00:00Z')) // already 2 July
    recordArticleFeedback(db, 'patent', 'ky', true, new Date('2026-07-01T10:00:00Z'))
    recordArticleFeedback(db, 'patent', 'ru', true, new Date('2026-07-01T10:00:00Z'))
    expect(articleVotes(db).sort((a, b) => `${a.votedOn}${a.helpful}`.localeCompare(`${b.votedOn}${b.helpful}`))).toEqual([
      { articleId: 'patent', votedOn: '2026-07-01', helpful: 1, notHelpful: 0 },
      { articleId: 'patent', votedOn: '2026-07-01', helpful: 2, notHelpful: 0 },
      { articleId: 'patent', votedOn: '2026-07-02', helpful: 0, notHelpful: 1 },
    ])
    db.$client.close()
  })

  it('keeps the votes from before the migration, undated, and dates new ones beside them', () => {
    const dir = tempDir()
    // The migrations as they were before votes had a day.
    const old = join(dir, 'drizzle')
    cpSync(MIGRATIONS_FOLDER, old, { recursive: true })
    const journalPath = join(old, 'meta/_journal.json')
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'))
    const firstDated = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith('article_votes_day'))
    expect(firstDated).toBeGreaterThan(0)
    journal.entries = journal.entries.slice(0, firstDated)
    writeFileSync(journalPath, JSON.stringify(journal))
    const path = join(dir, 'old.db')
    const sqlite = new Database(path)
    migrate(drizzle(sqlite), { migrationsFolder: old })
    sqlite.prepare("insert into article_feedback (article_id, language, helpful, not_helpful) values ('patent', 'ky', 40, 4)").run()
    sqlite.close()
    chmodSync(path, 0o600)

    const db = openDatabase(path)
    recordArticleFeedback(db, 'patent', 'ky', true, new Date('2026-07-01T10:00:00Z'))
    recordArticleFeedback(db, 'patent', 'ky', true, new Date('2026-07-01T11:00:00Z'))
    expect(articleVotes(db).sort((a, b) => String(a.votedOn).localeCompare(String(b.votedOn)))).toEqual([
      { articleId: 'patent', votedOn: '2026-07-01', helpful: 2, notHelpful: 0 },
      { articleId: 'patent', votedOn: null, helpful: 40, notHelpful: 4 },
    ])
    db.$client.close()
  })
})
