import { describe, expect, it } from 'vitest'
import { legalRequests, outbox } from '../../src/db/schema.js'
import { ChatDriver } from '../../src/transport/chat-driver.js'
import { createTestBot, LAWYERS_CHAT_ID, startAs } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

/** Issue 12: off the happy path, as a new user and a lawyer would try it. */
const MIGRANT = 7100

describe('a request is keyed by its own submission (item 1)', () => {
  it('a second run whose update ids start again at 1 gets its own request and reference', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h, { description: 'Первый запрос' })
    expect(h.lastText(MIGRANT)).toContain('JO-2026-00001')
    // A new terminal chat on the same database: its update ids start at 1 again.
    await h.restart()
    const second = new ChatDriver(h.bot, h.telegram, { lawyersChatId: LAWYERS_CHAT_ID, userId: MIGRANT })
    const saved = h.driver
    ;(h as { driver: ChatDriver }).driver = second
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h, { description: 'Второй запрос' })
    ;(h as { driver: ChatDriver }).driver = saved
    expect(h.db.select().from(legalRequests).all().map((r) => r.description)).toEqual(['Первый запрос', 'Второй запрос'])
    expect(h.lastText(MIGRANT)).toContain('JO-2026-00002')
    expect(h.db.select().from(outbox).all().filter((e) => e.kind === 'request.created')).toHaveLength(2)
  })

  it('the terminal chat continues update ids from where it left off', async () => {
    const h = await createTestBot()
    const driver = new ChatDriver(h.bot, h.telegram, { lawyersChatId: LAWYERS_CHAT_ID, userId: MIGRANT, firstUpdateId: 500 })
    await driver.send('/start')
    expect(driver.lastUpdate?.update_id).toBe(500)
    expect(driver.nextUpdate).toBe(501)
  })
})

describe('a menu command during another conversation (item 2)', () => {
  it('/lawyer during the benefits questions leaves them, says so, and starts the request', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    await h.driver.send('/benefits')
    const mark = h.mark()
    await h.driver.send('/lawyer')
    const texts = h.textsSince(mark, MIGRANT)
    expect(texts.join('\n')).not.toContain(h.t('ru', 'errors.generic'))
    expect(texts[0]).toBe(h.t('ru', 'conv.left', { what: h.t('ru', 'conv.names.family-benefits') }))
    expect(texts.at(-1)).toContain(h.t('ru', 'lawyer:consent').split('\n')[0]!)
    await fileRequest(h, {}, { start: false })
    expect(h.db.select().from(legalRequests).all()).toHaveLength(1)
  })

  it('“Write to the lawyer” during the benefits questions opens the message to the lawyer', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h)
    await h.driver.send('/benefits')
    const mark = h.mark()
    await h.driver.pressCallback('my:write:1')
    expect(h.textsSince(mark, MIGRANT)).toEqual([h.t('ru', 'conv.left', { what: h.t('ru', 'conv.names.family-benefits') }), h.t('ru', 'requests:writePrompt')])
  })

  it('/benefits during the request leaves it (nothing saved) and starts the questions', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h, {}, { send: false })
    const mark = h.mark()
    await h.driver.send('/benefits')
    const texts = h.textsSince(mark, MIGRANT)
    expect(texts[0]).toBe(h.t('ru', 'conv.left', { what: h.t('ru', 'conv.names.legal-request') }))
    expect(texts.join('\n')).toContain(h.t('ru', 'benefits:question.intro'))
    expect(h.db.select().from(legalRequests).all()).toHaveLength(0)
  })

  it('/help during the benefits questions names what is open and keeps it open', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    await h.driver.send('/benefits')
    const mark = h.mark()
    await h.driver.send('/help')
    expect(h.textsSince(mark, MIGRANT)).toEqual([h.t('ru', 'conv.open', { what: h.t('ru', 'conv.names.family-benefits') })])
    await h.driver.pressData('c:childrenUnder16:no')
    expect(h.lastText(MIGRANT)).toBe(h.t('ru', 'benefits:question.baby'))
  })
})

describe('the confirmation fits the urgency chosen (item 12)', () => {
  it('a 7-day deadline is urgent but does not say “call 112”', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h, { urgency: 'deadline' })
    expect(h.lastText(MIGRANT)).toBe(h.t('ru', 'lawyer:sentDeadline', { reference: 'JO-2026-00001' }))
    expect(h.lastText(MIGRANT)).not.toContain('112')
  })

  it('detention still says “call 112”', async () => {
    const h = await createTestBot()
    await startAs(h, MIGRANT, 'ru')
    await fileRequest(h, { urgency: 'detained' })
    expect(h.lastText(MIGRANT)).toContain('112')
  })
})
