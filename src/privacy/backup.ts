import { closeSync, existsSync, openSync } from 'node:fs'
import Database from 'better-sqlite3'
import { prepareDatabaseFile } from '../db/client.js'

export interface BackupResult {
  pages: number
  integrity: string
}

/**
 * A consistent copy of the live database with SQLite's online backup API: the bot keeps writing
 * while the copy is made, and the copy is one moment of the database (a write in between restarts
 * the step, SQLite handles it). The copy is created owner-only (600) like the database itself and
 * checked with `integrity_check` before this returns. An existing file is never overwritten.
 */
/** Restarts of the stepwise copy before the rest is copied in one step. */
const MAX_RESTARTS = 3

export async function backupDatabase(source: string, destination: string, pagesPerStep = 100): Promise<BackupResult> {
  if (existsSync(destination)) throw new Error(`${destination} already exists; choose a new file name`)
  prepareDatabaseFile(source)
  const live = new Database(source, { fileMustExist: true })
  try {
    // Created empty with mode 600 first: the backup then writes into it and keeps the mode.
    closeSync(openSync(destination, 'wx', 0o600))
    // Each write by the bot between two steps restarts the copy; on a busy bot that could go on for ever,
    // so after a few restarts the rest is copied in one step (a short read lock; the bot's writes wait).
    let restarts = 0
    let lastRemaining = Infinity
    const { totalPages } = await live.backup(destination, {
      progress: ({ remainingPages }) => {
        if (remainingPages > lastRemaining) restarts++
        lastRemaining = remainingPages
        return restarts >= MAX_RESTARTS ? Number.MAX_SAFE_INTEGER : pagesPerStep
      },
    })
    const copy = new Database(destination, { readonly: true, fileMustExist: true })
    try {
      return { pages: totalPages, integrity: String(copy.pragma('integrity_check', { simple: true })) }
    } finally {
      copy.close()
    }
  } finally {
    live.close()
  }
}
