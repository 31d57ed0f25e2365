import { createRequire } from 'node:module'
import type { TelegramServer as Emulator } from 'telegram-test-api/lib/telegramServer.js'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort, freshDatabase, startBot, TOKEN, waitFor, type BotProcess } from './process.js'

// CommonJS with `module.exports = TelegramServer`: its types describe an ES default export instead.
const TelegramServer = createRequire(import.meta.url)('telegram-test-api') as typeof Emulator

/**
 * `npm start` with a token, long polling an independent Bot API emulator (telegram-test-api, which
 * has no setMyCommands: the bot must serve anyway) on loopback; a person plays the chat through it.
 */
describe('the real process, long polling telegram-test-api', () => {
  let server: Emulator | undefined
  let bot: BotProcess | undefined
  afterEach(async () => {
    await bot?.stop().catch(() => undefined)
    await server?.stop()
  })

  it('answers /start, saves the language and shows the menu, then stops cleanly on SIGTERM', { timeout: 60_000 }, async () => {
    const port = await freePort()
    server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 120 })
    await server.start()
    const client = server.getClient(TOKEN, { userId: 42, chatId: 42, firstName: 'Aibek', timeout: 20_000 })
    bot = startBot({ BOT_TOKEN: TOKEN, BOT_API_ROOT: `http://127.0.0.1:${port}`, DATABASE_PATH: freshDatabase(), LOG_LEVEL: 'info' })
    const botMessages = async () => ((await client.getUpdatesHistory()) as any[]).filter((u) => u.message?.chat_id !== undefined).map((u) => ({ id: u.messageId as number, ...u.message }))

    await client.sendCommand(client.makeCommand('/start', { from: { language_code: 'ru' } }))
    const choice = await waitFor(async () => (await botMessages()).find((m) => /Choose your language/.test(m.text)), 30_000, 'the language choice')
    const buttons = (choice.reply_markup.inline_keyboard as { text: string; callback_data: string }[][]).flat()
    expect(buttons.map((b) => b.text)).toEqual(['Кыргызча', '✅ Русский', 'Oʻzbekcha', 'Тоҷикӣ', 'English'])

    await client.sendCallback(client.makeCallbackQuery(buttons[1]!.callback_data, { message: { message_id: choice.id } }))
    const menu = await waitFor(async () => (await botMessages()).find((m) => m.reply_markup && /Спросить юриста/.test(JSON.stringify(m.reply_markup))), 20_000, 'the menu')
    expect(menu.chat_id).toBe(42)
    // The emulator has no setMyCommands: a warning, and the bot served all the same.
    expect(bot.stderr()).toMatch(/setMyCommands failed; the bot serves without it/)

    expect(await bot.stop()).toBe(0)
    expect(bot.stderr()).toMatch(/polling stopped/)
  })
})
