import { Context, type Api } from 'grammy'
import type { Update, UserFromGetMe } from 'grammy/types'
import type { Logger } from '../logger.js'
import type { BotContext, BotDependencies, ChatSession, RowsAhead, SessionData } from './context.js'

/**
 * The context class of the bot's updates. What is the same for every update (config, database,
 * i18n, clock, content) sits on the prototype instead of being copied onto each context, the
 * per-update logger is made on first use by a getter, and `session` is an accessor of the
 * prototype over the state src/bot/session.ts keeps, instead of a property defined on each context.
 */
export function updateContextClass(deps: BotDependencies, logger: Logger): new (update: Update, api: Api, me: UserFromGetMe) => BotContext {
  class UpdateContext extends Context {
    rowsAhead: RowsAhead | undefined = undefined
    chatSession: ChatSession | undefined = undefined
    private child: Logger | undefined = undefined

    /** Made when first used: the chat id's keyed hash costs an HMAC. */
    get logger(): Logger {
      return (this.child ??= logger.child({ update_id: this.update.update_id, chat_id: this.chat?.id }))
    }

    get session(): SessionData | null | undefined {
      const s = this.chatSession
      if (!s) return undefined
      if (s.key === undefined) throw new Error(NO_CHAT('access'))
      s.read = true
      return s.value
    }

    set session(value: SessionData | null | undefined) {
      const s = this.chatSession
      if (!s) {
        // No session for this update (as in grammY): a plain property.
        Object.defineProperty(this, 'session', { value, writable: true, enumerable: true, configurable: true })
        return
      }
      if (s.key === undefined) throw new Error(NO_CHAT('assign'))
      s.wrote = true
      s.value = value
    }
  }
  const { config, db, i18n, clock, content } = deps
  Object.assign(UpdateContext.prototype, { config, db, i18n, clock, content })
  return UpdateContext as unknown as new (update: Update, api: Api, me: UserFromGetMe) => BotContext
}

/** grammY's own words for it. */
const NO_CHAT = (op: string) => `Cannot ${op} session data because this update does not belong to a chat, so the session key is undefined!`
