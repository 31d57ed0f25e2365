import { Composer } from 'grammy'
import type { BotContext } from '../context.js'
import { mainMenuKeyboard } from '../keyboards/main-menu.js'

/**
 * /cancel leaves whatever conversation is running. Installed between conversations() and the
 * conversations themselves, because an active conversation takes every other update of the chat.
 */
const composer = new Composer<BotContext>()

composer.chatType('private').command('cancel', async (ctx) => {
  const active = Object.keys(ctx.conversation.active()).length > 0
  await ctx.conversation.exitAll()
  await ctx.reply(ctx.t(active ? 'conv.cancelled' : 'conv.nothingToCancel'), {
    reply_markup: mainMenuKeyboard(ctx.t),
  })
})

export { composer as cancelFeature }
