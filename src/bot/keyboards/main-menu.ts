import { InlineKeyboard } from 'grammy'
import type { TFunction } from '../../i18n.js'
import type { BotContext } from '../context.js'

/** The sections of the main menu; each has a command of the same name. */
export const MENU_SECTIONS = ['rights', 'centres', 'lawyer', 'benefits', 'deadlines', 'emergency', 'language'] as const
export type MenuSection = (typeof MENU_SECTIONS)[number]

export function mainMenuKeyboard(t: TFunction): InlineKeyboard {
  const kb = new InlineKeyboard()
  MENU_SECTIONS.forEach((section, i) => {
    kb.text(t(`menu.${section}`), `menu:${section}`)
    if (i % 2 === 1) kb.row()
  })
  return kb
}

export async function sendMainMenu(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t('menu.title'), { parse_mode: 'HTML', reply_markup: mainMenuKeyboard(ctx.t) })
}
