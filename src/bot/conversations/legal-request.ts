import { randomUUID } from 'node:crypto'
import { InlineKeyboard, Keyboard } from 'grammy'
import { intakeState } from '../../db/desk.js'
import { enqueueOutbox, listRequestsOfUser, submitLegalRequest, type LegalRequestDraft } from '../../db/legal-requests.js'
import { markDelivered, scheduleRetry } from '../../db/outbox.js'
import { describeError } from '../../logger.js'
import { classifyFailure } from '../outbox/failures.js'
import { openRequestsOverDailyCap } from '../../requests/daily-cap.js'
import { escapeHtml } from '../../i18n.js'
import {
  MAX_ATTACHMENTS,
  MAX_DESCRIPTION_LENGTH,
  REQUEST_CITIES,
  REQUEST_TOPICS,
  URGENCIES,
  type RequestCity,
  type RequestTopic,
  type Urgency,
} from '../../requests/lifecycle.js'
import type { BotContext, ConvContext } from '../context.js'
import { askText, choose, reprompt, type BotConversation } from './prompts.js'
import type { Steps } from './stepwise.js'

export const LEGAL_REQUEST = 'legal-request'

/** Where the request was started from: an article or a search pre-fills the topic. */
export interface LegalRequestStart {
  topic?: RequestTopic
  articleId?: string
}

const EDITABLE_STEPS = ['forWhom', 'topic', 'urgency', 'city', 'description', 'attachments', 'contact'] as const
type Step = (typeof EDITABLE_STEPS)[number]

type Answers = Partial<Omit<LegalRequestDraft, 'attachments' | 'contactPhone' | 'safeToContact'>> & {
  attachments?: LegalRequestDraft['attachments']
  contact?: { phone?: string; safeToContact: boolean }
}

/**
 * The legal aid request, step by step. Nothing is stored in the request tables until Send; the
 * conversation's own state (kept in SQLite so a restart does not lose the person's place) is
 * dropped on Cancel. Stepwise (./stepwise.ts): each answer is one `steps.ask`, so that state stays small.
 */
