import { GrammyError, InlineKeyboard } from 'grammy'
import { recordRelay, relayByClientMessage, relayByGroupMessage, setRequestCard } from '../../db/desk.js'
import { setAttachmentCopy } from '../../privacy/erase.js'
import { findLawyer } from '../../db/lawyers.js'
import { findRequest, listOpenRequestsForConflicts, requestAttachmentsOf, requestMessageById, type LegalRequest } from '../../db/legal-requests.js'
import { saveOutboxProgress, saveRequestTopic, type OutboxRow } from '../../db/outbox.js'
import { findConflicts } from '../../desk/conflicts.js'
import type { TFunction } from '../../i18n.js'
import { CAPTION_LIMIT, clipToFit, fitCaption, fitMessages, TEXT_LIMIT } from './fit.js'
import { cardKeyboard, cardText, topicTitle } from '../desk/card.js'
import { deliverCentreReport } from './centre-report.js'
import { alertTargetChat, deliverAlertEvent, isAlertKind } from './alerts.js'
import { deliverErasure } from './erased.js'
import { deliverDeadlineReminder } from './deadline-reminder.js'
import type { DeadlineReminderPayload } from '../../db/deadlines.js'
import type { DeliveryContext, OutboxDependencies } from './types.js'

type Payload = Record<string, any>

/** The chat an event mostly writes to, for throttling and ordering. */
export function targetChat(deps: Pick<OutboxDependencies, 'config' | 'db'>, row: OutboxRow): number | undefined {
  if (isAlertKind(row.kind)) return alertTargetChat(deps, row)
  const toClient = ['lawyer.message', 'lawyer.phrase', 'request.status', 'request.confirmation', 'deadline.reminder'].includes(row.kind)
  if (!toClient) return deps.config.lawyersChatId
  const payload = JSON.parse(row.payload) as Payload
  return typeof payload.clientChatId === 'number' ? payload.clientChatId : undefined
}

const groupT = (c: DeliveryContext): TFunction => c.i18n.getFixedT(c.config.lawyersLanguage)
const clientT = (c: DeliveryContext, request: LegalRequest): TFunction => c.i18n.getFixedT(request.language)

export async function deliverOutboxEvent(c: DeliveryContext, row: OutboxRow): Promise<void> {
  const payload = JSON.parse(row.payload) as Payload
  if (row.kind === 'centre.report') return deliverCentreReport(c, payload)
  if (row.kind === 'deadline.reminder') return deliverDeadlineReminder(c, payload as DeadlineReminderPayload)
  if (isAlertKind(row.kind)) return deliverAlertEvent(c, row)
  const request = row.requestId ? findRequest(c.db, row.requestId) : undefined
  if (!request) return // deleted by its owner: nothing to deliver
  switch (row.kind) {
    case 'request.created':
      return ensureCard(c, request, row, payload)
    case 'card.refresh':
      return refreshCard(c, request)
    case 'request.status':
    case 'request.withdrawn':
      await refreshCard(c, request)
      return notifyStatus(c, request, payload)
    case 'request.message':
      return relayToGroup(c, request, row, payload)
    case 'lawyer.message':
      return relayToClient(c, request, row, payload)
    case 'lawyer.phrase':
      return sendPhrase(c, request, payload)
    case 'relay.edit':
      return mirrorEdit(c, request, payload)
    case 'request.confirmation':
      // "✅ Request sent, reference …", when Telegram failed as the person pressed Send.
      c.recordSend(request.chatId)
      await c.api.sendMessage(request.chatId, clientT(c, request)(payload.key, { reference: request.reference }), { parse_mode: 'HTML' })
      return
    case 'request.erased':
      return deliverErasure(c, request, row, payload, { refreshCard, postInThread })
    case 'reminder':
      await postInThread(c, request, `⏰ ${groupT(c)(`desk:reminder.${payload.urgent ? 'urgent' : 'normal'}`, { reference: request.reference, hours: payload.hours })}`)
      return
    default:
      throw new Error(`unknown outbox kind ${row.kind}`)
  }
}

