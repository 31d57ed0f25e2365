import { Composer } from '../composer.js'
import type { BotContext } from '../context.js'
import { LEGAL_REQUEST, legalRequestConversation, type LegalRequestStart } from '../conversations/legal-request.js'
import { createStepwiseConversation } from '../conversations/stepwise.js'

const DAY = 24 * 60 * 60 * 1000

const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')

// A request left half-way for a day is dropped at the person's next message.
privateChat.use(createStepwiseConversation(LEGAL_REQUEST, legalRequestConversation, { maxMillisecondsToWait: DAY }))

/** Starts a request; other features call it with a topic (an article, a search, a centre card). */
export async function startLegalRequest(ctx: BotContext, start: LegalRequestStart = {}): Promise<void> {
  ctx.logger.info({ handler: 'legal-request:start', topic: start.topic })
  // Another conversation (benefits questions, a follow-up) may be running: a second one cannot start.
  await ctx.conversation.exitAll()
  await ctx.conversation.enter(LEGAL_REQUEST, start)
}

privateChat.command('lawyer', (ctx) => startLegalRequest(ctx))
privateChat.callbackQuery('menu:lawyer', async (ctx) => {
  await ctx.answerCallbackQuery()
  await startLegalRequest(ctx)
})

export { composer as legalRequestFeature }
