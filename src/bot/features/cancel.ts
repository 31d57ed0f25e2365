import { Composer } from '../composer.js'
import type { BotContext } from '../context.js'
import { renderedOnce, type TFunction } from '../../i18n.js'
import { mainMenuKeyboard } from '../keyboards/main-menu.js'
import { relayFromPerson, requestRepliedTo } from './desk-relay.js'

/**
 * /cancel leaves whatever conversation is running, and a menu command or menu button pressed during
 * a conversation leaves it (saying which) before the command starts its own. Installed between
 * conversations() and the conversations themselves, because an active conversation takes every
 * other update of the chat, and conversations v2 refuses a second enter while one is open.
 */
const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')

/** Commands and buttons that open something new: they never belong to the open conversation. */
const MENU_COMMANDS = ['start', 'rights', 'centres', 'lawyer', 'benefits', 'deadlines', 'emergency', 'language', 'myrequests', 'deletemydata']
const MENU_BUTTONS = /^(menu:|my:write:|my:list$|b:lawyer$|dl:lawyer$|r:l:|ce:a:)/

/** The name of the open conversation as people read it ("the family benefits questions"). */
export function openConversationName(ctx: BotContext): string | undefined {
  const id = openConversationId(ctx)
  return id ? conversationName(ctx, id) : undefined
}

const openConversationId = (ctx: BotContext): string | undefined => Object.keys(ctx.conversation.active())[0]
const conversationName = (ctx: BotContext, id: string): string => textsOf(ctx.t, id).name

/**
 * The open conversation's name and the "left" message, per translator (one per language) and conversation
 * id: both are fixed texts (i18next with options is ~30 µs a call, and /start during the benefits
 * questions asked three times). Bounded by languages × conversation ids (src/i18n.ts renderedOnce).
 */
function textsOf(t: TFunction, id: string): { name: string; left: string } {
  return renderedOnce(t, `conv.names:${id}`, () => {
    const name = t(`conv.names.${id}`, { defaultValue: t('conv.names.other') })
    return Object.freeze({ name, left: t('conv.left', { what: name }) })
  })
}

privateChat.command('cancel', async (ctx) => {
  const active = openConversationName(ctx) !== undefined
  await ctx.conversation.exitAll()
  await ctx.reply(ctx.t(active ? 'conv.cancelled' : 'conv.nothingToCancel'), {
    reply_markup: mainMenuKeyboard(ctx.t),
  })
})

/** /help inside a conversation says what is open and how to leave; the conversation stays. */
privateChat.command('help', async (ctx, next) => {
  const open = openConversationName(ctx)
  if (!open) return next()
  await ctx.reply(ctx.t('conv.open', { what: open }))
})

privateChat.use((ctx, next) => {
  // Runs for every private update: with no conversation open there is nothing to do here.
  const open = openConversationId(ctx)
  return open ? leaveOrRelay(ctx, open, next) : next()
})

async function leaveOrRelay(ctx: BotContext, open: string, next: () => Promise<void>): Promise<void> {
  // The open conversation's name is translated only when said.
  // A reply to the lawyer (or to any bot message about a request) goes to the request even in the
  // middle of another conversation, which stays where it was.
  const aboutRequest = ctx.message && !ctx.message.text?.startsWith('/') ? requestRepliedTo(ctx) : undefined
  if (aboutRequest) return void (await relayFromPerson(ctx, aboutRequest, true))
  const command = ctx.message?.text?.match(/^\/([a-z]+)(@\w+)?(\s|$)/)?.[1]
  const menuEntry = (command && MENU_COMMANDS.includes(command)) || MENU_BUTTONS.test(ctx.callbackQuery?.data ?? '')
  if (menuEntry) {
    const { left } = textsOf(ctx.t, open)
    await ctx.conversation.exitAll()
    ctx.logger.info({ handler: 'conv:left-for-menu', command })
    await ctx.reply(left)
  }
  await next()
}

export { composer as cancelFeature }
