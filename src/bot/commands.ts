import { CommandGroup } from '@grammyjs/commands'
import type { Api } from 'grammy'
import type { BotCommand } from 'grammy/types'
import type { i18n } from 'i18next'
import { LANGUAGES, type Language } from '../config.js'
import { renderedOnce } from '../i18n.js'
import { describeError } from '../logger.js'
import type { BotContext } from './context.js'

/** Commands shown in Telegram's menu; names stay Latin, descriptions follow the user's language. */
export const MENU_COMMANDS = ['start', 'rights', 'centres', 'lawyer', 'benefits', 'deadlines', 'news', 'emergency', 'myrequests', 'language', 'help', 'cancel', 'mydata', 'deletemydata'] as const

function commandGroup(i18n: i18n, fallback: Language): CommandGroup<BotContext> {
  const group = new CommandGroup<BotContext>()
  for (const name of MENU_COMMANDS) {
    const command = group.command(name, i18n.t(`commands.${name}`, { lng: fallback }))
    for (const lang of LANGUAGES) command.localize(lang, name, i18n.t(`commands.${name}`, { lng: lang }))
  }
  return group
}

/** One setMyCommands per language (Telegram shows the list matching the app's language). */
export async function setBotCommands(api: Api, i18n: i18n, fallback: Language): Promise<void> {
  await commandGroup(i18n, fallback).setCommands({ api })
}

/** The chosen language may differ from the app's: give this chat its own list. */
export async function setChatCommands(ctx: BotContext, language: Language): Promise<void> {
  // The language's own translator remembers these fixed texts (src/i18n.ts); i18n.t with { lng } would translate all 12 anew.
  const t = ctx.i18n.getFixedT(language)
  // Built once per language (frozen; rebuilt when translations change).
  const commands = renderedOnce(t, 'commands:chat', () => Object.freeze(MENU_COMMANDS.map((command) => Object.freeze({ command, description: t(`commands.${command}`) as string }))))
  await ctx.api.setMyCommands(commands as BotCommand[], { scope: { type: 'chat', chat_id: ctx.chatId! } }).catch((error: unknown) => {
    ctx.logger.warn({ err: describeError(error), handler: 'commands:chat' }, 'setMyCommands failed')
  })
}

/** The lawyers' commands, shown only in the lawyers' group, in the desk's language. */
export const DESK_COMMANDS = ['queue', 'case', 'stats', 'export', 'note', 'phrases', 'lawyers', 'orgs', 'intake'] as const

export async function setDeskCommands(api: Api, i18n: i18n, chatId: number, language: Language): Promise<void> {
  const commands = DESK_COMMANDS.map((command) => ({ command, description: i18n.t(`desk:commands.${command}`, { lng: language }) }))
  await api.setMyCommands(commands, { scope: { type: 'chat', chat_id: chatId } })
}
