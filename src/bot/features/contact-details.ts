import { Composer, GrammyError } from '../composer.js'
import { audit } from '../../db/lawyers.js'
import { findRequest } from '../../db/legal-requests.js'
import { escapeHtml } from '../../i18n.js'
import type { BotContext } from '../context.js'
import { requireLawyer } from '../desk/roles.js'

/**
 * "📞 Show contact" on a request card. The lawyers' group may hold people who are not lawyers, so a
 * person's name and phone never appear there: a lawyer presses the button and gets them in a
 * private chat with the bot. The role is checked on the press and every view is audited.
 */
const composer = new Composer<BotContext>()

composer.callbackQuery(/^d:contact:(\d{1,10})$/, async (ctx) => {
  if (!(await requireLawyer(ctx))) return
  const request = findRequest(ctx.db, Number(ctx.match[1]))
  if (!request) return ctx.answerCallbackQuery({ text: ctx.t('requests:notFound'), show_alert: true })
  if (request.erasedAt) return ctx.answerCallbackQuery({ text: ctx.t('privacy:desk.erasedAlert', { reference: request.reference }), show_alert: true })
  const t = ctx.t
  const lines = [
    t('privacy:contact.title', { reference: request.reference }),
    ...(request.forWhom === 'family' && request.subjectName ? [`${t('figures:case.name')}: ${escapeHtml(request.subjectName)}`] : []),
    `${t('figures:case.phone')}: ${request.contactPhone ? escapeHtml(request.contactPhone) : t('figures:case.noPhone')}`,
    ...(request.safeToContact ? [] : [`⚠️ ${t('desk:card.careful')}`]),
  ]
  try {
    await ctx.api.sendMessage(ctx.from.id, lines.join('\n'), { parse_mode: 'HTML' })
  } catch (error) {
    // Telegram lets a bot write only to people who started it.
    if (!(error instanceof GrammyError && (error.error_code === 403 || /chat not found/i.test(error.description)))) throw error
    return ctx.answerCallbackQuery({ text: t('privacy:contact.openPrivate'), show_alert: true })
  }
  audit(ctx.db, ctx.from.id, 'contact:view', request.id, ctx.clock(), ctx.chat?.type === 'private' ? 'private' : 'group')
  ctx.logger.info({ handler: 'privacy:contact-view', request_id: request.id })
  await ctx.answerCallbackQuery({ text: t('privacy:contact.sent', { reference: request.reference }) })
})

export { composer as contactDetailsFeature }
