import { describe, expect, it } from 'vitest'
import { draftAlertsForChangedArticles } from '../../src/bot/features/alerts-drafts.js'
import { findAlert } from '../../src/db/alerts.js'
import { parseArticle } from '../../src/content/articles.js'
import { createTestBot, LAWYERS_CHAT_ID } from '../helpers/bot-harness.js'
import { addFollowers, alertsReceived } from './helpers.js'

const NOW = new Date('2026-11-25T09:00:00Z')

describe('an article changed with a `changed` note', () => {
  it('gives the admins a draft for the subscribers of its topic, never sent by itself; preview and send reach only that topic', async () => {
    const h = await createTestBot()
    const workers = addFollowers(h, 2, 8000)
    addFollowers(h, 1, 8100).forEach((id) => h.db.$client.prepare(`update news_subscriptions set topics = '["family"]' where user_id = ?`).run(id))
    const deps = { db: h.db, i18n: h.i18n, config: h.config, content: h.content() }
    const articles = h.content().articles.all
    expect(draftAlertsForChangedArticles(deps, articles, NOW)).toEqual([]) // the first start only remembers
    expect(draftAlertsForChangedArticles(deps, articles, NOW)).toEqual([]) // nothing changed
    // A text edit without a note is remembered, not announced.
    const edited = articles.map((a) => (a.id === 'housing' ? { ...a, body: `${a.body}\n\nX` } : a))
    expect(draftAlertsForChangedArticles(deps, edited, NOW)).toEqual([])
    const ru = articles.find((a) => a.id === 'patent' && a.lang === 'ru')!
    const changed = parseArticle(`---\ntitle: ${JSON.stringify(ru.title)}\ncategory: work\nkeywords: [патент]\nsources: [${JSON.stringify(ru.sources[0])}]\nchecked: ${ru.checked}\nchanged: "С 2027 года новый экзамен <для патента>"\n---\n${ru.body}\n\nНовое.`, 'x.md', 'patent', 'ru')
    const next = edited.map((a) => (a === ru ? changed : a))
    const [id] = draftAlertsForChangedArticles(deps, next, NOW)
    expect(draftAlertsForChangedArticles(deps, next, NOW)).toEqual([])
    expect(findAlert(h.db, id!)).toMatchObject({ status: 'composing', articleId: 'patent', audience: { topics: ['work'] } })
    expect(await h.flush()).toBe(0)
    expect(alertsReceived(h).size).toBe(0)
    expect(h.lastText(LAWYERS_CHAT_ID)).toContain(`#${id}`)
    h.driver.as(1, 'group')
    await h.driver.pressData(`al:p:${id}`)
    expect(h.htmlSince(0, LAWYERS_CHAT_ID).some((t) => t.includes('&lt;для патента&gt;'))).toBe(true)
    await h.driver.pressData(`al:send:${id}`)
    await h.flush()
    expect([...alertsReceived(h).keys()].sort()).toEqual(workers)
  })
})
