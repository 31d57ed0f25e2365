import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema.js'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle')

/** Opens (creating the folder if needed) and migrates the database. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') prepareDatabaseFile(path)
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('busy_timeout = 5000')
  // Deleted rows are zeroed, not left in free pages: a person's deleted data must be gone from the file.
  sqlite.pragma('secure_delete = ON')
  const db = drizzle(sqlite, { schema })
  runMigrations(sqlite, db)
  return db as Db
}

/**
 * The file holds people's immigration problems and phones: the folder is created 700 and the file
 * 600 (SQLite gives the WAL and SHM files the database file's mode). An existing database that
 * others can read is refused, with one line saying how to fix it, rather than served.
 */
export function prepareDatabaseFile(path: string): void {
  const file = resolve(path)
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f) && (statSync(f).mode & 0o044) !== 0) {
      throw new Error(`${f} is readable by other users (mode ${(statSync(f).mode & 0o777).toString(8)}); run: chmod 600 ${f}*`)
    }
  }
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600))
}

/**
 * drizzle's table rebuilds start with `PRAGMA foreign_keys=OFF`, a no-op inside its transaction, so
 * ON DELETE CASCADE would wipe child rows: turn the checks off around migrate() and verify after.
 */
function runMigrations(sqlite: Database.Database, db: BetterSQLite3Database<typeof schema>): void {
  sqlite.pragma('foreign_keys = OFF')
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
  const broken = sqlite.pragma('foreign_key_check') as unknown[]
  if (broken.length > 0) throw new Error(`Migration left ${broken.length} broken foreign keys`)
  sqlite.pragma('foreign_keys = ON')
}

/** `build` run once per database and remembered: for statements prepared once and used on every update. */
export function oncePerDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>()
  return (db) => {
    let value = built.get(db)
    if (value === undefined) built.set(db, (value = build(db)))
    return value
  }
}
