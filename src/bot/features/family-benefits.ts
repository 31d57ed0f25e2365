import { Composer, InlineKeyboard } from '../composer.js'
import { assessFamily } from '../../benefits/assess-family.js'
import { renderBenefitDetail, renderForwardableSummary, renderWhyNot } from '../../benefits/render-assessment.js'
import { BENEFITS, type BenefitId } from '../../content/benefits.js'
import type { BotContext } from '../context.js'
import { FAMILY_BENEFITS, familyBenefitsConversation } from '../conversations/family-benefits.js'
import { createStepwiseConversation } from '../conversations/stepwise.js'
import { startLegalRequest } from './legal-request.js'

const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')
privateChat.use(createStepwiseConversation(FAMILY_BENEFITS, familyBenefitsConversation, { maxMillisecondsToWait: 24 * 60 * 60 * 1000 }))

async function start(ctx: BotContext) {
  ctx.logger.info({ handler: 'benefits:start' })
  await ctx.conversation.exitAll()
  await ctx.conversation.enter(FAMILY_BENEFITS)
}

privateChat.command('benefits', start)
privateChat.callbackQuery('menu:benefits', async (ctx) => {
  await ctx.answerCallbackQuery()
  await start(ctx)
})

/** One plain-text message a family can forward to a relative. */
privateChat.callbackQuery('b:summary', async (ctx) => {
  const answers = ctx.session.familyAnswers
  if (!answers) return ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
  await ctx.answerCallbackQuery()
  const t = ctx.i18n.getFixedT(ctx.locale, 'benefits')
  // Plain text: values must not be HTML-escaped here.
  const plain = (key: string, options?: Record<string, unknown>) => t(key, { ...options, interpolation: { escapeValue: false } })
  await ctx.reply(renderForwardableSummary(assessFamily(answers, ctx.clock()), plain))
})

/**
 * The details behind the short answer: one benefit in full (with its article), or why the others do not apply.
 * Computed again from the answers in the session (SQLite), so the buttons work after a restart; unknown or forged
 * ids get the stale-button popup.
 */
privateChat.callbackQuery(/^b:d:([a-z-]{1,40})$/, async (ctx) => {
  const answers = ctx.session.familyAnswers
  const id = ctx.match[1] ?? ''
  const t = ctx.i18n.getFixedT(ctx.locale, 'benefits')
  const results = answers ? assessFamily(answers, ctx.clock()) : undefined
  const text = results && (id === 'not' ? renderWhyNot(results, t) : renderBenefitDetail(results, id, t))
  if (!text) return ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
  await ctx.answerCallbackQuery()
  const keyboard = new InlineKeyboard()
  if (id in BENEFITS) keyboard.text(`📖 ${t(`benefit.${id}.name`)}`, `r:a:${BENEFITS[id as BenefitId].articleId}`).row()
  keyboard.text(ctx.t('rights:askLawyerShort'), 'b:lawyer')
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard })
})

privateChat.callbackQuery('b:lawyer', async (ctx) => {
  await ctx.answerCallbackQuery()
  await startLegalRequest(ctx, { topic: 'family' })
})

export { composer as familyBenefitsFeature }
