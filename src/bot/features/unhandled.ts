import { Composer } from '../composer.js'
import type { BotContext } from '../context.js'
import { mainMenuKeyboard } from '../keyboards/main-menu.js'

/** Must be installed last: whatever no feature took gets a helpful answer instead of silence. */
const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')

privateChat.on('message:text', async (ctx) => {
  await ctx.reply(ctx.t('unhandled.text'), { reply_markup: mainMenuKeyboard(ctx.t) })
})

privateChat.on('message', async (ctx) => {
  await ctx.reply(ctx.t('errors.textOnly'), { reply_markup: mainMenuKeyboard(ctx.t) })
})

// Old, unknown or forged button data.
composer.on('callback_query', async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
})

export { composer as unhandledFeature }
