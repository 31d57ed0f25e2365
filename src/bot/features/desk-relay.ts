import { Composer, InlineKeyboard, type Filter } from '../composer.js'
import type { Message } from 'grammy/types'
import { relayByClientMessage, relayByGroupMessage, requestByCard, requestByThread } from '../../db/desk.js'
import { audit } from '../../db/lawyers.js'
import {
  addClientMessage,
  addLawyerMessage,
  addLawyerNote,
  enqueueOutbox,
  findRequest,
  findRequestByReference,
  hasRequestIn,
  messageFromSource,
  recordEdit,
  latestRequestOf,
  requestAwaitingAnswer,
  requestMessageById,
  type LegalRequest,
} from '../../db/legal-requests.js'
import { acceptsLawyerMessages, MAX_DESCRIPTION_LENGTH, OPEN_STATUSES, referencesIn, type RequestStatus } from '../../requests/lifecycle.js'
import type { BotContext } from '../context.js'
import { isLawyer, requireLawyer } from '../desk/roles.js'
import { clip, formatDateTime } from '../format.js'

/**
 * Two-way contact. A lawyer's message in a request's topic, or a reply to any bot message about a
 * request (its card, a file under it, a relayed message, a notice naming its reference), goes to
 * the person, or the lawyer is told there why not. The person's replies to any bot message about a
 * request, and their plain messages while a request waits for them, go to that request's topic.
 */
const composer = new Composer<BotContext>()
const lawyersGroup = composer.filter((ctx) => ctx.chat?.id !== undefined && ctx.chat.id === ctx.config.lawyersChatId)

export const PHRASES = ['sendContract', 'working', 'callUs', 'sendDocuments'] as const

type AnyMessage = NonNullable<Filter<BotContext, 'message' | 'edited_message'>['msg']>

/** The one request a bot message names by its reference (a notice, a file's caption, a confirmation). */
function namedReference(message: Message | undefined, botId: number): string | undefined {
  if (!message || message.from?.id !== botId) return undefined
  const references = referencesIn(message.text ?? message.caption)
  return references.length === 1 ? references[0] : undefined
}

/**
 * The request a group message is about: its topic, or a reply to its card, a relayed message or
 * another bot message naming it. `reference` without `request`: the request no longer exists.
 */
function requestFor(ctx: BotContext): { request?: LegalRequest; reference?: string } | undefined {
  const message = ctx.msg
  if (!message) return undefined
  const threadId = message.is_topic_message ? message.message_thread_id : undefined
  const byThread = threadId ? requestByThread(ctx.db, threadId) : undefined
  if (byThread) return { request: byThread }
  const replyTo = message.reply_to_message
  if (!replyTo) return undefined
  const byCard = requestByCard(ctx.db, replyTo.message_id)
  if (byCard) return { request: byCard }
  const relayed = relayByGroupMessage(ctx.db, ctx.chat!.id, replyTo.message_id)
  if (relayed) return { request: findRequest(ctx.db, relayed.requestId) }
  const reference = namedReference(replyTo, ctx.me.id)
  return reference ? { request: findRequestByReference(ctx.db, reference), reference } : undefined
}

lawyersGroup.command('note', async (ctx) => {
  if (!(await requireLawyer(ctx))) return
  const request = requestFor(ctx)?.request
  if (!request || !ctx.match.trim()) return ctx.reply(ctx.t('desk:noteHelp'))
  if (request.erasedAt) return ctx.reply(ctx.t('privacy:desk.erasedAlert', { reference: request.reference }))
  addLawyerNote(ctx.db, request, ctx.from!.id, clip(ctx.match.trim(), MAX_DESCRIPTION_LENGTH), ctx.clock())
  audit(ctx.db, ctx.from!.id, 'note', request.id, ctx.clock())
  await ctx.reply(ctx.t('desk:noteSaved', { reference: request.reference }))
})

lawyersGroup.command('phrases', async (ctx) => {
  if (!(await requireLawyer(ctx))) return
  const request = requestFor(ctx)?.request
  if (!request) return ctx.reply(ctx.t('desk:phrasesHelp'))
  const kb = new InlineKeyboard()
  for (const p of PHRASES) kb.text(ctx.t(`desk:phraseButtons.${p}`), `d:ph:${request.id}:${p}`).row()
  await ctx.reply(ctx.t('desk:choosePhrase', { reference: request.reference }), { reply_markup: kb })
})

