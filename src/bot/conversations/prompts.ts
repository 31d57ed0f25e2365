import type { Conversation } from '@grammyjs/conversations'
import { InlineKeyboard } from 'grammy'
import { escapeHtml } from '../../i18n.js'
import type { BotContext, ConvContext } from '../context.js'

export type BotConversation = Conversation<BotContext, ConvContext>

export interface Choice<T extends string> {
  value: T
  label: string
}

/** One button per choice, `columns` to a row; the data is `c:<step>:<value>`, which the waits match. */
export function choiceKeyboard(step: string, choices: Choice<string>[], columns: number): InlineKeyboard {
  const kb = new InlineKeyboard()
  choices.forEach((c, i) => {
    kb.text(c.label, `c:${step}:${c.value}`)
    if ((i + 1) % columns === 0) kb.row()
  })
  return kb
}

/**
 * Asks with inline buttons and waits for one of them. Anything else (text, a sticker, a voice
 * message, a command, an old button) gets a clear re-prompt; the chosen answer replaces the buttons
 * so the chat reads as a record.
 */
export async function choose<T extends string>(
  conversation: BotConversation,
  ctx: ConvContext,
  step: string,
  question: string,
  choices: Choice<T>[],
  columns = 1,
): Promise<T> {
  await ctx.reply(question, { parse_mode: 'HTML', reply_markup: choiceKeyboard(step, choices, columns) })
  for (;;) {
    const next = await conversation.wait()
    const data = next.callbackQuery?.data
    const chosen = choices.find((c) => data === `c:${step}:${c.value}`)
    if (chosen) {
      // A Telegram hiccup on the button's spinner must not lose the answer (e.g. Send of a request).
      await next.answerCallbackQuery().catch(() => undefined)
      await next.editMessageText(`${question}\n\n➡️ <b>${escapeHtml(chosen.label)}</b>`, { parse_mode: 'HTML' }).catch(() => undefined)
      return chosen.value
    }
    if (await reprompt(next, 'buttons')) {
      await next.reply(question, { parse_mode: 'HTML', reply_markup: choiceKeyboard(step, choices, columns) })
    }
  }
}

/** Waits for a text of at most `max` characters; says how long it was when it is too long. */
export async function askText(conversation: BotConversation, ctx: ConvContext, question: string, max: number): Promise<string> {
  await ctx.reply(question, { parse_mode: 'HTML' })
  for (;;) {
    const next = await conversation.wait()
    const text = next.message?.text?.trim()
    if (text && !text.startsWith('/')) {
      if (text.length <= max) return text
      await next.reply(next.t('conv.tooLong', { max, length: text.length }))
      continue
    }
    await reprompt(next, 'text')
  }
}

/**
 * Tells the person what is expected instead of what they sent. Returns whether the question
 * should be asked again (not for a stale button: a popup is enough there).
 */
export async function reprompt(ctx: ConvContext, expected: 'buttons' | 'text' | 'files'): Promise<boolean> {
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: ctx.t('conv.oldButton') })
    return false
  }
  const message = ctx.message ?? ctx.editedMessage
  if (!message) return false
  if (message.voice || message.audio || message.video_note) {
    await ctx.reply(ctx.t('conv.voice'))
  } else if (expected !== 'files' && (message.photo || message.document)) {
    await ctx.reply(ctx.t('conv.noFileHere'))
  } else if (message.text?.startsWith('/')) {
    await ctx.reply(ctx.t('conv.command'))
  } else {
    await ctx.reply(ctx.t(expected === 'buttons' ? 'conv.useButtons' : expected === 'files' ? 'conv.sendFiles' : 'conv.needText'))
  }
  return expected === 'buttons'
}
