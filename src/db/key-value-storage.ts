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
  }
})

/** JSON values in the `key_value` table under a prefix, shared by sessions and conversations. */
export function keyValueStorage<T>(db: Db, prefix: string, clock: () => Date): KeyValueStorage<T> {
  const { read, write, delete: remove } = statementsFor(db)
  return {
    read(key) {
      const row = read.get({ key: prefix + key })
      return row ? (JSON.parse(row.value) as T) : undefined
    },
    write(key, value) {
      write.run({ key: prefix + key, value: JSON.stringify(value), updatedAt: clock() })
    },
    delete(key) {
      remove.run({ key: prefix + key })
    },
  }
}
