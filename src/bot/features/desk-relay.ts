import { Composer, InlineKeyboard, type Filter } from 'grammy'
import { relayByClientMessage, relayByGroupMessage, requestByCard, requestByThread } from '../../db/desk.js'
import { audit } from '../../db/lawyers.js'
import { addClientMessage, addLawyerMessage, addLawyerNote, enqueueOutbox, findRequest, type LegalRequest } from '../../db/legal-requests.js'
import { MAX_DESCRIPTION_LENGTH } from '../../requests/lifecycle.js'
import type { BotContext } from '../context.js'
import { isLawyer, requireLawyer } from '../desk/roles.js'
import { clip, formatDateTime } from '../format.js'

/**
 * Two-way contact: a lawyer's message in a request's topic (or a reply to its card or to the
 * person's message) goes to the person; the person's replies and edits come back into the topic.
 */
const composer = new Composer<BotContext>()
const lawyersGroup = composer.filter((ctx) => ctx.chat?.id !== undefined && ctx.chat.id === ctx.config.lawyersChatId)

export const PHRASES = ['sendContract', 'working', 'callUs', 'sendDocuments'] as const

type GroupMessage = Filter<BotContext, 'message' | 'edited_message'>

/** The request a group message is about: its topic, a reply to its card, or a reply to a relayed message. */
function requestFor(ctx: BotContext): LegalRequest | undefined {
  const message = ctx.msg
  if (!message) return undefined
  const threadId = message.is_topic_message ? message.message_thread_id : undefined
  if (threadId) {
    const byThread = requestByThread(ctx.db, threadId)
    if (byThread) return byThread
  }
  const replyTo = message.reply_to_message?.message_id
  if (!replyTo) return undefined
  const relayed = relayByGroupMessage(ctx.db, ctx.chat!.id, replyTo)
  return requestByCard(ctx.db, replyTo) ?? (relayed ? findRequest(ctx.db, relayed.requestId) : undefined)
}

lawyersGroup.command('note', async (ctx) => {
  if (!(await requireLawyer(ctx))) return
  const request = requestFor(ctx)
  if (!request || !ctx.match.trim()) return ctx.reply(ctx.t('desk:noteHelp'))
  if (request.erasedAt) return ctx.reply(ctx.t('privacy:desk.erasedAlert', { reference: request.reference }))
  addLawyerNote(ctx.db, request, ctx.from!.id, clip(ctx.match.trim(), MAX_DESCRIPTION_LENGTH), ctx.clock())
  audit(ctx.db, ctx.from!.id, 'note', request.id, ctx.clock())
  await ctx.reply(ctx.t('desk:noteSaved', { reference: request.reference }))
})

lawyersGroup.command('phrases', async (ctx) => {
  if (!(await requireLawyer(ctx))) return
  const request = requestFor(ctx)
  if (!request) return ctx.reply(ctx.t('desk:phrasesHelp'))
  const kb = new InlineKeyboard()
  for (const p of PHRASES) kb.text(ctx.t(`desk:phraseButtons.${p}`), `d:ph:${request.id}:${p}`).row()
  await ctx.reply(ctx.t('desk:choosePhrase', { reference: request.reference }), { reply_markup: kb })
})

composer.callbackQuery(/^d:ph:(\d{1,10}):([a-zA-Z]{1,20})$/, async (ctx) => {
  if (!(await requireLawyer(ctx))) return
  const request = findRequest(ctx.db, Number(ctx.match[1]))
  const phrase = ctx.match[2] as (typeof PHRASES)[number]
  if (!request || !PHRASES.includes(phrase) || request.status === 'withdrawn' || request.erasedAt) return ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
  // "We will write by …": two days from now, in the person's calendar.
  const date = formatDateTime(new Date(ctx.clock().getTime() + 2 * 86_400_000)).slice(0, 10)
  enqueueOutbox(ctx.db, 'lawyer.phrase', request.id, { requestId: request.id, clientChatId: request.chatId, phrase, date, lawyerId: ctx.from.id }, ctx.clock())
  audit(ctx.db, ctx.from.id, `phrase:${phrase}`, request.id, ctx.clock())
  await ctx.answerCallbackQuery({ text: ctx.t('desk:queued') })
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined)
})