function cardContent(c: DeliveryContext, request: LegalRequest) {
  const t = groupT(c)
  const lawyer = request.assignedLawyerId ? findLawyer(c.db, request.assignedLawyerId) : undefined
  const conflicts = findConflicts(request, listOpenRequestsForConflicts(c.db))
  const extras = { attachments: requestAttachmentsOf(c.db, request.id).length, conflicts, ...(request.assignedLawyerId ? { lawyerName: lawyer?.displayName ?? `#${request.assignedLawyerId}` } : {}) }
  return { text: cardText(request, extras, t), reply_markup: cardKeyboard(request, t) }
}

/** A topic per request where the group is a forum, else a card message; then the files. */
async function ensureCard(c: DeliveryContext, request: LegalRequest, row: OutboxRow, payload: Payload): Promise<void> {
  const chatId = c.config.lawyersChatId
  if (chatId === undefined) return
  let current = request
  if (!current.cardMessageId) current = await postCard(c, current)
  const files = requestAttachmentsOf(c.db, request.id)
  for (let i = payload.filesSent ?? 0; i < files.length; i++) {
    const file = files[i]!
    const copyId = await inRequestThread(c, current, (where) =>
      file.kind === 'photo' ? c.api.sendPhoto(chatId, file.fileId, { ...where, caption: request.reference }) : c.api.sendDocument(chatId, file.fileId, { ...where, caption: request.reference }),
    )
    // Remembered so the copy can be deleted if the person deletes their data.
    if (copyId) setAttachmentCopy(c.db, file.id, copyId)
    saveOutboxProgress(c.db, row.id, { ...payload, filesSent: i + 1 })
  }
}

async function postCard(c: DeliveryContext, request: LegalRequest): Promise<LegalRequest> {
  const chatId = c.config.lawyersChatId!
  // A topic made by an earlier attempt (killed before the card went out) is used, not made again.
  let threadId: number | null = request.groupThreadId
  if (threadId === null && (await c.isForum())) {
    const topic = await c.api.createForumTopic(chatId, topicTitle(request, groupT(c)))
    threadId = topic.message_thread_id
    saveRequestTopic(c.db, request.id, threadId)
  }
  const { text, reply_markup } = cardContent(c, request)
  c.recordSend(chatId)
  const card = await c.api.sendMessage(chatId, text, { parse_mode: 'HTML', reply_markup, ...(threadId ? { message_thread_id: threadId } : {}) })
  setRequestCard(c.db, request.id, { threadId, messageId: card.message_id })
  return { ...request, groupThreadId: threadId, cardMessageId: card.message_id }
}

const threadGone = (e: unknown) => e instanceof GrammyError && /thread not found|message to edit not found|TOPIC_DELETED|TOPIC_CLOSED/i.test(e.description)

/** Edits the card in place; if its topic or message was deleted by hand, makes a new one. */
async function refreshCard(c: DeliveryContext, request: LegalRequest): Promise<void> {
  const chatId = c.config.lawyersChatId
  if (chatId === undefined) return
  if (!request.cardMessageId) {
    await postCard(c, request)
    return
  }
  const { text, reply_markup } = cardContent(c, request)
  try {
    c.recordSend(chatId)
    await c.api.editMessageText(chatId, request.cardMessageId, text, { parse_mode: 'HTML', reply_markup })
  } catch (error) {
    if (error instanceof GrammyError && /not modified/i.test(error.description)) return
    if (!threadGone(error)) throw error
    await postCard(c, { ...request, groupThreadId: null, cardMessageId: null })
  }
}

type Where = { message_thread_id: number } | { reply_parameters: { message_id: number; allow_sending_without_reply: true } }

/** In the request's topic, or under its card where the group is not a forum. */
const whereOf = (r: LegalRequest): Where =>
  r.groupThreadId ? { message_thread_id: r.groupThreadId } : { reply_parameters: { message_id: r.cardMessageId!, allow_sending_without_reply: true } }

/** Sends into the request's topic (or under its card); recreates the topic if it was deleted by hand. */
async function inRequestThread(c: DeliveryContext, request: LegalRequest, send: (where: Where) => Promise<{ message_id: number }>): Promise<number | undefined> {
  const chatId = c.config.lawyersChatId
  if (chatId === undefined) return undefined
  const current = request.cardMessageId ? request : await postCard(c, request)
  try {
    c.recordSend(chatId)
    return (await send(whereOf(current))).message_id
  } catch (error) {
    if (!threadGone(error)) throw error
    const fresh = await postCard(c, { ...current, groupThreadId: null, cardMessageId: null })
    c.recordSend(chatId)
    return (await send(whereOf(fresh))).message_id
  }
}

