import { eq } from 'drizzle-orm'
import type { Db } from './client.js'
import { keyValue } from './schema.js'

/** The read/write/delete shape both grammY sessions and conversations v2 accept. */
export interface KeyValueStorage<T> {
  read(key: string): T | undefined
  write(key: string, value: T): void
  delete(key: string): void
}

/** JSON values in the `key_value` table under a prefix, shared by sessions and conversations. */
export function keyValueStorage<T>(db: Db, prefix: string, clock: () => Date): KeyValueStorage<T> {
  return {
    read(key) {
      const row = db.select().from(keyValue).where(eq(keyValue.key, prefix + key)).get()
      return row ? (JSON.parse(row.value) as T) : undefined
    },
    write(key, value) {
      const row = { key: prefix + key, value: JSON.stringify(value), updatedAt: clock() }
      db.insert(keyValue)
        .values(row)
        .onConflictDoUpdate({ target: keyValue.key, set: { value: row.value, updatedAt: row.updatedAt } })
        .run()
    },
    delete(key) {
      db.delete(keyValue).where(eq(keyValue.key, prefix + key)).run()
    },
  }
}
