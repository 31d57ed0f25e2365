import { Composer, InlineKeyboard } from '../composer.js'
import { findPrompt, isAnswered, savePrompt, takePrompt } from '../../db/desk.js'
import { audit, findLawyer, findReferralOrganisation, listReferralOrganisations } from '../../db/lawyers.js'
import { assignRequest, changeRequestStatus, findRequest, messagesOf, setRequestUrgent } from '../../db/legal-requests.js'
import { escapeHtml } from '../../i18n.js'
import { allowedTransitions, isOpen, type RequestStatus } from '../../requests/lifecycle.js'
import type { BotContext } from '../context.js'
import { requireLawyer } from '../desk/roles.js'
import { clip, formatDateTime } from '../format.js'

/**
 * Buttons on request cards (Take, Status…, Urgent/Normal, Notes) and the one-line notes lawyers
 * give by replying. The role is checked on every press, whatever the button says.
 */
const composer = new Composer<BotContext>()

/** The choices behind "Status…": lifecycle moves, with "closed" split into declined and closed. */
type StatusChoice = RequestStatus | 'declined'
function statusChoices(status: RequestStatus): StatusChoice[] {
  return allowedTransitions(status, 'lawyer').flatMap((s): StatusChoice[] => (s === 'closed' ? ['declined', 'closed'] : [s]))
}

const requestFrom = (ctx: BotContext, id: string | undefined) => (id ? findRequest(ctx.db, Number(id)) : undefined)

/** A lawyer as the others see them: the name set with /lawyers add, or the id (t() escapes it). */
const lawyerName = (ctx: BotContext, id: number) => findLawyer(ctx.db, id)?.displayName ?? `#${id}`

composer.callbackQuery(/^d:(take|takeover|st|urg|notes):(\d{1,10})$/, async (ctx) => {
  if (!(await requireLawyer(ctx))) return
  const [, action, id] = ctx.match
  const request = requestFrom(ctx, id)
  if (!request) return ctx.answerCallbackQuery({ text: ctx.t('requests:notFound'), show_alert: true })
  if (request.erasedAt) return ctx.answerCallbackQuery({ text: ctx.t('privacy:desk.erasedAlert', { reference: request.reference }), show_alert: true })
  const lawyerId = ctx.from.id
  audit(ctx.db, lawyerId, `card:${action}`, request.id, ctx.clock())
  ctx.logger.info({ handler: `desk:${action}`, request_id: request.id })
  const status = request.status as RequestStatus
  // A withdrawn or closed card keeps only what still makes sense; an old button is refused kindly.
  if ((action === 'take' || action === 'takeover' || action === 'urg') && !isOpen(status)) {
    return ctx.answerCallbackQuery({ text: ctx.t('desk:notOpen', { reference: request.reference, status: ctx.t(`figures:status.${status}`) }), show_alert: true })
  }
  if (action === 'take' && request.assignedLawyerId === lawyerId) return ctx.answerCallbackQuery({ text: ctx.t('desk:alreadyYours', { reference: request.reference }) })
  if (action === 'take' && request.assignedLawyerId) {
    // Another lawyer has it: ask before taking it over, so nobody loses a case without knowing.
    await ctx.answerCallbackQuery()
    const kb = new InlineKeyboard().text(ctx.t('desk:buttons.takeOver'), `d:takeover:${request.id}`)
    return ctx.reply(ctx.t('desk:takeOverAsk', { reference: request.reference, name: lawyerName(ctx, request.assignedLawyerId) }), { parse_mode: 'HTML', reply_markup: kb })
  }
  if (action === 'take' || action === 'takeover') {
    const previous = request.assignedLawyerId
    const result = assignRequest(ctx.db, request.id, lawyerId, ctx.clock())
    await ctx.answerCallbackQuery({ text: ctx.t(result.ok ? 'desk:taken' : 'desk:notAllowed', { reference: request.reference }) })
    if (action === 'takeover') await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined)
    // The first lawyer reads it where the question was asked.
    if (result.ok && previous && previous !== lawyerId) {
      await ctx.reply(ctx.t('desk:takenOver', { reference: request.reference, name: lawyerName(ctx, lawyerId), previous: lawyerName(ctx, previous) }), { parse_mode: 'HTML' })
    }
    return
  }
  if (action === 'urg') {
    setRequestUrgent(ctx.db, request.id, !request.urgent, ctx.clock())
    return ctx.answerCallbackQuery({ text: ctx.t(request.urgent ? 'desk:nowNormal' : 'desk:nowUrgent') })
  }
  await ctx.answerCallbackQuery()
  if (action === 'notes') {
    const notes = messagesOf(ctx.db, request.id, { includeNotes: true }).filter((m) => m.direction === 'note')
    const lines = notes.map((n) => `${formatDateTime(n.createdAt)} · #${n.authorId}: ${escapeHtml(clip(n.text, 500))}`)
    return ctx.reply([`<b>${request.reference}</b> · ${ctx.t('desk:notesTitle')}`, ...(lines.length ? lines : [ctx.t('desk:noNotes')])].join('\n'), { parse_mode: 'HTML' })
  }
  const choices = statusChoices(request.status as RequestStatus)
  if (choices.length === 0) return ctx.reply(ctx.t('desk:noStatusChange', { reference: request.reference }))
  const kb = new InlineKeyboard()
  choices.forEach((s, i) => {
    kb.text(ctx.t(s === 'declined' ? 'desk:disposition.declined' : `figures:status.${s}`), `d:set:${request.id}:${s}`)
    if (i % 2 === 1) kb.row()
  })
  await ctx.reply(ctx.t('desk:chooseStatus', { reference: request.reference }), { reply_markup: kb })
})

