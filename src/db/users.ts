import { eq } from 'drizzle-orm'
import { LANGUAGES, type Language } from '../config.js'
import { languageFromTelegram } from '../i18n.js'
import type { Db } from './client.js'
import { users } from './schema.js'

export type UserRow = typeof users.$inferSelect

/** Records that the user was seen now and returns their row (creating it on first contact). */
export function touchUser(db: Db, userId: number, now: Date): UserRow {
  return db
    .insert(users)
    .values({ id: userId, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({ target: users.id, set: { lastSeenAt: now } })
    .returning()
    .get()
}

export function setUserLanguage(db: Db, userId: number, language: Language): void {
  db.update(users).set({ language }).where(eq(users.id, userId)).run()
}

export function findUser(db: Db, userId: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, userId)).get()
}

/** The person's language: the one they chose, else Telegram's if it is one of ours, else the default. */
export function userLanguage(db: Db, from: { id: number; language_code?: string } | undefined, fallback: Language): Language {
  const chosen = from ? findUser(db, from.id)?.language : undefined
  if (chosen && (LANGUAGES as readonly string[]).includes(chosen)) return chosen as Language
  return languageFromTelegram(from?.language_code) ?? fallback
}
