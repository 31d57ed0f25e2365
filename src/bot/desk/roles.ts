import { findLawyer } from '../../db/lawyers.js'
import type { BotContext } from '../context.js'

export function isAdmin(ctx: Pick<BotContext, 'config' | 'from'>): boolean {
  return ctx.from !== undefined && ctx.config.adminIds.includes(ctx.from.id)
}

/** Admins are lawyers too, so a new NGO can start with only ADMIN_IDS set. */
export function isLawyer(ctx: Pick<BotContext, 'config' | 'from' | 'db'>): boolean {
  return ctx.from !== undefined && (isAdmin(ctx) || findLawyer(ctx.db, ctx.from.id) !== undefined)
}

/** Lawyer actions happen only in the lawyers' group or in a private chat with the bot. */
function inDeskChat(ctx: BotContext): boolean {
  return ctx.chat?.type === 'private' || ctx.chat?.id === ctx.config.lawyersChatId
}

/** Tells the person why nothing happened: a popup on a button, a message on a command. */
async function refuse(ctx: BotContext, key: 'desk:onlyLawyers' | 'desk:onlyAdmins'): Promise<false> {
  ctx.logger.warn({ handler: 'desk:refused', user_id: ctx.from?.id, need: key })
  const text = ctx.t(key)
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true })
  else await ctx.reply(text)
  return false
}

/**
 * Checked on every lawyer action (not only when drawing the button): anyone else is told why and
 * nothing changes. Returns whether the action may go on.
 */
export async function requireLawyer(ctx: BotContext): Promise<boolean> {
  return (isLawyer(ctx) && inDeskChat(ctx)) || refuse(ctx, 'desk:onlyLawyers')
}

export async function requireAdmin(ctx: BotContext): Promise<boolean> {
  return (isAdmin(ctx) && inDeskChat(ctx)) || refuse(ctx, 'desk:onlyAdmins')
}
