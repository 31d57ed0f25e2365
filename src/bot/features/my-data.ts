import { Composer, InlineKeyboard } from 'grammy'
import { erasePerson } from '../../privacy/erase.js'
import type { BotContext } from '../context.js'

/**
 * /deletemydata. Installed before the conversations, like /cancel: a person in the middle of a
 * request must be able to delete everything, and a running conversation would take the command.
 */
const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')

privateChat.command('deletemydata', async (ctx) => {
  const kb = new InlineKeyboard().text(ctx.t('requests:deleteYes'), 'data:delete-yes').row().text(ctx.t('requests:deleteNo'), 'data:delete-no')
  await ctx.reply(ctx.t('requests:deleteConfirm'), { reply_markup: kb })
})

privateChat.callbackQuery(/^data:delete-(yes|no)$/, async (ctx) => {
  await ctx.answerCallbackQuery()
  if (ctx.match[1] === 'no') return ctx.editMessageText(ctx.t('requests:deleteKept'))
  const t = ctx.t
  await ctx.conversation.exitAll()
  const removed = erasePerson(ctx.db, ctx.from.id, ctx.clock())
  // The session row was deleted with the rest; do not write it back at the end of this update.
  ctx.session = null as never
  ctx.logger.info({ handler: 'privacy:delete-data', removed })
  await ctx.editMessageText(t('requests:deleted', { count: removed }))
})

export { composer as myDataFeature }
