import { eq, sql } from 'drizzle-orm'
import { oncePerDatabase, type Db } from './client.js'
import { keyValue } from './schema.js'

/** The read/write/delete shape both grammY sessions and conversations v2 accept. */
export interface KeyValueStorage<T> {
  read(key: string): T | undefined
  write(key: string, value: T): void
  delete(key: string): void
}

/** Sessions and conversations read and write a row on every update: statements prepared once per database. */
const statementsFor = oncePerDatabase((db: Db) => {
  const key = sql.placeholder('key')
  const value = sql.placeholder('value')
  const updatedAt = sql.placeholder('updatedAt')
  return {
    read: db.select().from(keyValue).where(eq(keyValue.key, key)).prepare(),
    write: db
      .insert(keyValue)
      .values({ key, value, updatedAt })
      .onConflictDoUpdate({ target: keyValue.key, set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` } })
      .prepare(),
    delete: db.delete(keyValue).where(eq(keyValue.key, key)).prepare(),
    /** The row's updated_at (ms) without reading (or decrypting) its value. */
    updatedAt: db.$client.prepare<[string], number>('SELECT updated_at FROM key_value WHERE key = ?').pluck(),
  }
})

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
    read(key) {
      const row = s.read.get({ key: prefix + key })
      if (!row) return undefined
      if (lastRead.size >= 10_000) lastRead.clear()
      lastRead.set(key, { json: row.value, at: row.updatedAt.getTime() })
      return JSON.parse(row.value) as T
    },
    write(key, value) {
      const json = JSON.stringify(value)
      const now = clock()
      const read = lastRead.get(key)
      lastRead.delete(key)
      // Unchanged, written less than a minute ago, and the row still the one read (not erased meanwhile).
      const age = read ? now.getTime() - read.at : -1
      if (read?.json === json && age >= 0 && age < UNCHANGED_WRITE_MS && s.updatedAt.get(prefix + key) === read.at) return
      s.write.run({ key: prefix + key, value: json, updatedAt: now })
    },
    delete(key) {
      lastRead.delete(key)
      s.delete.run({ key: prefix + key })
    },
  }
}
