/**
 * How the family benefits conversation asks: buttons with "I don't know", numbers read by src/numbers and read back
 * with Yes / No when they could be meant two ways, and re-prompts that name the benefits questions (a command or a
 * voice message mid-way must not be told "you are filling in a request").
 */
import { InlineKeyboard } from 'grammy'
import { formatSom } from '../../benefits/render-assessment.js'
import { escapeHtml } from '../../i18n.js'
import { readAgeList, readWholeNumber, type NumberAnswer } from '../../numbers/read-number.js'
import type { ConvContext } from '../context.js'
import { choiceKeyboard, type BotConversation, type Choice } from './prompts.js'
import { askButtons, markChosen, questionnaireReprompt, questionnaireT, type QuestionnaireT } from './questionnaire.js'
import { sendNow, type Prompt } from './stepwise.js'

/** The benefits namespace, plain keys ("question.baby"). */
export type BenefitsT = QuestionnaireT

export const benefitsT = (ctx: ConvContext): BenefitsT => questionnaireT(ctx, 'benefits')

/** Asks with buttons (the last one "I don't know") and waits for one of them. */
export function askChoice<T extends string>(conversation: BotConversation, ctx: ConvContext, step: string, choices: Choice<T>[], columns = 2, prompt: Prompt = sendNow): Promise<T> {
  const t = benefitsT(ctx)
  return askButtons(conversation, ctx, t, t(`question.${step}`), step, choices, columns, prompt)
}

export interface NumberQuestion {
  step: string
  min: number
  max: number
  /** Som a month: read back as "12 000 som a month?", other currencies refused. */
  money?: boolean
  example: string
  /** Buttons besides "I don't know" (e.g. "Older than a year"). */
  extra?: Choice<string>[]
  /** A further check on a readable value; returns the message to send when it fails. */
  check?: (value: number) => string | undefined
}

function problemText(t: BenefitsT, q: NumberQuestion, a: Extract<NumberAnswer, { ok: false }>): string {
  const range = { min: formatSom(q.min), max: formatSom(q.max) }
  switch (a.problem) {
    case 'range':
      return t('number.range', { low: formatSom(a.low ?? 0), high: formatSom(a.high ?? 0) })
    case 'negative':
      return t('number.negative', range)
    case 'too-small':
    case 'too-big':
      return q.step === 'babyAgeMonths' ? t('number.babyMonths') : t('number.outOfRange', range)
    case 'currency':
      return t('number.currency')
    case 'not-whole':
      return t('number.notWhole', { example: q.example })
    case 'unreadable':
      return t('number.unreadable', { example: q.example })
    case 'several':
      return t('number.several', { example: q.example })
    default:
      return t('number.none', { example: q.example })
  }
}

/**
 * Asks for a whole number. Plain digits are taken as they are; "12 тыс", "5k", "1.500" are read back with
 * Yes / No, type again; ranges, negatives, other currencies and impossible values are refused with what is
 * expected. Returns the number, 'unknown', or the value of an extra button.
 */
export async function askNumber(conversation: BotConversation, ctx: ConvContext, q: NumberQuestion, prompt: Prompt = sendNow): Promise<number | string> {
  const t = benefitsT(ctx)
  const dontKnow = t('button.dontKnow')
  const buttons = [...(q.extra ?? []), { value: 'unknown', label: dontKnow }]
  const kb = () => choiceKeyboard(q.step, buttons, 1)
  const question = t(`question.${q.step}`)
  await prompt(() => ctx.reply(question, { parse_mode: 'HTML', reply_markup: kb() }))
  const confirmed = new RegExp(`^c:${q.step}:ok:(\\d{1,9})$`)
  for (;;) {
    const next = await conversation.wait()
    const data = next.callbackQuery?.data
    const button = buttons.find((b) => data === `c:${q.step}:${b.value}`)
    if (button) {
      await next.answerCallbackQuery()
      await next.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined)
      await next.reply(`➡️ ${button.label}`)
      return button.value
    }
    const ok = data ? confirmed.exec(data) : null
    if (ok) {
      // Button data can be forged or old: the value must still pass the question's checks.
      const value = Number(ok[1])
      if (value >= q.min && value <= q.max && !q.check?.(value)) {
        await markChosen(next, escapeHtml(next.callbackQuery?.message?.text ?? ''), formatSom(value))
        return value
      }
      await next.answerCallbackQuery({ text: next.t('conv.oldButton') })
      continue
    }
    if (data === `c:${q.step}:again`) {
      await next.answerCallbackQuery()
      await next.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined)
      await next.reply(t('number.typeAgain'), { reply_markup: kb() })
      continue
    }
    const text = next.message?.text?.trim()
    if (!text || text.startsWith('/')) {
      if (await questionnaireReprompt(next, t, 'text')) await next.reply(question, { parse_mode: 'HTML', reply_markup: kb() })
      continue
    }
    const answer = readWholeNumber(text.slice(0, 200), { min: q.min, max: q.max, money: q.money === true })
    if (!answer.ok) {
      await next.reply(problemText(t, q, answer), { reply_markup: kb() })
      continue
    }
    const failed = q.check?.(answer.value)
    if (failed) {
      await next.reply(failed, { reply_markup: kb() })
      continue
    }
    if (!answer.confirm) return answer.value
    const shown = formatSom(answer.value)
    const confirm = new InlineKeyboard()
      .text(t('button.confirmYes'), `c:${q.step}:ok:${answer.value}`)
      .text(t('button.typeAgain'), `c:${q.step}:again`)
      .row()
      .text(dontKnow, `c:${q.step}:unknown`)
    await next.reply(t(q.money ? 'number.confirmMoney' : 'number.confirm', { value: shown }), { reply_markup: confirm })
  }
}

export interface Ages {
  /** Ages under 16, as typed. */
  kept: number[]
  /** Ages 16 and 17: not children under 16, but children (orphans and disabled children count to 18). */
  leftOut: number[]
}

/** Children's ages as a list ("2 7 12 15 16"): 0–17, those under 16 kept, the others named as left out. */
export async function askAges(conversation: BotConversation, ctx: ConvContext, prompt: Prompt = sendNow): Promise<Ages | 'unknown'> {
  const t = benefitsT(ctx)
  const dontKnow = t('button.dontKnow')
  const kb = () => choiceKeyboard('childAges', [{ value: 'unknown', label: dontKnow }], 1)
  const question = t('question.childAges')
  await prompt(() => ctx.reply(question, { reply_markup: kb() }))
  for (;;) {
    const next = await conversation.wait()
    if (next.callbackQuery?.data === 'c:childAges:unknown') {
      await next.answerCallbackQuery()
      await next.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined)
      await next.reply(`➡️ ${dontKnow}`)
      return 'unknown'
    }
    const text = next.message?.text?.trim()
    if (!text || text.startsWith('/')) {
      if (await questionnaireReprompt(next, t, 'text')) await next.reply(question, { reply_markup: kb() })
      continue
    }
    const read = readAgeList(text.slice(0, 200), { max: 17, keepBelow: 16 })
    if (!read.ok) {
      await next.reply(t('ages.problem'), { reply_markup: kb() })
      continue
    }
    if (read.leftOut.length > 0) {
      const ages = read.leftOut.join(', ')
      await next.reply(read.kept.length > 0 ? t('ages.leftOut', { kept: read.kept.join(', '), ages }) : t('ages.noneUnder16', { ages }))
    }
    return { kept: read.kept, leftOut: read.leftOut }
  }
}
