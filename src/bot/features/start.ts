import { Composer } from '../composer.js'
import { heldUser } from '../../db/users.js'
import { languageFromTelegram } from '../../i18n.js'
import type { BotContext } from '../context.js'
import { sendMainMenu } from '../keyboards/main-menu.js'
import { sendLanguageChoice } from './language.js'

const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')

// A returning user goes straight to the menu; a new one chooses a language first.
privateChat.command(['start', 'menu'], async (ctx) => {
  ctx.logger.info({ handler: 'start' })
  if (heldUser(ctx.db, ctx.from.id)?.language) return sendMainMenu(ctx)
  await sendLanguageChoice(ctx, languageFromTelegram(ctx.from.language_code))
})

privateChat.callbackQuery('menu:main', async (ctx) => {
  await ctx.answerCallbackQuery()
  await sendMainMenu(ctx)
})

export { composer as startFeature }
