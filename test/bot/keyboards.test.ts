import { describe, expect, it } from 'vitest'
import { languageKeyboard } from '../../src/bot/keyboards/language.js'
import { mainMenuKeyboard } from '../../src/bot/keyboards/main-menu.js'
import { createI18n } from '../../src/i18n.js'

describe('keyboards built once', () => {
  it('gives the same main menu for a language, with the texts of that language, rebuilt when translations change', async () => {
    const i18n = await createI18n()
    const en = mainMenuKeyboard(i18n.getFixedT('en'))
    expect(mainMenuKeyboard(i18n.getFixedT('en'))).toBe(en)
    expect(en.inline_keyboard[0]![0]).toMatchObject({ text: i18n.t('menu.rights', { lng: 'en' }), callback_data: 'menu:rights' })
    expect(mainMenuKeyboard(i18n.getFixedT('ky')).inline_keyboard[0]![0]!.text).toBe(i18n.t('menu.rights', { lng: 'ky' }))
    i18n.addResource('en', 'common', 'menu.rights', 'Changed')
    expect(mainMenuKeyboard(i18n.getFixedT('en')).inline_keyboard[0]![0]!.text).toBe('Changed')
  })

  it('cannot be changed by a caller (a shared keyboard would show the change to everyone)', async () => {
    const i18n = await createI18n()
    const menu = mainMenuKeyboard(i18n.getFixedT('ru'))
    expect(() => menu.row().text('extra', 'x')).toThrow()
    expect(() => languageKeyboard('ru').text('extra', 'x')).toThrow()
    expect(languageKeyboard('ru').inline_keyboard.flat().map((b) => b.text)[1]).toBe('✅ Русский')
  })
})
