import { conversations } from '@grammyjs/conversations'
import { limit } from '@grammyjs/ratelimiter'
import { sequentialize } from '@grammyjs/runner'
import { Bot, type BotConfig } from 'grammy'
import { readUpdateRows } from '../db/update-rows.js'
import { heldUserLanguage, holdingUserRow, languageOf, touchUser, userLanguage } from '../db/users.js'
import { describeError, pseudonymousLogger } from '../logger.js'
import { Composer } from './composer.js'
import { editFallback } from './edit-fallback.js'
import { FAMILY_BENEFITS } from './conversations/family-benefits.js'
import { LEGAL_REQUEST } from './conversations/legal-request.js'
import { conversationStorage, tellDroppedConversation } from './conversations/storage.js'
import { logPseudonymKey } from '../privacy/log-key.js'
import type { BotContext, BotDependencies, ConvContext } from './context.js'
import { chatSessions } from './session.js'
import { updateContextClass } from './update-context.js'
import { cancelFeature } from './features/cancel.js'
import { centresFeature } from './features/centres.js'
import { contactDetailsFeature } from './features/contact-details.js'
import { deskAdminFeature } from './features/desk-admin.js'
import { deskCardsFeature } from './features/desk-cards.js'
import { deskFiguresFeature } from './features/desk-figures.js'
import { deskRelayFeature } from './features/desk-relay.js'
import { deadlinesFeature } from './features/deadlines.js'
import { familyBenefitsFeature } from './features/family-benefits.js'
import { helpFeature } from './features/help.js'
import { legalRequestFeature } from './features/legal-request.js'
import { myDataFeature } from './features/my-data.js'
import { alertsFeature } from './features/alerts.js'
import { myRequestsFeature } from './features/my-requests.js'
import { rightsFeature } from './features/rights.js'
import { languageFeature } from './features/language.js'
import { startFeature } from './features/start.js'
import { unhandledFeature } from './features/unhandled.js'

/**
 * Builds the bot without starting it; main.ts picks the transport (terminal, polling, webhook).
 * Install order:
 *  1. sequentialize per chat and user (before session and conversations)
 *  2. dependencies, per-update logger, user record and language (ctx.t)
 *  3. a per-user flood limit; ignore groups other than the lawyers' group, and private updates without a sender
 *  4. session, then conversations (state in SQLite, so they survive restarts), then /cancel,
 *     which must come before the conversations themselves
 *  5. features, one Composer each, those with conversations first
 *  6. unhandled, last
 */