function postInThread(c: DeliveryContext, request: LegalRequest, html: string, extra: Payload = {}): Promise<number | undefined> {
  return inRequestThread(c, request, (where) => c.api.sendMessage(c.config.lawyersChatId!, html, { parse_mode: 'HTML', ...where, ...extra }))
}

async function notifyStatus(c: DeliveryContext, request: LegalRequest, payload: Payload): Promise<void> {
  const t = clientT(c, request)
  if (payload.to === 'withdrawn') {
    await postInThread(c, request, groupT(c)('desk:withdrawnNotice', { reference: request.reference }))
    return
  }
  const key = payload.to === 'closed' && request.disposition === 'declined' ? 'declined' : payload.to
  const text = t(`desk:client.${key}`, { reference: request.reference, organisation: request.referredTo ?? '', reason: request.declineReason ?? '' })
  c.recordSend(request.chatId)
  await c.api.sendMessage(request.chatId, text, { parse_mode: 'HTML' })
}

/** The person's follow-up, in the request's topic: files are copied, text is posted with a header; long text is split. */
async function relayToGroup(c: DeliveryContext, request: LegalRequest, row: OutboxRow, payload: Payload): Promise<void> {
  const message = requestMessageById(c.db, payload.messageId)
  if (!message) return
  const header = `📨 <b>${request.reference}</b> · ${groupT(c)('desk:fromClient')}`
  const replyTo = payload.clientReplyTo ? relayByClientMessage(c.db, request.chatId, payload.clientReplyTo) : undefined
  const extra = replyTo ? { reply_parameters: { message_id: replyTo.groupMessageId, allow_sending_without_reply: true } } : {}
  const groupChat = c.config.lawyersChatId!
  let first: (where: Where) => Promise<{ message_id: number }>
  let rest: string[]
  if (payload.media && payload.clientMessageId) {
    const { caption, followUps } = fitCaption(header, message.text, payload.entities)
    first = (where) => c.api.copyMessage(groupChat, request.chatId, payload.clientMessageId, { caption, parse_mode: 'HTML', ...where, ...extra })
    rest = followUps
  } else {
    const [text, ...more] = fitMessages(header, message.text, payload.entities)
    first = (where) => c.api.sendMessage(groupChat, text!, { parse_mode: 'HTML', ...where, ...extra })
    rest = more
  }
  const groupMessageId = await sendInSteps(c, row, payload, request, first, rest)
  if (groupMessageId && payload.clientMessageId) {
    recordRelay(c.db, { requestId: request.id, direction: 'from_client', groupChatId: c.config.lawyersChatId!, groupMessageId, clientChatId: request.chatId, clientMessageId: payload.clientMessageId, createdAt: c.clock() })
  }
}

/**
 * The first message, then the rest of a split text in the same topic (or under the card); each
 * step is saved as soon as it is sent, so a retry or a restart goes on from the next step.
 */
async function sendInSteps(c: DeliveryContext, row: OutboxRow, payload: Payload, request: LegalRequest, first: (where: Where) => Promise<{ message_id: number }>, rest: string[]): Promise<number | undefined> {
  let firstId: number | undefined = payload.firstSentId
  if (firstId === undefined) {
    firstId = await inRequestThread(c, request, first)
    if (firstId === undefined) return undefined
    payload.firstSentId = firstId
    saveOutboxProgress(c.db, row.id, payload)
  }
  for (let i = payload.partsSent ?? 0; i < rest.length; i++) {
    const text = rest[i]!
    await inRequestThread(c, request, (where) => c.api.sendMessage(c.config.lawyersChatId!, text, { parse_mode: 'HTML', ...where }))
    payload.partsSent = i + 1
    saveOutboxProgress(c.db, row.id, payload)
  }
  return firstId
}

