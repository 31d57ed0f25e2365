import { Composer } from '../composer.js'
import { LANGUAGES, type Language } from '../../config.js'
import { setUserLanguage } from '../../db/users.js'
import { renderedOnce } from '../../i18n.js'
import type { BotContext } from '../context.js'
import { LANGUAGE_NAMES, languageKeyboard } from '../keyboards/language.js'
import { sendMainMenu } from '../keyboards/main-menu.js'
import { setChatCommands } from '../commands.js'

const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')

/** The prompt is in all five languages, as the person may not read the one we guessed. */
export async function sendLanguageChoice(ctx: BotContext, selected: Language | undefined): Promise<void> {
  const t = ctx.t
  const prompt = renderedOnce(t, `language.prompt:${selected ?? ''}`, () => {
    const order = selected ? [selected, ...LANGUAGES.filter((l) => l !== selected)] : LANGUAGES
    return `🌐 ${order.map((lang) => t('language.prompt', { lng: lang })).join(' · ')}`
  })
  await ctx.reply(prompt, { reply_markup: languageKeyboard(selected) })
}

privateChat.command('language', (ctx) => sendLanguageChoice(ctx, ctx.locale))
privateChat.callbackQuery('menu:language', async (ctx) => {
  await ctx.answerCallbackQuery()
  await sendLanguageChoice(ctx, ctx.locale)
})

privateChat.callbackQuery(/^lang:(.+)$/, async (ctx) => {
  const chosen = ctx.match[1]
  // Button data can be forged: only our five languages are accepted.
  if (!(LANGUAGES as readonly string[]).includes(chosen ?? '')) {
    return ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton'), show_alert: true })
  }
  const language = chosen as Language
  setUserLanguage(ctx.db, ctx.from.id, language)
  ctx.locale = language
  ctx.t = ctx.i18n.getFixedT(language)
  ctx.logger.info({ handler: 'language:set', language })
  await ctx.answerCallbackQuery()
  const t = ctx.t
  await ctx.editMessageText(renderedOnce(t, `language.saved:${language}`, () => t('language.saved', { name: LANGUAGE_NAMES[language] })))
  await setChatCommands(ctx, language)
  await sendMainMenu(ctx)
})

export { composer as languageFeature }
