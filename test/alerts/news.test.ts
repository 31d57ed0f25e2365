import { describe, expect, it } from 'vitest'
import { alertFigures, findSubscription } from '../../src/db/alerts.js'
import { alertDeliveries, outbox } from '../../src/db/schema.js'
import { createTestBot, startAs } from '../helpers/bot-harness.js'
import { composeAlert, follow } from './helpers.js'

const ME = 4100

describe('/news for people', () => {
  it('offers news once ever, after the first useful answer; not in the middle of a conversation', async () => {
    const h = await createTestBot()
    await startAs(h, ME, 'uz')
    await h.driver.send('/rights')
    await h.driver.pressData('r:c:work')
    await h.driver.pressData('r:a:patent')
    // The offer is queued, but the person has started the benefits questions before it went: it waits.
    await h.driver.send('/benefits')
    await h.flush()
    const offers = () => h.textsSince(0, ME).filter((t) => t === h.t('uz', 'alerts:news.offer'))
    expect(offers()).toHaveLength(0)
    expect(findSubscription(h.db, ME)).toBeUndefined()
    await h.driver.send('/cancel')
    await h.driver.send('/emergency')
    await h.flush()
    expect(h.lastText(ME)).toBe(h.t('uz', 'alerts:news.offer'))
    await h.driver.send('/emergency')
    await h.driver.send('/centres')
    await h.driver.send('Moskva')
    await h.flush()
    expect(offers()).toHaveLength(1)
    await h.driver.pressData('n:home')
    expect(h.lastText()).toContain(h.t('uz', 'alerts:news.notFollowing'))
  })

  it('chooses topics, citizenship and city (or skips them), stops at any time; /mydata shows it and /deletemydata erases it', async () => {
    const h = await createTestBot()
    await follow(h, ME, 'ru', { citizenship: 'uz' })
    expect(h.lastText()).toContain('✅')
    expect(findSubscription(h.db, ME)).toMatchObject({ citizenship: 'uz', city: null, language: 'ru' })
    expect(findSubscription(h.db, ME)!.topics).toHaveLength(6)
    await h.driver.send('/mydata')
    expect(h.lastText()).toContain(h.t('ru', 'alerts:news.citizenshipIs', { value: h.t('ru', 'alerts:citizenship.uz') }))
    await h.driver.pressData('data:file')
    await h.driver.send('/news')
    await h.driver.pressData('n:stop')
    expect(h.lastText()).toBe(h.t('ru', 'alerts:news.stopped'))
    expect(findSubscription(h.db, ME)!.subscribedAt).toBeNull()
    await h.driver.send('/deletemydata')
    await h.driver.pressData('data:delete-yes')
    expect(findSubscription(h.db, ME)).toBeUndefined()
  })

  it('counts who opened the article and who stopped news from an alert; erasure keeps the counts without the person', async () => {
    const h = await createTestBot()
    await follow(h, ME, 'ky')
    await follow(h, ME + 1, 'ky')
    const id = await composeAlert(h, { texts: { ru: 'Новое о патенте', ky: 'Патент боюнча жаңылык', uz: undefined, tg: undefined, en: undefined }, article: 'patent' })
    await h.driver.pressData(`al:send:${id}`)
    await h.flush()
    h.driver.as(ME)
    await h.driver.pressData(`an:o:${id}:patent`)
    expect(h.lastText()).toContain(h.content().articles.get('patent', 'ky')!.title)
    await h.driver.pressData(`an:o:${id}:patent`)
    h.driver.as(ME + 1)
    await h.driver.pressData(`an:s:${id}`)
    expect(findSubscription(h.db, ME + 1)!.topics).toEqual([])
    expect(alertFigures(h.db, id)).toMatchObject({ recipients: 2, sent: 2, opened: 1, unsubscribed: 1 })
    h.driver.as(1)
    await h.driver.send('/alert')
    await h.driver.pressData('al:last')
    expect(h.lastText()).toMatch(/#1/)
    h.driver.as(ME)
    await h.driver.send('/deletemydata')
    await h.driver.pressData('data:delete-yes')
    expect(alertFigures(h.db, id)).toMatchObject({ recipients: 2, sent: 2, opened: 1, unsubscribed: 1 })
    expect(h.db.select().from(alertDeliveries).all().map((d) => d.userId)).not.toContain(ME)
    expect(h.db.select().from(outbox).all().filter((r) => JSON.parse(r.payload).userId === ME)).toEqual([])
  })
})
