import { LANGUAGES, type Language } from '../config.js'
import { languageFromTelegram } from '../i18n.js'
import { oncePerDatabase, type Db } from './client.js'
import { users } from './schema.js'

export type UserRow = typeof users.$inferSelect

/**
 * Every update reads the user row: better-sqlite3 statements prepared once per database, without
 * drizzle's query building and row mapping (the columns are plain: an id, a code, two ms times).
 */
const statementsFor = oncePerDatabase((db: Db) => {
  const columns = 'id, language, first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt'
  return {
    touch: db.$client.prepare<[number, number, number], StoredUser>(
      `INSERT INTO users (id, first_seen_at, last_seen_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET last_seen_at = excluded.last_seen_at RETURNING ${columns}`,
    ),
    find: db.$client.prepare<[number], StoredUser>(`SELECT ${columns} FROM users WHERE id = ?`),
    setLanguage: db.$client.prepare<[string, number]>('UPDATE users SET language = ? WHERE id = ?'),
  }
})

type StoredUser = { id: number; language: string | null; firstSeenAt: number; lastSeenAt: number }
const toRow = (u: StoredUser | undefined): UserRow | undefined =>
  u && { id: u.id, language: u.language, firstSeenAt: new Date(u.firstSeenAt), lastSeenAt: new Date(u.lastSeenAt) }

/** Last-seen is kept to the minute: a person sending many updates in a row costs one write, not one each. */
export const LAST_SEEN_RESOLUTION_MS = 60_000

/**
 * Records that the user was seen now and returns their row (creating it on first contact).
 * `ahead`: the row as already read for this update (src/db/update-rows.ts), `null` when there was none.
 */
export function touchUser(db: Db, userId: number, now: Date, ahead?: UserRow | null): UserRow {
  const s = statementsFor(db)
  const known = ahead === undefined ? toRow(s.find.get(userId)) : (ahead ?? undefined)
  const fresh = known && now.getTime() - known.lastSeenAt.getTime() >= 0 && now.getTime() - known.lastSeenAt.getTime() < LAST_SEEN_RESOLUTION_MS
  return fresh ? known : toRow(s.touch.get(userId, now.getTime(), now.getTime()))!
}

export function setUserLanguage(db: Db, userId: number, language: Language): void {
  statementsFor(db).setLanguage.run(language, userId)
  const held = heldRows.get(db)?.get(userId)
  if (held) heldRows.get(db)!.set(userId, { ...held, language })
}

export function findUser(db: Db, userId: number): UserRow | undefined {
  return toRow(statementsFor(db).find.get(userId))
}

type Sender = { id: number; language_code?: string } | undefined

/** The person's language: the one they chose, else Telegram's if it is one of ours, else the default. */
export function userLanguage(db: Db, from: Sender, fallback: Language): Language {
  return languageOf(from ? findUser(db, from.id) : undefined, from, fallback)
}

/** As `userLanguage`, from a user row already read. */
export function languageOf(user: UserRow | undefined, from: Sender, fallback: Language): Language {
  const chosen = user?.language
  if (chosen && (LANGUAGES as readonly string[]).includes(chosen)) return chosen as Language
  return languageFromTelegram(from?.language_code) ?? fallback
}

/**
 * The user rows of the updates in progress, so a conversation replaying its earlier steps does not
 * read the row again for each one. Updates are sequential per user (src/bot/index.ts), and a language
 * change during the update is written through (`setUserLanguage`).
 */
const heldRows = new WeakMap<Db, Map<number, UserRow>>()

/** Runs `next` with the user's row held for `heldUserLanguage`, released afterwards. */
export async function holdingUserRow(db: Db, user: UserRow, next: () => Promise<void>): Promise<void> {
  let held = heldRows.get(db)
  if (!held) heldRows.set(db, (held = new Map()))
  held.set(user.id, user)
  try {
    await next()
  } finally {
    held.delete(user.id)
  }
}

/** `userLanguage`, from the row held for the update in progress when there is one. */
export function heldUserLanguage(db: Db, from: Sender, fallback: Language): Language {
  const held = from && heldRows.get(db)?.get(from.id)
  return held ? languageOf(held, from, fallback) : userLanguage(db, from, fallback)
}

/** The person's row: the one held for the update in progress (read once per update), else read now. */
export function heldUser(db: Db, userId: number): UserRow | undefined {
  return heldRows.get(db)?.get(userId) ?? findUser(db, userId)
}
