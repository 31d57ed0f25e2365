import { InlineKeyboard } from 'grammy'
import { renderedOnce, type TFunction } from '../../i18n.js'
import type { BotContext } from '../context.js'

/** The sections of the main menu; each has a command of the same name. */
export const MENU_SECTIONS = ['rights', 'centres', 'lawyer', 'benefits', 'deadlines', 'emergency', 'language'] as const
export type MenuSection = (typeof MENU_SECTIONS)[number]

/** Built once per translator (one per language, src/i18n.ts); frozen, so a caller cannot change the shared one. */
export function mainMenuKeyboard(t: TFunction): InlineKeyboard {
  return renderedOnce(t, 'menu:main', () => {
    const kb = new InlineKeyboard()
    MENU_SECTIONS.forEach((section, i) => {
      kb.text(t(`menu.${section}`), `menu:${section}`)
      if (i % 2 === 1) kb.row()
    })
    return frozen(kb)
  })
}

/** The keyboard with its rows frozen: adding a button to a shared keyboard throws instead of showing up elsewhere. */
export function frozen(kb: InlineKeyboard): InlineKeyboard {
  for (const row of kb.inline_keyboard) Object.freeze(row)
  Object.freeze(kb.inline_keyboard)
  return kb
}

export async function sendMainMenu(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t('menu.title'), { parse_mode: 'HTML', reply_markup: mainMenuKeyboard(ctx.t) })
}