composer.callbackQuery(/^d:set:(\d{1,10}):([a-z_]{1,20})$/, async (ctx) => {
  if (!(await requireLawyer(ctx))) return
  const request = requestFrom(ctx, ctx.match[1])
  const choice = ctx.match[2] as StatusChoice
  if (!request || !statusChoices(request.status as RequestStatus).includes(choice)) {
    return ctx.answerCallbackQuery({ text: ctx.t('desk:notAllowed', { reference: request?.reference ?? '' }), show_alert: true })
  }
  await ctx.answerCallbackQuery()
  if (choice === 'referred') {
    const kb = new InlineKeyboard()
    for (const org of listReferralOrganisations(ctx.db)) kb.text(org.name, `d:ref:${request.id}:${org.id}`).row()
    kb.text(ctx.t('desk:otherOrganisation'), `d:ref:${request.id}:0`)
    return ctx.editMessageText(ctx.t('desk:chooseOrganisation', { reference: request.reference }), { reply_markup: kb })
  }
  await askForNote(ctx, request.id, request.reference, `status:${choice}`)
})

composer.callbackQuery(/^d:ref:(\d{1,10}):(\d{1,10})$/, async (ctx) => {
  if (!(await requireLawyer(ctx))) return
  const request = requestFrom(ctx, ctx.match[1])
  const orgId = Number(ctx.match[2])
  if (!request || (orgId !== 0 && !findReferralOrganisation(ctx.db, orgId))) return ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
  await ctx.answerCallbackQuery()
  await askForNote(ctx, request.id, request.reference, `status:referred:${orgId}`)
})

/** Each status change asks for a one-line note, given by replying to the bot's question. */
async function askForNote(ctx: BotContext, requestId: number, reference: string, action: string) {
  const key = action === 'status:declined' ? 'desk:askReason' : action === 'status:referred:0' ? 'desk:askOrganisation' : 'desk:askNote'
  const question = await ctx.reply(ctx.t(key, { reference }), { reply_markup: { force_reply: true, selective: true } })
  savePrompt(ctx.db, { chatId: question.chat.id, messageId: question.message_id, requestId, lawyerId: ctx.from!.id, action, createdAt: ctx.clock() })
}

/** A reply to one of the bot's questions applies the change it was about. */
composer.on('message', async (ctx, next) => {
  const replyTo = ctx.message.reply_to_message
  const asked = replyTo && replyTo.from?.id === ctx.me.id ? findPrompt(ctx.db, ctx.chat.id, replyTo.message_id) : undefined
  if (!asked) return next()
  if (!(await requireLawyer(ctx))) return
  // A photo or a sticker is no answer to the bot's question, and it is not for the person either.
  if (!ctx.message.text) return ctx.reply(ctx.t('desk:promptNeedsText', { reference: findRequest(ctx.db, asked.requestId)?.reference ?? '' }))
  const prompt = takePrompt(ctx.db, ctx.chat.id, replyTo!.message_id)
  // A second answer to the same question changes nothing and goes nowhere: say so.
  if (!prompt || isAnswered(asked)) return ctx.reply(ctx.t('desk:promptAnswered', { reference: findRequest(ctx.db, asked.requestId)?.reference ?? '' }))
  const note = clip(ctx.message.text.split('\n')[0]!.trim(), 500)
  const [, status, orgId] = prompt.action.split(':')
  const request = findRequest(ctx.db, prompt.requestId)
  if (!request) return ctx.reply(ctx.t('requests:notFound'))
  const organisation = orgId === '0' ? note : orgId ? findReferralOrganisation(ctx.db, Number(orgId))?.name : undefined
  const extra =
    status === 'declined' ? { disposition: 'declined' as const, declineReason: note } :
    status === 'resolved' ? { disposition: 'resolved' as const } :
    status === 'referred' ? { disposition: 'referred' as const, referredTo: organisation ?? null } : {}
  const to = (status === 'declined' ? 'closed' : status) as RequestStatus
  const result = changeRequestStatus(ctx.db, request.id, to, { kind: 'lawyer', id: ctx.from.id }, note === '-' ? null : note, ctx.clock(), extra)
  audit(ctx.db, ctx.from.id, `status:${status}`, request.id, ctx.clock())
  ctx.logger.info({ handler: 'desk:status', request_id: request.id, to, ok: result.ok })
  await ctx.reply(ctx.t(result.ok ? 'desk:statusChanged' : 'desk:notAllowed', { reference: request.reference, status: ctx.t(status === 'declined' ? 'desk:disposition.declined' : `figures:status.${to}`) }))
})

export { composer as deskCardsFeature }
