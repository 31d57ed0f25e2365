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
      const ahead = ctx.rowsAhead
      let row: StoredRow | null | undefined
      if (ahead?.chatKey === key) {
        row = ahead.session
        ahead.session = undefined
      }
      const value = storage.read(key, row)
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
