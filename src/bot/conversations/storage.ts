import type { ConversationStorage } from '@grammyjs/conversations'
import type { Middleware } from 'grammy'
import { keyValueStorage } from '../../db/key-value-storage.js'
import { takeRowAhead } from '../session.js'
import { CONVERSATION_PREFIX } from '../../db/update-rows.js'
import type { Db } from '../../db/client.js'
import type { BotContext } from '../context.js'
import { markReplayLogs, type StoredConversations } from './stepwise.js'

/**
 * 3: stepwise conversations (a short journal instead of a replay log). Version 2 rows are still
 * read: their replay logs go on as they were saved. Older rows cannot be replayed by this code.
 */
export const CONVERSATION_STORAGE_VERSION = 3

/** Chats whose unfinished conversation could not be kept, with what it was (e.g. 'legal-request'). */
const dropped = new WeakMap<object, string>()

/**
 * Conversation state in the key-value table (`conv:<chat id>`), one row per chat. A row of version 2 is
 * upgraded on reading; a row of an older version is deleted and the person is told (see
 * `tellDroppedConversation`), rather than their next message silently falling through.
 */
export function conversationStorage(db: Db, clock: () => Date, stepwiseIds: readonly string[]): ConversationStorage<BotContext, StoredConversations['state']> {
  const rows = keyValueStorage<StoredConversations>(db, CONVERSATION_PREFIX, clock)
  const key = (ctx: BotContext) => ctx.chatId?.toString()
  return {
    type: 'context',
    version: CONVERSATION_STORAGE_VERSION,
    adapter: {
      read(ctx) {
        const k = key(ctx)
        const row = k === undefined ? undefined : rows.read(k, takeRowAhead(ctx, k, 'conversation'))
        if (!row || k === undefined) return undefined
        const version = Array.isArray(row.version) ? row.version[1] : undefined
        if (version === CONVERSATION_STORAGE_VERSION) return row
        if (version === 2) return { version: [0, CONVERSATION_STORAGE_VERSION], state: markReplayLogs(row.state, stepwiseIds) }
        const name = Object.keys(row.state ?? {})[0]
        if (name) dropped.set(ctx, name)
        rows.delete(k)
        return undefined
      },
      write(ctx, state) {
        const k = key(ctx)
        if (k !== undefined) rows.write(k, state)
      },
      delete(ctx) {
        const k = key(ctx)
        if (k !== undefined) rows.delete(k)
      },
    },
  }
}

/** Tells a person whose unfinished questions were dropped by an update of the bot that they start again. */
export const tellDroppedConversation: Middleware<BotContext> = async (ctx, next) => {
  // conversations() has read this chat's row by now, before any of its conversations run.
  const name = dropped.get(ctx)
  if (name) {
    ctx.logger.info({ handler: 'conv:dropped-old-version', conversation: name })
    const what = ctx.t(`conv.names.${name}`, { defaultValue: ctx.t('conv.names.other') })
    await ctx.reply(ctx.t('conv.startAgain', { what })).catch(() => undefined)
  }
  await next()
}