export async function legalRequestConversation(conversation: BotConversation, ctx: ConvContext, steps: Steps, start: LegalRequestStart = {}) {
  const t = ctx.t
  // When the lawyers are full the person is told before starting; urgent requests are still taken.
  // A daily cap on open requests (src/requests/daily-cap.ts): the person is shown the ones they have.
  const overCap = await steps.once('overCap', () => conversation.external((outside) => openRequestsOverDailyCap(listRequestsOfUser(outside.db, ctx.from!.id), outside.clock()).map((r) => r.reference)))
  if (overCap.length > 0) {
    await ctx.reply(t('lawyer:dailyCap', { count: overCap.length, references: overCap.join(', ') }))
    return
  }
  // The draft id is this submission's own key, made once and replayed from the conversation's state
  // after a restart: a re-delivered Send finds the same request, and a new request never meets an
  // old one's key. (A conversation begun before draft ids existed keys by its Send update, as then.)
  const { draftId, ...intake } = await steps.once('intake', () =>
    conversation.external((outside) => ({ ...intakeState(outside.db), draftId: randomUUID() as string | undefined })),
  )
  await steps.once('pausedNotice', async () => {
    if (intake.paused) await ctx.reply(intake.message ? `${t('lawyer:intakePaused')}\n\n${escapeHtml(intake.message)}` : t('lawyer:intakePaused'), { parse_mode: 'HTML' })
  })
  const consent = await steps.ask('consent', () =>
    choose(conversation, ctx, 'consent', t('lawyer:consent'), [
      { value: 'yes', label: t('lawyer:consentYes') },
      { value: 'no', label: t('lawyer:consentNo') },
    ]),
  )
  if (consent === 'no') {
    await ctx.reply(t('lawyer:noConsent'))
    return
  }

  const answers: Answers = { ...(start.topic ? { topic: start.topic } : {}), ...(start.articleId ? { articleId: start.articleId } : {}) }
  const ask: Record<Step, () => Promise<void>> = {
    forWhom: async () => {
      answers.forWhom = await steps.ask('forWhom', () =>
        choose<'self' | 'family'>(conversation, ctx, 'for', t('lawyer:forWhom'), [
          { value: 'self', label: t('lawyer:forSelf') },
          { value: 'family', label: t('lawyer:forFamily') },
        ]),
      )
      answers.subjectName = answers.forWhom === 'family' ? await steps.ask('subjectName', () => askText(conversation, ctx, t('lawyer:subjectName'), 100)) : undefined
    },
    topic: async () => {
      answers.topic = await steps.ask('topic', () =>
        choose<RequestTopic>(conversation, ctx, 'topic', t('lawyer:topic'), REQUEST_TOPICS.map((v) => ({ value: v, label: t(`lawyer:topics.${v}`) })), 2),
      )
    },
    urgency: async () => {
      answers.urgency = await steps.ask('urgency', async () => {
        const urgency = await choose<Urgency>(conversation, ctx, 'urgency', t('lawyer:urgency'), URGENCIES.map((v) => ({ value: v, label: t(`lawyer:urgencies.${v}`) })))
        // Someone detained needs to know what to do now, before any more questions.
        if (urgency === 'detained') await ctx.reply(t('lawyer:detainedNow'), { parse_mode: 'HTML' })
        return urgency
      })
    },
    city: async () => {
      answers.city = await steps.ask('city', () =>
        choose<RequestCity>(conversation, ctx, 'city', t('lawyer:city'), REQUEST_CITIES.map((v) => ({ value: v, label: t(`lawyer:cities.${v}`) })), 2),
      )
    },
    description: async () => {
      answers.description = await steps.ask('description', () => askText(conversation, ctx, t('lawyer:description', { max: MAX_DESCRIPTION_LENGTH }), MAX_DESCRIPTION_LENGTH))
    },
    attachments: async () => {
      answers.attachments = await steps.ask('attachments', () => askAttachments(conversation, ctx))
    },
    contact: async () => {
      answers.contact = await steps.ask('contact', () => askContact(conversation, ctx))
    },
  }

  for (;;) {
    for (const step of EDITABLE_STEPS) {
      if (!isAnswered(answers, step)) await ask[step]()
      if (step === 'urgency' && intake.paused && answers.urgency === 'normal') {
        await ctx.reply(t('lawyer:intakePausedNotUrgent'))
        return
      }
    }
    const action = await steps.ask('summary', () =>
      choose(conversation, ctx, 'summary', summaryText(ctx, answers), [
        { value: 'send', label: t('lawyer:send') },
        { value: 'edit', label: t('lawyer:edit') },
        { value: 'cancel', label: t('lawyer:cancel') },
      ]),
    )
    if (action === 'cancel') {
      await ctx.reply(t('conv.cancelled'))
      return
    }
    if (action === 'send') break
    const step = await steps.ask('edit', () =>
      choose<Step>(conversation, ctx, 'edit', t('lawyer:editWhich'), EDITABLE_STEPS.map((s) => ({ value: s, label: t(`lawyer:steps.${s}`) })), 2),
    )
    await ask[step]()
  }

  const draft = toDraft(answers)
  const sourceUpdateId = draftId ? `draft:${draftId}` : String(ctx.update.update_id)
  const language = ctx.locale
  // The confirmation fits the urgency chosen; a request already stored is never announced as new.
  const newKey = draft.urgency === 'detained' ? 'lawyer:sentUrgent' : draft.urgency === 'deadline' ? 'lawyer:sentDeadline' : 'lawyer:sent'
  const result = await conversation.external((outside) => {
    const { request, created, confirmationId } = submitLegalRequest(outside.db, draft, {
      userId: outside.from!.id,
      chatId: outside.chat!.id,
      language,
      sourceUpdateId: `${outside.chat!.id}:${sourceUpdateId}`,
      now: outside.clock(),
      confirmation: { key: newKey, holdMs: CONFIRMATION_HOLD_MS },
    })
    outside.logger.info({ handler: 'legal-request:submitted', request_id: request.id, created })
    return { requestId: request.id, reference: request.reference, created, confirmationId }
  })
  const key = result.created ? newKey : 'lawyer:alreadySent'
  const text = t(key, { reference: result.reference })
  // Outside the replay: sent or queued exactly once, even if this update is handled again.
  await conversation.external((outside) => confirmOrQueue(outside, result.requestId, key, text, result.confirmationId))
}

/** How long the queued copy of the confirmation waits for the direct send to be marked done. */
const CONFIRMATION_HOLD_MS = 2 * 60_000

/**
 * The request is stored by now, so its reference must reach the person even when Telegram fails
 * at this moment (500, 429, network, timeout): the queued copy is then made due at once, and the
 * outbox retries it with back-off, in order with whatever else goes to this chat. If the process
 * dies mid-send, the copy falls due by itself after CONFIRMATION_HOLD_MS.
 */
async function confirmOrQueue(outside: BotContext, requestId: number, key: string, text: string, confirmationId: number | undefined): Promise<void> {
  try {
    await outside.reply(text, { parse_mode: 'HTML' })
    if (confirmationId !== undefined) markDelivered(outside.db, confirmationId, outside.clock())
  } catch (error) {
    const failure = classifyFailure(error, outside.config.lawyersChatId)
    outside.logger.warn({ handler: 'legal-request:confirm', request_id: requestId, failure, err: describeError(error).message }, 'confirmation not sent now')
    // A person who blocked the bot, or a refusal that would repeat, is not retried.
    if (failure !== 'transient') {
      if (confirmationId !== undefined) markDelivered(outside.db, confirmationId, outside.clock(), `not retried: ${failure}`)
    } else if (confirmationId !== undefined) scheduleRetry(outside.db, confirmationId, 0, outside.clock(), 'direct send failed')
    else enqueueOutbox(outside.db, 'request.confirmation', requestId, { clientChatId: outside.chat!.id, key }, outside.clock())
  }
}

