import { GrammyError, type InlineKeyboard } from 'grammy'
import type { BotContext } from './context.js'

/**
 * Shows a view in place when reached by a button (one message, not a flood), as a new message
 * otherwise. Pressing the same button twice is "message is not modified": nothing to do.
 */
export async function showView(ctx: BotContext, view: { text: string; keyboard: InlineKeyboard }, options: { newMessage?: boolean } = {}): Promise<void> {
  const other = { parse_mode: 'HTML' as const, reply_markup: view.keyboard, link_preview_options: { is_disabled: true } }
  try {
    if (ctx.callbackQuery?.message && !options.newMessage) await ctx.editMessageText(view.text, other)
    else await ctx.reply(view.text, other)
  } catch (error) {
    if (!(error instanceof GrammyError && /message is not modified/i.test(error.description))) throw error
  }
}