composer.callbackQuery(/^d:ph:(\d{1,10}):([a-zA-Z]{1,20})$/, async (ctx) => {
  if (!(await requireLawyer(ctx))) return
  const request = findRequest(ctx.db, Number(ctx.match[1]))
  const phrase = ctx.match[2] as (typeof PHRASES)[number]
  if (!request || !PHRASES.includes(phrase)) return ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
  if (request.erasedAt || !acceptsLawyerMessages(request.status as RequestStatus)) return ctx.answerCallbackQuery({ text: whyNot(ctx, request), show_alert: true })
  // "We will write by …": two days from now, in the person's calendar.
  const date = formatDateTime(new Date(ctx.clock().getTime() + 2 * 86_400_000)).slice(0, 10)
  enqueueOutbox(ctx.db, 'lawyer.phrase', request.id, { requestId: request.id, clientChatId: request.chatId, phrase, date, lawyerId: ctx.from.id }, ctx.clock())
  audit(ctx.db, ctx.from.id, `phrase:${phrase}`, request.id, ctx.clock())
  await ctx.answerCallbackQuery({ text: ctx.t('desk:queued') })
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined)
})

const textOf = (m: AnyMessage) => m.text ?? m.caption ?? ''
const entitiesOf = (m: AnyMessage) => m.entities ?? m.caption_entities
const hasMedia = (m: AnyMessage) => Boolean(m.photo || m.document || m.video || m.voice || m.audio || m.animation)

/** Why a lawyer's message did not go to the person. */
function whyNot(ctx: BotContext, request: LegalRequest | undefined, reference?: string): string {
  if (!request) return ctx.t('desk:goneNoRelay', { reference: reference ?? '' })
  if (request.erasedAt) return ctx.t('privacy:desk.erasedNoRelay', { reference: request.reference })
  return ctx.t(request.status === 'withdrawn' ? 'desk:withdrawnNoRelay' : 'desk:closedNoRelay', { reference: request.reference })
}

lawyersGroup.on('message', async (ctx, next) => {
  if (ctx.message.text?.startsWith('/')) return next()
  const target = requestFor(ctx)
  if (!target) return next()
  if (!(await requireLawyer(ctx))) return
  const request = target.request
  const reply = { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } }
  if (!request || request.erasedAt || !acceptsLawyerMessages(request.status as RequestStatus)) return ctx.reply(whyNot(ctx, request, target.reference), reply)
  const text = textOf(ctx.message)
  if (!text && !hasMedia(ctx.message)) return ctx.reply(ctx.t('desk:cannotRelayKind'), reply)
  const replyTo = ctx.message.reply_to_message
  const entities = entitiesOf(ctx.message)
  addLawyerMessage(ctx.db, request, ctx.from.id, clip(text, 3500), {
    groupChatId: ctx.chat.id,
    groupMessageId: ctx.message.message_id,
    media: hasMedia(ctx.message),
    ...(replyTo && replyTo.message_id !== request.cardMessageId ? { groupReplyTo: replyTo.message_id } : {}),
    ...(entities ? { entities } : {}),
  }, ctx.clock())
  audit(ctx.db, ctx.from.id, 'relay:to-client', request.id, ctx.clock())
  ctx.logger.info({ handler: 'desk:relay-to-client', request_id: request.id })
})

/** An edit on either side: the stored message keeps its history and the other side's copy follows. */
async function mirrorEdit(ctx: BotContext, message: AnyMessage, side: 'client' | 'group') {
  const relayed = side === 'client' ? relayByGroupMessage(ctx.db, ctx.chat!.id, message.message_id) : relayByClientMessage(ctx.db, ctx.chat!.id, message.message_id)
  const stored = messageFromSource(ctx.db, ctx.chat!.id, message.message_id)
  const entities = entitiesOf(message)
  const mirror = relayed
    ? { requestId: relayed.requestId, side, messageId: side === 'client' ? relayed.clientMessageId : relayed.groupMessageId, text: textOf(message), media: hasMedia(message), ...(entities ? { entities } : {}) }
    : undefined
  if (stored) recordEdit(ctx.db, stored, clip(textOf(message), side === 'client' ? 3500 : MAX_DESCRIPTION_LENGTH) || stored.text, ctx.clock(), mirror)
  else if (mirror) enqueueOutbox(ctx.db, 'relay.edit', mirror.requestId, mirror, ctx.clock())
}

lawyersGroup.on('edited_message', async (ctx) => {
  const edited = ctx.editedMessage
  const relayed = relayByGroupMessage(ctx.db, ctx.chat.id, edited.message_id)
  if ((relayed && relayed.direction !== 'to_client') || !isLawyer(ctx)) return
  // An edit in the topic of (or in reply to a message about) a request whose person deleted their
  // data: the relays went with the data, so the correction cannot reach them. Say so, as for a new message.
  if (!relayed && !edited.text?.startsWith('/') && !messageFromSource(ctx.db, ctx.chat.id, edited.message_id)) {
    const request = requestFor(ctx)?.request
    if (request?.erasedAt) return ctx.reply(whyNot(ctx, request), { reply_parameters: { message_id: edited.message_id, allow_sending_without_reply: true } })
  }
  await mirrorEdit(ctx, edited, 'client')
})

