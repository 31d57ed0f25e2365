import type { ConversationFlavor } from '@grammyjs/conversations'
import type { FamilyAnswers } from '../benefits/assessment.js'
import type { Context, SessionFlavor } from 'grammy'
import type { i18n } from 'i18next'
import type { Config, Language } from '../config.js'
import type { Content } from '../content/index.js'
import type { Db } from '../db/client.js'
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
}

export type BotContext = ConversationFlavor<Context & SessionFlavor<SessionData> & AppFlavor>

/** Inside conversations there is no session and no outside plugin: only the translator. */
export type ConvContext = Context & { locale: Language; t: TFunction; i18n: i18n }