const textOf = (m: NonNullable<GroupMessage['msg']>) => m.text ?? m.caption ?? ''
const hasMedia = (m: NonNullable<GroupMessage['msg']>) => Boolean(m.photo || m.document || m.video || m.voice || m.audio)

lawyersGroup.on('message', async (ctx, next) => {
  if (ctx.message.text?.startsWith('/')) return next()
  const request = requestFor(ctx)
  if (!request) return next()
  if (!(await requireLawyer(ctx))) return
  if (request.erasedAt) return ctx.reply(ctx.t('privacy:desk.erasedNoRelay', { reference: request.reference }))
  if (request.status === 'withdrawn') return ctx.reply(ctx.t('desk:withdrawnNoRelay', { reference: request.reference }))
  const replyTo = ctx.message.reply_to_message
  addLawyerMessage(ctx.db, request, ctx.from.id, clip(textOf(ctx.message), 3500), {
    groupChatId: ctx.chat.id,
    groupMessageId: ctx.message.message_id,
    media: hasMedia(ctx.message),
    ...(replyTo && replyTo.message_id !== request.cardMessageId ? { groupReplyTo: replyTo.message_id } : {}),
  }, ctx.clock())
  audit(ctx.db, ctx.from.id, 'relay:to-client', request.id, ctx.clock())
  ctx.logger.info({ handler: 'desk:relay-to-client', request_id: request.id })
})

lawyersGroup.on('edited_message', async (ctx) => {
  const relayed = relayByGroupMessage(ctx.db, ctx.chat.id, ctx.editedMessage.message_id)
  if (!relayed || relayed.direction !== 'to_client' || !isLawyer(ctx)) return
  enqueueOutbox(ctx.db, 'relay.edit', relayed.requestId, { requestId: relayed.requestId, side: 'client', messageId: relayed.clientMessageId, text: textOf(ctx.editedMessage), media: hasMedia(ctx.editedMessage) }, ctx.clock())
})

const privateChat = composer.chatType('private')

/** The person answers a lawyer's message with Telegram's reply: it goes to the request's topic. */
privateChat.on('message', async (ctx, next) => {
  const replyTo = ctx.message.reply_to_message
  const relayed = replyTo ? relayByClientMessage(ctx.db, ctx.chat.id, replyTo.message_id) : undefined
  const request = relayed ? findRequest(ctx.db, relayed.requestId) : undefined
  if (!request || request.userId !== ctx.from.id || request.status === 'withdrawn') return next()
  const text = textOf(ctx.message)
  if (!text && !hasMedia(ctx.message)) return next()
  addClientMessage(ctx.db, request, clip(text, MAX_DESCRIPTION_LENGTH) || '📎', ctx.clock(), {
    clientMessageId: ctx.message.message_id,
    media: hasMedia(ctx.message),
    clientReplyTo: replyTo!.message_id,
  })
  ctx.logger.info({ handler: 'desk:relay-to-group', request_id: request.id })
  await ctx.reply(ctx.t('requests:written', { reference: request.reference }))
})

privateChat.on('edited_message', async (ctx) => {
  const relayed = relayByClientMessage(ctx.db, ctx.chat.id, ctx.editedMessage.message_id)
  if (!relayed || relayed.direction !== 'from_client') return
  enqueueOutbox(ctx.db, 'relay.edit', relayed.requestId, { requestId: relayed.requestId, side: 'group', messageId: relayed.groupMessageId, text: textOf(ctx.editedMessage), media: hasMedia(ctx.editedMessage) }, ctx.clock())
})

export { composer as deskRelayFeature }
