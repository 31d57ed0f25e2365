import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/config.js'
import { setBotCommands, setDeskCommands } from '../../src/bot/commands.js'
import { buttonsOf } from '../../src/transport/chat-driver.js'
import { createTestBot, LAWYERS_CHAT_ID, startAs } from '../helpers/bot-harness.js'

describe('first contact', () => {
  it('asks for the language in all five, in a fixed order, pre-selecting Telegram’s language', async () => {
    const h = await createTestBot()
    h.driver.languageCode = 'ru-RU'
    await h.driver.send('/start')
    const labels = h.driver.buttons().map((b) => b.label)
    expect(labels).toEqual(['Кыргызча', '✅ Русский', 'Oʻzbekcha', 'Тоҷикӣ', 'English'])
    expect(h.lastText()).toMatch(/^🌐 Выберите язык · Тилди тандаңыз/)
  })

  it('shows no pre-selection for a language we do not have', async () => {
    const h = await createTestBot()
    h.driver.languageCode = 'de'
    await h.driver.send('/start')
    expect(h.driver.buttons().some((b) => b.label.startsWith('✅'))).toBe(false)
  })

  it.each(LANGUAGES)('after choosing %s shows the main menu and help in that language', async (lang) => {
    const h = await createTestBot()
    await startAs(h, 2000, lang)
    expect(h.textsSince(0)).toContain(h.t(lang, 'menu.title'))
    const menu = h.driver.buttons().map((b) => b.label)
    expect(menu).toEqual(['rights', 'centres', 'lawyer', 'benefits', 'deadlines', 'emergency', 'language'].map((s) => h.t(lang, `menu.${s}`)))
    await h.driver.send('/help')
    expect(h.lastText()).toBe(h.t(lang, 'help.text', { org: 'Test NGO' }))
  })

  it('remembers the language across a restart and greets a returning user with the menu', async () => {
    const h = await createTestBot()
    await startAs(h, 2001, 'tg')
    await h.restart()
    const mark = h.mark()
    await h.driver.send('/start')
    expect(h.textsSince(mark)).toEqual([h.t('tg', 'menu.title')])
  })

  it('changes the language with /language and sets this chat’s command list in it', async () => {
    const h = await createTestBot()
    await startAs(h, 2002, 'ru')
    await h.driver.send('/language')
    expect(h.driver.buttons().find((b) => b.label.startsWith('✅'))?.label).toBe('✅ Русский')
    const mark = h.mark()
    await h.driver.press('English')
    const calls = h.since(mark)
    expect(h.textsSince(mark)).toEqual(['Language: English ✅', h.t('en', 'menu.title')])
    const commands = calls.find((c) => c.method === 'setMyCommands')
    expect(commands?.payload.scope).toEqual({ type: 'chat', chat_id: 2002 })
    expect(commands?.payload.commands.find((c: any) => c.command === 'lawyer').description).toBe('Ask a lawyer')
  })

  it('ignores forged language data and keeps the current language', async () => {
    const h = await createTestBot()
    await startAs(h, 2003, 'ky')
    const mark = h.mark()
    await h.driver.pressCallback('lang:de')
    const answer = h.since(mark).find((c) => c.method === 'answerCallbackQuery')
    expect(answer?.payload.text).toBe(h.t('ky', 'errors.staleButton'))
    await h.driver.send('/help')
    expect(h.lastText()).toBe(h.t('ky', 'help.text', { org: 'Test NGO' }))
  })
})

describe('commands in Telegram’s menu', () => {
  it('registers one localized list per language plus a default', async () => {
    const h = await createTestBot()
    await setBotCommands(h.bot.api, h.i18n, 'ky')
    const calls = h.telegram.calls.filter((c) => c.method === 'setMyCommands')
    const byLanguage = new Map(calls.map((c) => [c.payload.language_code ?? 'default', c.payload.commands]))
    expect([...byLanguage.keys()].sort()).toEqual(['default', 'en', 'ky', 'ru', 'tg', 'uz'])
    expect(byLanguage.get('uz').find((c: any) => c.command === 'help').description).toBe('Bot nima qila oladi')
    expect(byLanguage.get('default').find((c: any) => c.command === 'help').description).toBe('Бот эмне кылат')
  })
})

describe('the lawyers’ command menu', () => {
  it('lists the desk commands for the lawyers’ group only, in the desk language', async () => {
    const h = await createTestBot()
    await setDeskCommands(h.bot.api, h.i18n, LAWYERS_CHAT_ID, 'ru')
    const call = h.telegram.calls.at(-1)!
    expect(call.payload.scope).toEqual({ type: 'chat', chat_id: LAWYERS_CHAT_ID })
    expect(call.payload.commands.map((c: any) => c.command)).toEqual(['queue', 'case', 'stats', 'export', 'note', 'phrases', 'lawyers', 'orgs', 'intake'])
    expect(call.payload.commands[0].description).toBe('Очередь открытых запросов')
  })
})

describe('bad input and failures', () => {
  it('answers a sticker with a request for text, in the user’s language', async () => {
    const h = await createTestBot()
    await startAs(h, 2004, 'uz')
    await h.driver.sendSticker()
    expect(h.lastText()).toBe(h.t('uz', 'errors.textOnly'))
  })

  it('apologises in the user’s language when a handler fails', async () => {
    const h = await createTestBot()
    await startAs(h, 2005, 'ru')
    h.telegram.failNext('sendMessage', 'server-error')
    const mark = h.mark()
    await h.driver.send('/help')
    expect(h.textsSince(mark)).toEqual([h.t('ru', 'errors.generic')])
  })

  it('answers a stale or unknown button without changing anything', async () => {
    const h = await createTestBot()
    await startAs(h, 2006, 'en')
    const mark = h.mark()
    await h.driver.pressCallback('no-such-button:42')
    expect(h.since(mark).map((c) => c.method)).toEqual(['answerCallbackQuery'])
  })

  it('stays silent in groups other than the lawyers’ group', async () => {
    const h = await createTestBot()
    const mark = h.mark()
    await h.bot.handleUpdate({
      update_id: 999,
      message: { message_id: 1, date: 0, chat: { id: -555, type: 'group', title: 'x' }, from: { id: 7, is_bot: false, first_name: 'x' }, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
    })
    expect(h.since(mark)).toEqual([])
  })

  it('marks every menu entry as a button with callback data under 64 bytes', async () => {
    const h = await createTestBot()
    await startAs(h, 2007, 'tg')
    const menu = h.telegram.calls.filter((c) => c.payload.reply_markup).flatMap((c) => buttonsOf({ replyMarkup: c.payload.reply_markup }))
    for (const b of menu) expect(Buffer.byteLength(b.callbackData ?? '')).toBeLessThanOrEqual(64)
  })
})

describe('flood protection', () => {
  it('answers a flood from one person once with "too fast" and ignores the rest of the minute', async () => {
    const h = await createTestBot()
    await startAs(h, 2100, 'ru')
    for (let i = 0; i < 70; i++) await h.driver.send('/help')
    const texts = h.textsSince(0)
    expect(texts.filter((t) => t === h.t('ru', 'errors.tooFast'))).toHaveLength(1)
    expect(texts.filter((t) => t.startsWith('Жолдош — бесплатный'))).toHaveLength(58)
    h.driver.as(2101)
    await h.driver.send('/help')
    expect(h.lastText(2101)).not.toBe(h.t('ru', 'errors.tooFast'))
  })
})
