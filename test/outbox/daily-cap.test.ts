import { describe, expect, it } from 'vitest'
import { legalRequests } from '../../src/db/schema.js'
import { MAX_OPEN_REQUESTS_PER_DAY, openRequestsOverDailyCap } from '../../src/requests/daily-cap.js'
import { createTestBot, startAs } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const PERSON = 6300

describe('a daily cap on open requests per person', () => {
  it('counts only open requests of the last 24 hours', () => {
    const now = new Date('2026-11-25T12:00:00Z')
    const at = (hoursAgo: number, status = 'new') => ({ status, createdAt: new Date(now.getTime() - hoursAgo * 3600_000) })
    expect(openRequestsOverDailyCap([at(1), at(2), at(30)], now)).toEqual([])
    expect(openRequestsOverDailyCap([at(1), at(2), at(3, 'withdrawn')], now)).toEqual([])
    expect(openRequestsOverDailyCap([at(1), at(2), at(23)], now)).toHaveLength(3)
  })

  it('refuses a fourth open request in a day kindly, listing the ones the person has, and takes one again a day later', async () => {
    const h = await createTestBot()
    await startAs(h, PERSON, 'ru')
    for (let i = 0; i < MAX_OPEN_REQUESTS_PER_DAY; i++) await fileRequest(h, { phone: '+7 912 345 67 89', description: `Запрос ${i}` })
    expect(h.db.select().from(legalRequests).all()).toHaveLength(3)
    const mark = h.mark()
    await h.driver.send('/lawyer')
    expect(h.textsSince(mark, PERSON)).toEqual([h.t('ru', 'lawyer:dailyCap', { count: 3, references: 'JO-2026-00001, JO-2026-00002, JO-2026-00003' })])
    expect(h.db.select().from(legalRequests).all()).toHaveLength(3)
    h.advance(24 * 3600_000 + 1000)
    await fileRequest(h, { description: 'Новый день' })
    expect(h.db.select().from(legalRequests).all()).toHaveLength(4)
  })
})
