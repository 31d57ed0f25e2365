import { describe, expect, it } from 'vitest'
import { LANGUAGES, loadArticles } from '../../src/content/articles.js'
import { createI18n, LOCALES_DIR } from '../../src/i18n.js'
import { createTestBot, startAs } from '../helpers/bot-harness.js'

const articles = loadArticles(LOCALES_DIR)

/** Opens an article the way a person does: Know your rights → its category → the article. */
async function openArticle(h: Awaited<ReturnType<typeof createTestBot>>, category: string, id: string) {
  await h.driver.send('/rights')
  await h.driver.pressData(`r:c:${category}`)
  await h.driver.pressData(`r:a:${id}`)
}

describe('the footer under an article', () => {
  it('shows, next to "checked", the month the sources are as of (the family menu, in Kyrgyz)', async () => {
    const h = await createTestBot()
    await startAs(h, 7100, 'ky')
    await openArticle(h, 'family', 'benefit-family-support')
    expect(h.lastText()).toContain('📅 Текшерилген күнү: 23.11.2026 · булактар 2026-жылдын март айына карата')
  })

  it('sends families to the district office or the Social Fund, not the MVD, in all five languages', async () => {
    const i18n = await createI18n()
    for (const lang of LANGUAGES) {
      const t = i18n.getFixedT(lang)
      const family = articles.filter((a) => a.lang === lang && a.category === 'family' && a.status)
      expect(family.length, lang).toBeGreaterThanOrEqual(6)
      const h = await createTestBot()
      await startAs(h, 7200 + LANGUAGES.indexOf(lang), lang)
      for (const a of family) {
        await openArticle(h, 'family', a.id)
        expect(h.lastText(), `${lang}/${a.id}`).toContain(t(`rights:statusFamily.${a.status}`))
        expect(h.lastText(), `${lang}/${a.id}`).not.toContain(t(`rights:status.${a.status}`))
      }
      const registration = articles.find((a) => a.lang === lang && a.id === 'registration')!
      await openArticle(h, 'documents', 'registration')
      expect(h.lastText(), lang).toContain(t(`rights:status.${registration.status}`))
    }
  })
})
