import { InlineKeyboard } from 'grammy'
import { findDeadlineDates, saveDeadlineDates } from '../../db/deadlines.js'
import { computeDeadlines, todayInRussia } from '../../deadlines/compute.js'
import type { Citizenship, DateAnswer, IsoDate, MigrantDates } from '../../deadlines/types.js'
import type { BotContext, ConvContext } from '../context.js'
import { answerKeyboard, renderDeadlines } from './deadlines-answer.js'
import { askChoice, askDate, deadlinesT } from './deadlines-questions.js'
import type { BotConversation } from './prompts.js'

export const DEADLINES = 'deadlines'

/**
 * The /deadlines questions: citizenship, entry, Moscow or not, registration (when, until when), the patent
 * (UZ/TJ: issued, paid up to) or the contract's end (KG), the medical exam and fingerprinting. Every question has
 * "I don't know"; a question that does not apply is not asked. The answers are saved (with the reminders planned)
 * in one transaction at the end, so a half-answered list saves nothing.
 */
export async function deadlinesConversation(conversation: BotConversation, ctx: ConvContext) {
  const t = deadlinesT(ctx)
  const today: IsoDate = await conversation.external((outside) => todayInRussia(outside.clock()))
  const dontKnow = { value: 'unknown' as const, label: t('button.dontKnow') }

  await ctx.reply(t('q.intro'), { parse_mode: 'HTML' })
  const citizenship = await askChoice<Citizenship | 'unknown'>(conversation, ctx, 'citizenship', [
    { value: 'KG', label: t('button.KG') },
    { value: 'UZ', label: t('button.UZ') },
    { value: 'TJ', label: t('button.TJ') },
    { value: 'unknown', label: t('button.otherCountry') },
  ])
  if (citizenship === 'unknown') {
    await ctx.reply(t('q.citizenshipOther'), { parse_mode: 'HTML', reply_markup: new InlineKeyboard().text(t('button.lawyer'), 'dl:lawyer') })
    return
  }
  const date = (step: string, when: 'past' | 'any', notYet = false) => askDate(conversation, ctx, { step, when, notYet, today })

  const entry = await date('entry', 'past')
  const moscow = await askChoice(conversation, ctx, 'moscow', [{ value: 'yes', label: t('button.yes') }, { value: 'no', label: t('button.no') }, dontKnow], 2)
  const registered = await date('registered', 'past', true)
  const registeredUntil: DateAnswer = typeof registered === 'object' ? await date('registeredUntil', 'any') : 'unknown'
  const patentCountry = citizenship !== 'KG'
  const patentIssued: DateAnswer = patentCountry ? await date('patentIssued', 'past', true) : 'unknown'
  const patentPaidUntil: DateAnswer = typeof patentIssued === 'object' ? await date('patentPaidUntil', 'any') : 'unknown'
  const contractEnds: DateAnswer = patentCountry ? 'unknown' : await date('contractEnds', 'any')
  const medicalExam = await date('medicalExam', 'past', true)
  const fingerprinting = await date('fingerprinting', 'past', true)

  const answers: MigrantDates = {
    citizenship,
    entry,
    ...(moscow === 'unknown' ? {} : { moscowRegion: moscow === 'yes' }),
    registered,
    registeredUntil,
    patentIssued,
    patentPaidUntil,
    contractEnds,
    medicalExam,
    fingerprinting,
  }
  const settings = await conversation.external((outside) => {
    saveDeadlineDates(outside.db, outside.from!.id, outside.chat!.id, answers, outside.clock())
    const saved = findDeadlineDates(outside.db, outside.from!.id)
    return { on: saved?.remindersOn ?? false, offsets: saved?.offsets ?? [] }
  })
  const titles = await conversation.external((outside) => {
    const report = computeDeadlines(answers, today)
    return Object.fromEntries(report.deadlines.map((d) => [d.articleId, outside.content.articles.get(d.articleId, outside.locale)?.title ?? '']))
  })
  await sendDeadlineList(ctx, answers, today, settings.on, (id) => titles[id] || undefined)
  if (settings.on && settings.offsets.length > 0) await ctx.reply(t('answer.remindersSet', { days: settings.offsets.join(', ') }))
}

/** The list (one or more messages, the buttons under the last). Used by the conversation and by /deadlines. */
export async function sendDeadlineList(ctx: BotContext | ConvContext, answers: MigrantDates, today: IsoDate, remindersOn: boolean, articleTitle: (id: string) => string | undefined): Promise<void> {
  const report = computeDeadlines(answers, today)
  const messages = renderDeadlines(report, ctx.t, today)
  for (const [i, text] of messages.entries()) {
    const last = i === messages.length - 1
    await ctx.reply(text, { parse_mode: 'HTML', ...(last ? { reply_markup: answerKeyboard(report, ctx.t, articleTitle, remindersOn) } : {}) })
  }
}
