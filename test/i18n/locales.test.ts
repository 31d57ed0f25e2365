import { describe, expect, it } from 'vitest'
import { createI18n, escapeHtml, languageFromTelegram, readLocaleResources } from '../../src/i18n.js'
import { findLocaleProblems } from '../../src/i18n-check.js'

describe('locale files', () => {
  it('have the same keys, no empty values and the same variables in all five languages', () => {
    expect(findLocaleProblems(readLocaleResources())).toEqual([])
  })

  it('the check catches a missing key, an empty value and a stray variable', () => {
    const resources = readLocaleResources()
    const broken = structuredClone(resources)
    delete (broken.tg.common as any).help
    ;(broken.uz.common as any).menu.title = ' '
    ;(broken.en.common as any).language.saved = 'Language: {{lang}}'
    expect(findLocaleProblems(broken)).toEqual(
      expect.arrayContaining(['tg: missing common:help.text', 'uz: empty common:menu.title', expect.stringMatching(/^common:language\.saved: interpolation differs/)]),
    )
  })

  it('allows different plural forms per language but not missing ones', () => {
    const base = { common: {} }
    const resources: any = { ky: structuredClone(base), ru: structuredClone(base), uz: structuredClone(base), tg: structuredClone(base), en: structuredClone(base) }
    for (const l of ['ky', 'uz', 'tg', 'en']) resources[l].common = { files_one: '{{count}} x', files_other: '{{count}} xs' }
    resources.ru.common = { files_one: '{{count}} файл', files_few: '{{count}} файла', files_many: '{{count}} файлов', files_other: '{{count}} файла' }
    expect(findLocaleProblems(resources)).toEqual([])
    delete resources.tg.common.files_one
    delete resources.tg.common.files_other
    expect(findLocaleProblems(resources)).toEqual(['tg: missing common:files'])
  })
})

describe('translation at run time', () => {
  it('uses Tajik one/other forms whatever the process locale (Node has no tg plural rules)', async () => {
    const i18n = await createI18n()
    i18n.addResources('tg', 'common', { test_one: '{{count}} файл (як)', test_other: '{{count}} файл (бисёр)' })
    i18n.addResources('ru', 'common', { test_one: '{{count}} файл', test_few: '{{count}} файла', test_many: '{{count}} файлов', test_other: '{{count}} файла' })
    expect(i18n.t('test', { lng: 'tg', count: 5 })).toBe('5 файл (бисёр)')
    expect(i18n.t('test', { lng: 'tg', count: 1 })).toBe('1 файл (як)')
    expect(i18n.t('test', { lng: 'ru', count: 5 })).toBe('5 файлов')
  })

  it('escapes interpolated text for Telegram HTML', async () => {
    const i18n = await createI18n()
    expect(i18n.t('help.text', { lng: 'en', org: '<b>x</b> & "y"' })).toContain('&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;')
    expect(escapeHtml('<a href="x">')).toBe('&lt;a href=&quot;x&quot;&gt;')
  })

  it('maps Telegram language codes to ours', () => {
    expect(languageFromTelegram('ru-RU')).toBe('ru')
    expect(languageFromTelegram('uz')).toBe('uz')
    expect(languageFromTelegram('de')).toBeUndefined()
    expect(languageFromTelegram(undefined)).toBeUndefined()
  })
})
