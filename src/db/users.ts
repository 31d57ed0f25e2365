import { eq, sql } from 'drizzle-orm'
import { LANGUAGES, type Language } from '../config.js'
import { languageFromTelegram } from '../i18n.js'
import type { Db } from './client.js'
import { users } from './schema.js'

export type UserRow = typeof users.$inferSelect

/** Every update reads and writes the user row: its statements are built and prepared once per database. */
function statements(db: Db) {
  const id = sql.placeholder('id')
  const now = sql.placeholder('now')
  return {
    touch: db
      .insert(users)
      .values({ id, firstSeenAt: now, lastSeenAt: now })
      .onConflictDoUpdate({ target: users.id, set: { lastSeenAt: sql`excluded.last_seen_at` } })
      .returning()
      .prepare(),
    find: db.select().from(users).where(eq(users.id, id)).prepare(),
    setLanguage: db.update(users).set({ language: sql`${sql.placeholder('language')}` }).where(eq(users.id, id)).prepare(),
  }
}
const prepared = new WeakMap<Db, ReturnType<typeof statements>>()
function statementsFor(db: Db): ReturnType<typeof statements> {
  let s = prepared.get(db)
  if (!s) prepared.set(db, (s = statements(db)))
  return s
}

/** Records that the user was seen now and returns their row (creating it on first contact). */
export function touchUser(db: Db, userId: number, now: Date): UserRow {
  return statementsFor(db).touch.get({ id: userId, now }) as UserRow
}

export function setUserLanguage(db: Db, userId: number, language: Language): void {
  statementsFor(db).setLanguage.run({ id: userId, language })
}

export function findUser(db: Db, userId: number): UserRow | undefined {
  return statementsFor(db).find.get({ id: userId })
}

/** The person's language: the one they chose, else Telegram's if it is one of ours, else the default. */
export function userLanguage(db: Db, from: { id: number; language_code?: string } | undefined, fallback: Language): Language {
  const chosen = from ? findUser(db, from.id)?.language : undefined
  if (chosen && (LANGUAGES as readonly string[]).includes(chosen)) return chosen as Language
  return languageFromTelegram(from?.language_code) ?? fallback
}
