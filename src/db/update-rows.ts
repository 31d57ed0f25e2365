import { openText } from '../privacy/crypto.js'
import { oncePerDatabase, type Db } from './client.js'
import type { StoredRow } from './key-value-storage.js'
import type { UserRow } from './users.js'

/**
 * What every update reads: the sender's user row, the chat's session row and its conversation row.
 * One statement instead of three (each SQLite statement is a read transaction of its own, ~10 µs
 * here). The rows are handed to the user, session and conversation storages of that update only
 * and are not kept: no cache, nothing to invalidate.
 */
export interface UpdateRows {
  /** null: no such user (yet), or no sender. */
  user: UserRow | null
  session: StoredRow | null
  conversation: StoredRow | null
}

const statementFor = oncePerDatabase((db: Db) =>
  db.$client
    .prepare<[number | null, string | null, string | null], [string | null, string | null, number, number | null]>(
      `SELECT NULL, language, first_seen_at, last_seen_at FROM users WHERE id = ?
       UNION ALL SELECT key, value, updated_at, NULL FROM key_value WHERE key = ?
       UNION ALL SELECT key, value, updated_at, NULL FROM key_value WHERE key = ?`,
    )
    .raw(),
)

export const SESSION_PREFIX = 'session:'
export const CONVERSATION_PREFIX = 'conv:'

/** The rows of user `userId` and of chat `chatKey` (a session key: the chat id as text). */
export function readUpdateRows(db: Db, userId: number | undefined, chatKey: string | undefined): UpdateRows {
  const rows = statementFor(db).all(
    userId ?? null,
    chatKey === undefined ? null : SESSION_PREFIX + chatKey,
    chatKey === undefined ? null : CONVERSATION_PREFIX + chatKey,
  )
  const found: UpdateRows = { user: null, session: null, conversation: null }
  for (const [key, value, at, seen] of rows) {
    if (key === null) found.user = { id: userId!, language: value, firstSeenAt: new Date(at), lastSeenAt: new Date(seen!) }
    else if (key.startsWith(SESSION_PREFIX)) found.session = { value: openText(value!), updatedAt: at }
    else found.conversation = { value: openText(value!), updatedAt: at }
  }
  return found
}
