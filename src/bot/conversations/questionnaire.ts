/**
 * What the questionnaires (family benefits, /deadlines) share: their own namespace's texts, re-prompts that name the
 * questionnaire (a command or a voice message mid-way must not be told "you are filling in a request"), the chosen
 * answer marked under its question, and a buttons-only question whose last button is "I don't know".
 */
import { escapeHtml } from '../../i18n.js'
import type { ConvContext } from '../context.js'
import { choiceKeyboard, reprompt, type BotConversation, type Choice } from './prompts.js'
import { sendNow, type Prompt } from './stepwise.js'

/** A questionnaire's namespace, plain keys ("question.baby", "q.entry"). */
export type QuestionnaireT = (key: string, options?: Record<string, unknown>) => string

export const questionnaireT =
  (ctx: ConvContext, namespace: string): QuestionnaireT =>
  (key, options) =>
    ctx.t(`${namespace}:${key}`, options)

/** Says what is expected instead; true when the question should be asked again below. */
export async function questionnaireReprompt(next: ConvContext, t: QuestionnaireT, expected: 'buttons' | 'text'): Promise<boolean> {
  const m = next.message
  if (m?.text?.startsWith('/')) await next.reply(t('conv.command'))
  else if (m?.voice || m?.audio || m?.video_note) await next.reply(t('conv.voice'))
  else return (await reprompt(next, expected)) || m !== undefined
  return true
}

/** Marks the chosen answer under the question, so the chat reads as a record. */
export async function markChosen(next: ConvContext, question: string, label: string): Promise<void> {
  await next.answerCallbackQuery().catch(() => undefined)
  await next.editMessageText(`${question}\n\n➡️ <b>${escapeHtml(label)}</b>`, { parse_mode: 'HTML' }).catch(() => undefined)
}

/** Asks with buttons only and waits for one of them. */
export async function askButtons<T extends string>(
  conversation: BotConversation,
  ctx: ConvContext,
  t: QuestionnaireT,
  question: string,
  step: string,
  choices: Choice<T>[],
  columns: number,
  prompt: Prompt = sendNow,
): Promise<T> {
  const kb = () => choiceKeyboard(step, choices, columns)
  await prompt(() => ctx.reply(question, { parse_mode: 'HTML', reply_markup: kb() }))
  for (;;) {
    const next = await conversation.wait()
    const chosen = choices.find((c) => next.callbackQuery?.data === `c:${step}:${c.value}`)
    if (chosen) {
      await markChosen(next, question, chosen.label)
      return chosen.value
    }
    if (await questionnaireReprompt(next, t, 'buttons')) await next.reply(question, { parse_mode: 'HTML', reply_markup: kb() })
  }
}