/** The lawyer's message to the person, marked as from the NGO's lawyer, with a way to answer; long text is split. */
async function relayToClient(c: DeliveryContext, request: LegalRequest, row: OutboxRow, payload: Payload): Promise<void> {
  const t = clientT(c, request)
  const lawyer = findLawyer(c.db, payload.lawyerId)
  const header = lawyer?.displayName ? t('desk:client.lawyerNamed', { name: lawyer.displayName, reference: request.reference }) : t('desk:client.lawyer', { reference: request.reference })
  const keyboard = new InlineKeyboard().text(t('requests:write'), `my:write:${request.id}`)
  const replyTo = payload.groupReplyTo ? findRelayForGroup(c, payload.groupReplyTo) : undefined
  const reply = replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}
  const fitted = payload.media ? fitCaption(header, payload.text ?? '', payload.entities) : (([first, ...followUps]) => ({ caption: first!, followUps }))(fitMessages(header, payload.text ?? '', payload.entities))
  let firstId: number | undefined = payload.firstSentId
  if (firstId === undefined) {
    c.recordSend(request.chatId)
    // The answer button goes on the last message, where the person finishes reading.
    const markup = fitted.followUps.length ? {} : { reply_markup: keyboard }
    const sent = payload.media
      ? await c.api.copyMessage(request.chatId, payload.groupChatId, payload.groupMessageId, { caption: fitted.caption, parse_mode: 'HTML', ...markup, ...reply })
      : await c.api.sendMessage(request.chatId, fitted.caption, { parse_mode: 'HTML', ...markup, ...reply })
    firstId = sent.message_id
    recordRelay(c.db, { requestId: request.id, direction: 'to_client', groupChatId: payload.groupChatId, groupMessageId: payload.groupMessageId, clientChatId: request.chatId, clientMessageId: firstId, createdAt: c.clock() })
    saveOutboxProgress(c.db, row.id, { ...payload, firstSentId: firstId })
  }
  const rest = fitted.followUps
  for (let i = payload.partsSent ?? 0; i < rest.length; i++) {
    c.recordSend(request.chatId)
    const last = i === rest.length - 1
    await c.api.sendMessage(request.chatId, rest[i]!, { parse_mode: 'HTML', reply_parameters: { message_id: firstId, allow_sending_without_reply: true }, ...(last ? { reply_markup: keyboard } : {}) })
    saveOutboxProgress(c.db, row.id, { ...payload, firstSentId: firstId, partsSent: i + 1 })
  }
  // 👌 on the lawyer's message says it reached the person; a group without reactions just goes without.
  await c.api.setMessageReaction(payload.groupChatId, payload.groupMessageId, [{ type: 'emoji', emoji: '👌' }]).catch(() => undefined)
}

function findRelayForGroup(c: DeliveryContext, groupMessageId: number): number | undefined {
  return relayByGroupMessage(c.db, c.config.lawyersChatId!, groupMessageId)?.clientMessageId
}

async function sendPhrase(c: DeliveryContext, request: LegalRequest, payload: Payload): Promise<void> {
  const t = clientT(c, request)
  const text = t(`desk:phrases.${payload.phrase}`, { date: payload.date ?? '' })
  c.recordSend(request.chatId)
  await c.api.sendMessage(request.chatId, `${t('desk:client.lawyer', { reference: request.reference })}\n${text}`, {
    parse_mode: 'HTML',
    reply_markup: new InlineKeyboard().text(t('requests:write'), `my:write:${request.id}`),
  })
  await postInThread(c, request, `✅ ${groupT(c)('desk:phraseSent', { phrase: groupT(c)(`desk:phrases.${payload.phrase}`, { date: payload.date ?? '' }) })}`)
}

/** Telegram reports edits: the mirrored copy on the other side is edited the same way. */
async function mirrorEdit(c: DeliveryContext, request: LegalRequest, payload: Payload): Promise<void> {
  const toClient = payload.side === 'client'
  const chatId = toClient ? request.chatId : c.config.lawyersChatId!
  const t = toClient ? clientT(c, request) : groupT(c)
  const header = toClient ? t('desk:client.lawyer', { reference: request.reference }) : `📨 <b>${request.reference}</b> · ${t('desk:fromClient')}`
  // An edit cannot be split: clipped to Telegram's limit (the full text is kept in the database).
  const text = clipToFit(header, payload.text ?? '', payload.entities, payload.media ? CAPTION_LIMIT : TEXT_LIMIT)
  c.recordSend(chatId)
  try {
    if (payload.media) await c.api.editMessageCaption(chatId, payload.messageId, { caption: text, parse_mode: 'HTML' })
    else await c.api.editMessageText(chatId, payload.messageId, text, { parse_mode: 'HTML' })
  } catch (error) {
    if (!(error instanceof GrammyError && /not modified|message to edit not found/i.test(error.description))) throw error
  }
}
