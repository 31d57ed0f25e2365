import type { ConversationFlavor } from '@grammyjs/conversations'
import type { FamilyAnswers } from '../benefits/assessment.js'
import type { Context, SessionFlavor } from 'grammy'
import type { i18n } from 'i18next'
import type { Config, Language } from '../config.js'
import type { Content } from '../content/index.js'
import type { Db } from '../db/client.js'
import type { StoredRow } from '../db/key-value-storage.js'
import type { UpdateRows } from '../db/update-rows.js'
import type { TFunction } from '../i18n.js'
import type { Logger } from '../logger.js'

/** Everything the bot needs from outside; tests pass their own clock, database and fake Telegram. */
export interface BotDependencies {
  config: Config
  db: Db
  logger: Logger
  i18n: i18n
  clock: () => Date
  content: Content
}

/** Small per-chat state; anything that matters for a person's request lives in its own tables. */
export interface SessionData {
  /** The article last opened, so "Ask a lawyer about this" can pre-fill the topic. */
  lastArticleId?: string
  /** The last family benefits answers, for the "summary for relatives" button. */
  familyAnswers?: FamilyAnswers
}

export interface AppFlavor {
  config: Config
  i18n: i18n
  content: Content
  db: Db
  logger: Logger
  clock: () => Date
  locale: Language
  t: TFunction
  /** The rows read at the start of the update for chat `chatKey` (src/db/update-rows.ts); each taken once. */
  rowsAhead: RowsAhead | undefined
  /** What src/bot/session.ts keeps behind `ctx.session` for this update. */
  chatSession: ChatSession | undefined
}

export type RowsAhead = Omit<UpdateRows, 'session' | 'conversation'> & {
  chatKey: string | undefined
  /** undefined once taken (or never read): the storage reads it itself then. */
  session: StoredRow | null | undefined
  conversation: StoredRow | null | undefined
}

export interface ChatSession {
  key: string | undefined
  value: SessionData | null | undefined
  read: boolean
  wrote: boolean
}

export type BotContext = ConversationFlavor<Context & SessionFlavor<SessionData> & AppFlavor>

/** Inside conversations there is no session and no outside plugin: only the translator. */
export type ConvContext = Context & { locale: Language; t: TFunction; i18n: i18n }
