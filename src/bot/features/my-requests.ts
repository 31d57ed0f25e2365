import { createConversation } from '@grammyjs/conversations'
import { Composer, InlineKeyboard } from '../composer.js'
import {
  changeRequestStatus,
  findRequestOfUser,
  listRequestsOfUser,
  messagesOf,
  statusHistoryOf,
  type LegalRequest,
} from '../../db/legal-requests.js'
import { escapeHtml } from '../../i18n.js'
import { canTransition, type RequestStatus } from '../../requests/lifecycle.js'
import type { BotContext, ConvContext } from '../context.js'
import { REQUEST_FOLLOW_UP, requestFollowUpConversation } from '../conversations/request-follow-up.js'
import { clip, formatDateTime } from '../format.js'
import { mainMenuKeyboard } from '../keyboards/main-menu.js'

const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')
privateChat.use(createConversation<BotContext, ConvContext>(requestFollowUpConversation, { id: REQUEST_FOLLOW_UP, maxMillisecondsToWait: 24 * 60 * 60 * 1000 }))

const HISTORY_ENTRIES = 12

function listView(ctx: BotContext) {
  const requests = listRequestsOfUser(ctx.db, ctx.from!.id)
  if (requests.length === 0) return { text: ctx.t('requests:none'), keyboard: mainMenuKeyboard(ctx.t) }
  const kb = new InlineKeyboard()
  for (const r of requests.slice(0, 10)) kb.text(`${r.reference} · ${ctx.t(`requests:status.${r.status}`)}`, `my:open:${r.id}`).row()
  const lines = requests.slice(0, 10).map(
    (r) => `<b>${r.reference}</b> · ${ctx.t(`lawyer:topics.${r.topic}`)} · ${ctx.t(`requests:status.${r.status}`)} · ${formatDateTime(r.lastActivityAt)}`,
  )
  return { text: [ctx.t('requests:listTitle'), ...lines].join('\n'), keyboard: kb }
}

function requestView(ctx: BotContext, request: LegalRequest) {
  const events = [
    ...statusHistoryOf(ctx.db, request.id).map((h) => ({ at: h.createdAt, line: `${ctx.t('requests:statusChange')}: ${ctx.t(`requests:status.${h.toStatus}`)}` })),
    ...messagesOf(ctx.db, request.id, { includeNotes: false }).map((m) => ({
      at: m.createdAt,
      line: `${ctx.t(m.direction === 'from_client' ? 'requests:fromYou' : 'requests:fromLawyer')}: ${escapeHtml(clip(m.text, 300))}`,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime())
  const text = [
    `<b>${request.reference}</b> · ${ctx.t(`lawyer:topics.${request.topic}`)}`,
    `${ctx.t('requests:statusLabel')}: <b>${ctx.t(`requests:status.${request.status}`)}</b>`,
    '',
    ...events.slice(-HISTORY_ENTRIES).map((e) => `${formatDateTime(e.at)} — ${e.line}`),
  ].join('\n')
  const kb = new InlineKeyboard()
  if (request.status !== 'withdrawn') kb.text(ctx.t('requests:write'), `my:write:${request.id}`).row()
  if (canTransition(request.status as RequestStatus, 'withdrawn', 'client')) kb.text(ctx.t('requests:withdraw'), `my:withdraw:${request.id}`).row()
  kb.text(ctx.t('buttons.back'), 'my:list')
  return { text, keyboard: kb }
}

privateChat.command('myrequests', async (ctx) => {
  const view = listView(ctx)
  await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard })
})

privateChat.callbackQuery('my:list', async (ctx) => {
  await ctx.answerCallbackQuery()
  const view = listView(ctx)
  await ctx.editMessageText(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard })
})

/** Every button names a request by id: look it up among this person's own, or say it is not there. */
privateChat.callbackQuery(/^my:(open|write|withdraw|withdraw-yes):(\d{1,10})$/, async (ctx) => {
  const [, action, id] = ctx.match
  const request = findRequestOfUser(ctx.db, ctx.from.id, Number(id))
  if (!request) return ctx.answerCallbackQuery({ text: ctx.t('requests:notFound'), show_alert: true })
  await ctx.answerCallbackQuery()
  if (action === 'write' && request.status === 'withdrawn') return ctx.reply(ctx.t('requests:withdrawnNoRelay', { reference: request.reference }))
  if (action === 'write') {
    await ctx.conversation.exitAll()
    return ctx.conversation.enter(REQUEST_FOLLOW_UP, request.id)
  }
  if (action === 'withdraw') {
    const kb = new InlineKeyboard().text(ctx.t('requests:withdrawYes'), `my:withdraw-yes:${request.id}`).text(ctx.t('buttons.back'), `my:open:${request.id}`)
    return ctx.editMessageText(ctx.t('requests:withdrawConfirm', { reference: request.reference }), { reply_markup: kb })
  }
  if (action === 'withdraw-yes') {
    const result = changeRequestStatus(ctx.db, request.id, 'withdrawn', { kind: 'client', id: ctx.from.id }, null, ctx.clock())
    ctx.logger.info({ handler: 'requests:withdraw', request_id: request.id, ok: result.ok })
    if (!result.ok) return ctx.reply(ctx.t('requests:cannotWithdraw'))
    const view = requestView(ctx, result.request)
    return ctx.editMessageText(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard })
  }
  const view = requestView(ctx, request)
  await ctx.editMessageText(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard })
})

export { composer as myRequestsFeature }