export function createBot(deps: BotDependencies, token = 'local', botConfig?: BotConfig<BotContext>): Bot<BotContext> {
  const { config, db, i18n, clock } = deps
  // Telegram ids in logs are keyed hashes: the logs alone cannot say who read or asked what.
  const logger = pseudonymousLogger(deps.logger, logPseudonymKey(db, clock()))
  const bot = new Bot<BotContext>(token, { ...botConfig, ContextConstructor: updateContextClass(deps, logger) })

  // 1.
  bot.use(sequentialize((ctx) => [ctx.chat?.id, ctx.from?.id].filter((x) => x !== undefined).map(String)))

  // 2.
  bot.use((ctx, next) => {
    ctx.api.config.use(editFallback)
    const sender = ctx.from && !ctx.from.is_bot ? ctx.from : undefined
    // The user, session and conversation rows in one read; the storages below take them from here.
    const chatKey = ctx.chatId?.toString()
    const rows = readUpdateRows(db, sender?.id, chatKey)
    ctx.rowsAhead = { chatKey, user: rows.user, session: rows.session, conversation: rows.conversation }
    // touchUser returns the row, which is held for conversation replays.
    const user = sender ? touchUser(db, sender.id, clock(), rows.user) : undefined
    // The lawyers' group reads one language; everyone else gets their own.
    const inLawyersGroup = ctx.chat?.id !== undefined && ctx.chat.id === config.lawyersChatId
    ctx.locale = inLawyersGroup
      ? config.lawyersLanguage
      : user
        ? languageOf(user, ctx.from, config.defaultLanguage)
        : userLanguage(db, ctx.from, config.defaultLanguage)
    ctx.t = i18n.getFixedT(ctx.locale)
    return user ? holdingUserRow(db, user, next) : next()
  })

  // Errors anywhere below are logged (without user text) and the person gets an apology, not silence;
  // under a webhook an uncaught error would make Telegram redeliver the update again and again.
  const app = new Composer<BotContext>()
  bot.errorBoundary(async (error) => {
    const ctx = error.ctx
    ctx.logger.error({ err: describeError(error.error) }, 'update failed')
    if (ctx.chat?.type !== 'private') return
    await ctx.reply(ctx.t('errors.generic')).catch(() => undefined)
  }, app)

  // 3.
  // A flood from one person (a stuck client, a script) must not starve everyone else.
  app.use(
    limit<BotContext, never>({
      timeFrame: 60_000,
      limit: 60,
      keyGenerator: (ctx) => (ctx.chat?.type === 'private' || ctx.inlineQuery ? ctx.from?.id.toString() : undefined),
      // Inline queries (one per keystroke) have no chat to answer in: they are just dropped.
      onLimitExceeded: (ctx) => (ctx.chat ? void ctx.reply(ctx.t('errors.tooFast')).catch(() => undefined) : undefined),
    }),
  )
  app.use((ctx, next) => {
    const type = ctx.chat?.type
    if ((type === 'group' || type === 'supergroup') && ctx.chat?.id !== config.lawyersChatId) return
    // grammY's chatType('private') promises `ctx.from`, and every private handler reads `ctx.from.id`;
    // Telegram always sends it there, but a forged or malformed update without a sender names no
    // person to answer, file for or look up: it is ignored rather than failing in some handler.
    if (type === 'private' && !ctx.from) return
    return next()
  })

  // 4.
  app.use(chatSessions(db, clock))
  app.use(
    conversations<BotContext, ConvContext>({
      // Version 3: the request and the benefits questions keep a short journal (stepwise.ts); rows of
      // version 2 go on as saved, older ones are dropped and the person is told (storage.ts).
      storage: conversationStorage(db, clock, [LEGAL_REQUEST, FAMILY_BENEFITS]),
      plugins: [
        async (ctx, next) => {
          // Conversations replay without outside middleware, so the translator is set up here too.
          ctx.locale = heldUserLanguage(db, ctx.from, config.defaultLanguage)
          ctx.t = i18n.getFixedT(ctx.locale)
          ctx.i18n = i18n
          await next()
        },
      ],
    }),
  )

  app.use(tellDroppedConversation)
  app.use(cancelFeature)
  // /deletemydata must also work in the middle of a conversation.
  app.use(myDataFeature)
  // /news and /alert: the news offer waits for the features below; an admin's alert text comes before the desk relay.
  app.use(alertsFeature)

  // 5. Features that run conversations come first: a running conversation must see the chat's
  // updates (even /help) before any other handler takes them.
  app.use(legalRequestFeature)
  app.use(myRequestsFeature)
  app.use(familyBenefitsFeature)
  app.use(deadlinesFeature)
  // The lawyers' desk: answers to the bot's questions and relayed replies come before search.
  app.use(deskCardsFeature)
  app.use(contactDetailsFeature)
  app.use(deskRelayFeature)
  app.use(deskAdminFeature)
  app.use(deskFiguresFeature)
  // Centres before rights: a typed city name is a centres list, not an article search.
  app.use(centresFeature)
  app.use(rightsFeature)
  app.use(startFeature)
  app.use(languageFeature)
  app.use(helpFeature)

  // 6. must be the last handler
  app.use(unhandledFeature)

  bot.catch((error) => deps.logger.error({ err: describeError(error.error) }, 'update failed before the error boundary'))

  return bot
}
