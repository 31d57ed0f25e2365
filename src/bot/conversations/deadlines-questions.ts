/**
 * How /deadlines asks for a date: typed the way people type it (read by src/numbers/read-date.ts), with buttons for
 * "not yet" and "I don't know"; a date that could be meant two ways is read back with Yes / No, type again; an
 * impossible, future or too-old date gets a plain message and the question again. Button data can be old or forged:
 * a confirmed date is checked again before it is taken.
 */
import { InlineKeyboard } from 'grammy'
import type { DateAnswer, IsoDate } from '../../deadlines/types.js'
import { escapeHtml } from '../../i18n.js'
import { formatDay, readDate, type DateProblem } from '../../numbers/read-date.js'
import type { ConvContext } from '../context.js'
import { choiceKeyboard, type BotConversation, type Choice } from './prompts.js'
import { askButtons, markChosen, questionnaireReprompt, questionnaireT, type QuestionnaireT } from './questionnaire.js'

export type DeadlinesT = QuestionnaireT

export const deadlinesT = (ctx: ConvContext): DeadlinesT => questionnaireT(ctx, 'deadlines')

/** Buttons only (citizenship, Moscow yes/no), the last one "I don't know". */
export function askChoice<T extends string>(conversation: BotConversation, ctx: ConvContext, step: string, choices: Choice<T>[], columns = 1): Promise<T> {
  const t = deadlinesT(ctx)
  return askButtons(conversation, ctx, t, t(`q.${step}`), step, choices, columns)
}

export interface DateQuestion {
  step: string
  /** 'past': something that has happened; 'any': a date that may lie ahead (paid up to, valid until). */
  when: 'past' | 'any'
  /** Offer "not yet" (not registered yet, no patent yet, not done yet). */
  notYet?: boolean
  today: IsoDate
}

const PROBLEM_KEY: Record<DateProblem, string> = {
  unreadable: 'date.unreadable',
  impossible: 'date.impossible',
  future: 'date.future',
  'too-early': 'date.tooEarly',
  'too-late': 'date.tooLate',
}

/** Asks for one date; returns it, 'not-yet' or 'unknown'. */
export async function askDate(conversation: BotConversation, ctx: ConvContext, q: DateQuestion): Promise<DateAnswer> {
  const t = deadlinesT(ctx)
  const buttons: Choice<'not-yet' | 'unknown'>[] = [
    ...(q.notYet ? [{ value: 'not-yet' as const, label: t(`button.notYet.${q.step}`) }] : []),
    { value: 'unknown', label: t('button.dontKnow') },
  ]
  const kb = () => choiceKeyboard(q.step, buttons, 1)
  const question = `${t(`q.${q.step}`)}\n<i>${t('date.example')}</i>`
  await ctx.reply(question, { parse_mode: 'HTML', reply_markup: kb() })
  const confirmed = new RegExp(`^c:${q.step}:ok:(\\d{4}-\\d{2}-\\d{2})$`)
  for (;;) {
    const next = await conversation.wait()
    const data = next.callbackQuery?.data
    const button = buttons.find((b) => data === `c:${q.step}:${b.value}`)
    if (button) {
      await markChosen(next, question, button.label)
      return button.value
    }
    const ok = data ? confirmed.exec(data) : null
    if (ok) {
      // Checked again: the data may be forged, or the button old.
      const again = readDate(ok[1]!, { today: q.today, when: q.when })
      if (again.ok && again.date === ok[1]) {
        await markChosen(next, escapeHtml(next.callbackQuery?.message?.text ?? ''), formatDay(again.date))
        return { date: again.date }
      }
      await next.answerCallbackQuery({ text: next.t('conv.oldButton') }).catch(() => undefined)
      continue
    }
    if (data === `c:${q.step}:again`) {
      await next.answerCallbackQuery().catch(() => undefined)
      await next.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined)
      await next.reply(t('date.typeAgain'), { reply_markup: kb() })
      continue
    }
    const text = next.message?.text?.trim()
    if (!text || text.startsWith('/')) {
      if (await questionnaireReprompt(next, t, 'text')) await next.reply(question, { parse_mode: 'HTML', reply_markup: kb() })
      continue
    }
    const read = readDate(text.slice(0, 200), { today: q.today, when: q.when })
    if (!read.ok) {
      await next.reply(t(PROBLEM_KEY[read.problem], { today: formatDay(q.today) }), { reply_markup: kb() })
      continue
    }
    if (!read.confirm) {
      await next.reply(`➡️ ${formatDay(read.date)}`)
      return { date: read.date }
    }
    const confirm = new InlineKeyboard()
      .text(t('button.yes'), `c:${q.step}:ok:${read.date}`)
      .text(t('button.typeAgain'), `c:${q.step}:again`)
      .row()
      .text(t('button.dontKnow'), `c:${q.step}:unknown`)
    await next.reply(t('date.confirm', { date: formatDay(read.date) }), { reply_markup: confirm })
  }
}
