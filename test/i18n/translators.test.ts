import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/config.js'
import { createI18n, readLocaleResources } from '../../src/i18n.js'

describe('translators made once per language', () => {
  it('gives the same function for a language, with the texts plain i18next gives', async () => {
    const i18n = await createI18n()
    const plain = i18next.createInstance()
    await plain.init({ resources: readLocaleResources(), fallbackLng: 'ru', ns: ['common', 'centres'], defaultNS: 'common', initAsync: false })
    expect(i18n.getFixedT('ky')).toBe(i18n.getFixedT('ky'))
    for (const lang of LANGUAGES) {
      const t = i18n.getFixedT(lang)
      const reference = plain.getFixedT(lang)
      for (const key of ['menu.title', 'menu.rights', 'errors.generic', 'centres:menu.nearMe']) {
        expect(t(key)).toBe(reference(key))
        expect(t(key)).toBe(t(key))
        expect(i18n.getFixedT('ru')(key, { lng: lang })).toBe(reference(key))
      }
      expect(t('language.saved', { name: '<b>' })).toBe(i18n.t('language.saved', { lng: lang, name: '<b>' }))
    }
  })

  it('forgets remembered texts when resources are added', async () => {
    const i18n = await createI18n()
    const t = i18n.getFixedT('en')
    const before = t('menu.title')
    i18n.addResource('en', 'common', 'menu.title', 'Changed')
    expect(t('menu.title')).toBe('Changed')
    expect(before).not.toBe('Changed')
  })
})