function isAnswered(a: Answers, step: Step): boolean {
  switch (step) {
    case 'forWhom':
      return a.forWhom !== undefined
    case 'contact':
      return a.contact !== undefined
    default:
      return a[step] !== undefined
  }
}

/** Up to five photos or documents of papers; optional. */
async function askAttachments(conversation: BotConversation, ctx: ConvContext): Promise<LegalRequestDraft['attachments']> {
  const files: LegalRequestDraft['attachments'] = []
  const doneKeyboard = () => new InlineKeyboard().text(ctx.t(files.length ? 'lawyer:filesDone' : 'lawyer:filesSkip'), 'c:files:done')
  await ctx.reply(ctx.t('lawyer:files', { max: MAX_ATTACHMENTS }), { reply_markup: doneKeyboard() })
  while (files.length < MAX_ATTACHMENTS) {
    const next = await conversation.wait()
    const message = next.message
    if (next.callbackQuery?.data === 'c:files:done') {
      await next.answerCallbackQuery()
      break
    }
    const photo = message?.photo?.at(-1)
    if (photo) files.push({ kind: 'photo', fileId: photo.file_id })
    else if (message?.document) files.push({ kind: 'document', fileId: message.document.file_id, ...(message.document.file_name ? { fileName: message.document.file_name } : {}) })
    else {
      await reprompt(next, 'files')
      continue
    }
    if (files.length < MAX_ATTACHMENTS) await next.reply(ctx.t('lawyer:fileReceived', { count: files.length, max: MAX_ATTACHMENTS }), { reply_markup: doneKeyboard() })
    else await next.reply(ctx.t('lawyer:filesLimit', { max: MAX_ATTACHMENTS }))
  }
  return files
}

/** The phone is optional and only through Telegram's own share button (or typed); then, is it safe to call? */
async function askContact(conversation: BotConversation, ctx: ConvContext): Promise<{ phone?: string; safeToContact: boolean }> {
  const onlyChat = ctx.t('lawyer:onlyChat')
  const keyboard = new Keyboard().requestContact(ctx.t('lawyer:sharePhone')).row().text(onlyChat).resized().oneTime()
  await ctx.reply(ctx.t('lawyer:contact'), { reply_markup: keyboard })
  let phone: string | undefined
  for (;;) {
    const next = await conversation.wait()
    const text = next.message?.text?.trim()
    if (next.message?.contact) phone = next.message.contact.phone_number
    else if (text && text !== onlyChat && /^\+?[\d\s()-]{6,20}$/.test(text)) phone = text
    else if (text !== onlyChat) {
      await reprompt(next, 'buttons')
      await next.reply(ctx.t('lawyer:contact'), { reply_markup: keyboard })
      continue
    }
    await next.reply(ctx.t(phone ? 'lawyer:phoneSaved' : 'lawyer:chatOnly'), { reply_markup: { remove_keyboard: true } })
    break
  }
  const safe = await choose(conversation, ctx, 'safe', ctx.t('lawyer:safe'), [
    { value: 'yes', label: ctx.t('lawyer:safeYes') },
    { value: 'no', label: ctx.t('lawyer:safeNo') },
  ])
  return { ...(phone ? { phone } : {}), safeToContact: safe === 'yes' }
}

function toDraft(a: Answers): LegalRequestDraft {
  return {
    forWhom: a.forWhom!,
    ...(a.subjectName ? { subjectName: a.subjectName } : {}),
    topic: a.topic!,
    ...(a.articleId ? { articleId: a.articleId } : {}),
    urgency: a.urgency!,
    city: a.city!,
    description: a.description!,
    attachments: a.attachments ?? [],
    ...(a.contact?.phone ? { contactPhone: a.contact.phone } : {}),
    safeToContact: a.contact?.safeToContact ?? false,
  }
}

/** Everything the person entered, escaped, to check before sending. */
function summaryText(ctx: ConvContext, a: Answers): string {
  const t = ctx.t
  const line = (label: string, value: string) => `<b>${label}:</b> ${value}`
  return [
    `<b>${t('lawyer:summaryTitle')}</b>`,
    line(t('lawyer:steps.forWhom'), a.forWhom === 'family' ? `${t('lawyer:forFamily')} — ${escapeHtml(a.subjectName ?? '')}` : t('lawyer:forSelf')),
    line(t('lawyer:steps.topic'), t(`lawyer:topics.${a.topic}`)),
    line(t('lawyer:steps.urgency'), t(`lawyer:urgencies.${a.urgency}`)),
    line(t('lawyer:steps.city'), t(`lawyer:cities.${a.city}`)),
    line(t('lawyer:steps.description'), escapeHtml(a.description ?? '')),
    line(t('lawyer:steps.attachments'), String(a.attachments?.length ?? 0)),
    line(t('lawyer:steps.contact'), `${a.contact?.phone ? escapeHtml(a.contact.phone) : t('lawyer:onlyChat')} · ${t(a.contact?.safeToContact ? 'lawyer:safeYes' : 'lawyer:safeNo')}`),
  ].join('\n')
}