const privateChat = composer.chatType('private')

/** The person's own request that a reply is about: a relayed message, or a bot message naming it. */
export function requestRepliedTo(ctx: BotContext): LegalRequest | undefined {
  const replyTo = ctx.message?.reply_to_message
  if (!replyTo) return undefined
  const relayed = relayByClientMessage(ctx.db, ctx.chat!.id, replyTo.message_id)
  const reference = namedReference(replyTo, ctx.me.id)
  const request = relayed ? findRequest(ctx.db, relayed.requestId) : reference ? findRequestByReference(ctx.db, reference) : undefined
  return request?.userId === ctx.from!.id ? request : undefined
}

/**
 * The person's message goes to the request, or they are told why not. `replied`: it was a reply to
 * a bot message about the request (otherwise a plain message, which may have been meant as search).
 */
export async function relayFromPerson(ctx: BotContext, request: LegalRequest, replied: boolean): Promise<unknown> {
  const message = ctx.message!
  if (request.status === 'withdrawn') return ctx.reply(ctx.t('requests:withdrawnNoRelay', { reference: request.reference }))
  const text = textOf(message)
  const media = hasMedia(message)
  if (!text && !media) return ctx.reply(ctx.t(message.voice ? 'conv.voice' : 'requests:cannotRelayKind'))
  if (text.length > MAX_DESCRIPTION_LENGTH) return ctx.reply(ctx.t('conv.tooLong', { max: MAX_DESCRIPTION_LENGTH, length: text.length }))
  const entities = entitiesOf(message)
  const stored = addClientMessage(ctx.db, request, text || '📎', ctx.clock(), {
    clientMessageId: message.message_id,
    media,
    ...(replied ? { clientReplyTo: message.reply_to_message!.message_id } : {}),
    ...(entities ? { entities } : {}),
  })
  ctx.logger.info({ handler: 'desk:relay-to-group', request_id: request.id, replied })
  // Plain text that was not a reply may have been a search question: one tap searches instead.
  const searchInstead = !replied && message.text ? new InlineKeyboard().text(ctx.t('requests:searchInstead'), `my:search:${stored.id}`) : undefined
  return ctx.reply(ctx.t('requests:written', { reference: request.reference }), searchInstead ? { reply_markup: searchInstead } : {})
}

/**
 * A reply about a request goes to it; so does any message while a request waits for the person
 * (its status says so, or its lawyer wrote last),
 * and a photo or document while one is open (papers have nowhere else to go in the bot).
 */
privateChat.on('message', async (ctx, next) => {
  if (ctx.message.text?.startsWith('/')) return next()
  const replied = requestRepliedTo(ctx)
  if (replied) return relayFromPerson(ctx, replied, true)
  // Every request below is an open one; most people who write have none, and one narrow look-up says so.
  if (!hasRequestIn(ctx.db, ctx.from.id, OPEN_STATUSES)) return next()
  // Waiting for the person, or the lawyer wrote last: plain text is most likely the answer.
  const waiting = latestRequestOf(ctx.db, ctx.from.id, ['waiting_for_client']) ?? requestAwaitingAnswer(ctx.db, ctx.from.id, OPEN_STATUSES)
  const open = ctx.message.photo || ctx.message.document ? latestRequestOf(ctx.db, ctx.from.id, OPEN_STATUSES) : undefined
  const request = waiting ?? open
  // A sticker or a location while a lawyer waits is not an answer: it goes on to the other handlers.
  if (!request || (!textOf(ctx.message) && !hasMedia(ctx.message))) return next()
  await relayFromPerson(ctx, request, false)
})

/** "It was a search question": the articles for the words the person sent (already with the lawyer). */
privateChat.callbackQuery(/^my:search:(\d{1,10})$/, async (ctx) => {
  const message = requestMessageById(ctx.db, Number(ctx.match[1]))
  const request = message ? findRequest(ctx.db, message.requestId) : undefined
  if (!message || request?.userId !== ctx.from.id) return ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
  await ctx.answerCallbackQuery()
  const results = ctx.content.search.search(message.text, ctx.locale, 3)
  const kb = new InlineKeyboard()
  for (const r of results) kb.text(`📖 ${r.title}`, `r:a:${r.id}`).row()
  kb.text(ctx.t('menu.rights'), 'r:home')
  await ctx.reply(ctx.t(results.length ? 'requests:searchResults' : 'rights:noResults', { words: clip(message.text, 60) }), { parse_mode: 'HTML', reply_markup: kb })
})

privateChat.on('edited_message', async (ctx) => {
  const relayed = relayByClientMessage(ctx.db, ctx.chat.id, ctx.editedMessage.message_id)
  if (relayed && relayed.direction !== 'from_client') return
  await mirrorEdit(ctx, ctx.editedMessage, 'group')
})

export { composer as deskRelayFeature }
