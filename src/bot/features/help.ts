import { Composer } from '../composer.js'
import type { BotContext } from '../context.js'
import { mainMenuKeyboard } from '../keyboards/main-menu.js'

const composer = new Composer<BotContext>()

composer.chatType('private').command('help', async (ctx) => {
  await ctx.reply(ctx.t('help.text', { org: ctx.config.orgName }), {
    parse_mode: 'HTML',
    reply_markup: mainMenuKeyboard(ctx.t),
  })
})

export { composer as helpFeature }
