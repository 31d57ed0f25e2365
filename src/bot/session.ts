import type { MiddlewareFn } from 'grammy'
import { keyValueStorage, type StoredRow } from '../db/key-value-storage.js'
import type { Db } from '../db/client.js'
import { SESSION_PREFIX } from '../db/update-rows.js'
import type { BotContext, ChatSession, SessionData } from './context.js'

/**
 * grammY's `session()` as the bot used it (the chat id as key, `{}` for a chat without one, read at
 * the start, written back at the end unless a handler threw, deleted when set to null), without its
 * per-update promises and property definitions: the row comes from the update's one read
 * (src/db/update-rows.ts) and `ctx.session` is an accessor of the context class (update-context.ts).
 */
export function chatSessions(db: Db, clock: () => Date): MiddlewareFn<BotContext> {
  const storage = keyValueStorage<SessionData>(db, SESSION_PREFIX, clock)
  return (ctx, next) => {
    const key = ctx.chatId?.toString()
    const session: ChatSession = { key, value: undefined, read: false, wrote: false }
    if (key !== undefined) {
      const value = storage.read(key, takeRowAhead(ctx, key, 'session'))
      if (value !== undefined) session.value = value
      else {
        session.value = {}
        session.wrote = true
      }
    }
    ctx.chatSession = session
    return next().then(() => {
      if (key === undefined || !(session.read || session.wrote)) return
      if (session.value == null) storage.delete(key)
      else storage.write(key, session.value)
    })
  }
}

/**
 * The chat's session or conversation row as read at the start of the update (src/db/update-rows.ts),
 * taken once: a second read in the same update (after a write) goes to the database.
 */
export function takeRowAhead(ctx: BotContext, key: string, which: 'session' | 'conversation'): StoredRow | null | undefined {
  const ahead = ctx.rowsAhead
  if (ahead?.chatKey !== key) return undefined
  const row = ahead[which]
  ahead[which] = undefined
  return row
}
