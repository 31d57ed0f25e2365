import { openText, sealText } from '../privacy/crypto.js'
import { oncePerDatabase, type Db } from './client.js'

/** The read/write/delete shape both grammY sessions and conversations v2 accept. */
export interface KeyValueStorage<T> {
  /**
   * `ahead`: the row as already read for this update (see src/db/update-rows.ts), `null` when there
   * was none; without it the row is read now.
   */
  read(key: string, ahead?: StoredRow | null): T | undefined
  write(key: string, value: T): void
  delete(key: string): void
}

/** A `key_value` row as read: its value (opened, src/privacy/crypto.ts) and `updated_at` in ms. */
export interface StoredRow {
  value: string
  updatedAt: number
}

/**
 * Sessions and conversations read and write a row on every update: plain better-sqlite3 statements
 * prepared once per database (drizzle's prepared queries still map every row through its machinery).
 * The value column is sealed as the schema's `sealed` column does it.
 */
const statementsFor = oncePerDatabase((db: Db) => ({
  read: db.$client.prepare<[string], [string, number]>('SELECT value, updated_at FROM key_value WHERE key = ?').raw(),
  write: db.$client.prepare<[string, string, number]>(
    'INSERT INTO key_value (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  ),
  delete: db.$client.prepare<[string]>('DELETE FROM key_value WHERE key = ?'),
  /** The row's updated_at (ms) without reading (or decrypting) its value. */
  updatedAt: db.$client.prepare<[string], number>('SELECT updated_at FROM key_value WHERE key = ?').pluck(),
}))

/** The row of `key`, its value opened. */
export function readStoredRow(db: Db, key: string): StoredRow | undefined {
  const row = statementsFor(db).read.get(key)
  return row && { value: openText(row[0]), updatedAt: row[1] }
}

/**
 * grammY writes the session back after every update that looked at it, mostly unchanged. An
 * unchanged value is not rewritten while its row is younger than this; the retention job counts in
 * days from `updated_at`, so a minute's resolution changes nothing it decides.
 */
export const UNCHANGED_WRITE_MS = 60_000

/** JSON values in the `key_value` table under a prefix, shared by sessions and conversations. */
export function keyValueStorage<T>(db: Db, prefix: string, clock: () => Date): KeyValueStorage<T> {
  const s = statementsFor(db)
  // What the last read of each key found; writes follow reads within one update (sequential per chat).
  const lastRead = new Map<string, { json: string; at: number }>()
  return {
    read(key, ahead) {
      const row = ahead === undefined ? readStoredRow(db, prefix + key) : ahead
      if (!row) return undefined
      if (lastRead.size >= 10_000) lastRead.clear()
      lastRead.set(key, { json: row.value, at: row.updatedAt })
      return JSON.parse(row.value) as T
    },
    write(key, value) {
      const json = JSON.stringify(value)
      const now = clock().getTime()
      const read = lastRead.get(key)
      lastRead.delete(key)
      // Unchanged, written less than a minute ago, and the row still the one read (not erased meanwhile).
      const age = read ? now - read.at : -1
      if (read?.json === json && age >= 0 && age < UNCHANGED_WRITE_MS && s.updatedAt.get(prefix + key) === read.at) return
      s.write.run(prefix + key, sealText(json), now)
    },
    delete(key) {
      lastRead.delete(key)
      s.delete.run(prefix + key)
    },
  }
}
