import { describe, expect, it } from 'vitest'
import { createI18n, renderedOnce } from '../../src/i18n.js'

describe('texts rendered once per translator', () => {
  it('renders once per translator and id, and again after translations change', async () => {
    const i18n = await createI18n()
    const en = i18n.getFixedT('en')
    const ru = i18n.getFixedT('ru')
    let renders = 0
    const saved = (t: typeof en) => renderedOnce(t, 'language.saved:en', () => (renders++, t('language.saved', { name: 'English' })))
    const first = saved(en)
    expect(saved(en)).toBe(first)
    expect(renders).toBe(1)
    // Another translator has its own texts.
    expect(saved(ru)).toBe(ru('language.saved', { name: 'English' }))
    expect(renders).toBe(2)
    i18n.addResource('en', 'common', 'language.saved', 'Now: {{name}}')
    expect(saved(en)).toBe('Now: English')
    expect(renders).toBe(3)
  })
})
