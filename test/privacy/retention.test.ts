import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { keyValue, legalRequests } from '../../src/db/schema.js'
import { applyRetention, DEFAULT_RETENTION } from '../../src/privacy/retention.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs, type TestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const DAY = 24 * 60 * 60 * 1000
const inFile = (h: TestBot, needle: string) => [h.dbPath, `${h.dbPath}-wal`].some((f) => existsSync(f) && readFileSync(f).includes(Buffer.from(needle)))

describe('retention', () => {
  it('erases a resolved request’s personal fields after RETENTION_DAYS, not before, and edits its card without a message', async () => {
    const h = await createTestBot({ now: new Date('2026-01-10T09:00:00Z') })
    const description = 'Бригадир Ташиев не отдаёт паспорт'
    await startAs(h, 7300, 'ru')
    await fileRequest(h, { description, phone: '+7 900 111 22 33' })
    await startAs(h, 7301, 'ru')
    await fileRequest(h, { description: 'Открытый запрос остаётся' })
    await h.flush()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressData('d:st:1')
    await h.driver.pressData('d:set:1:resolved')
    await h.driver.reply('-')
    await h.flush()
    const resolvedAt = h.db.select().from(legalRequests).get()!.lastActivityAt.getTime()

    expect(applyRetention(h.db, new Date(resolvedAt + 364 * DAY)).requests).toBe(0)
    expect(inFile(h, description)).toBe(true)

    const result = applyRetention(h.db, new Date(resolvedAt + 366 * DAY), { ...DEFAULT_RETENTION, requestDays: 365 })
    expect(result.requests).toBe(1)
    const [erased, open] = h.db.select().from(legalRequests).all()
    expect(erased).toMatchObject({ description: '', contactPhone: null, userId: 0, status: 'resolved', topic: 'work' })
    expect(open).toMatchObject({ userId: 7301, description: 'Открытый запрос остаётся' })
    expect(inFile(h, description)).toBe(false)
    expect(inFile(h, '+7 900 111 22 33')).toBe(false)
    const mark = h.mark()
    h.advance(400 * DAY)
    await h.flush()
    // (The open request gets its "untouched" reminder meanwhile: not about this one.)
    const group = h.since(mark).filter((c) => Number(c.payload.chat_id) === LAWYERS_CHAT_ID && !String(c.payload.text).includes('JO-2026-00002'))
    expect(group.map((c) => c.method)).toEqual(['editMessageText'])
    expect(group[0]!.payload.text).not.toContain('Ташиев')
    // Run again: nothing more to do.
    expect(applyRetention(h.db, new Date(resolvedAt + 400 * DAY)).requests).toBe(0)
  })

  it('drops an abandoned draft’s conversation state (answers and Telegram names) after 30 days, not before', async () => {
    const h = await createTestBot()
    await startAs(h, 7302, 'ru')
    await fileRequest(h, { forWhom: 'family', subjectName: 'Нургуль Черновикова', description: 'брошенный черновик' }, { send: false })
    const conv = () => h.db.select().from(keyValue).all().filter((r) => r.key === 'conv:7302')
    expect(conv()).toHaveLength(1)
    const base = conv()[0]!.updatedAt.getTime()
    expect(applyRetention(h.db, new Date(base + 29 * DAY)).drafts).toBe(0)
    expect(applyRetention(h.db, new Date(base + 31 * DAY)).drafts).toBe(1)
    expect(conv()).toEqual([])
    expect(inFile(h, 'Нургуль Черновикова')).toBe(false)
    expect(inFile(h, 'User 7302')).toBe(false)
  })

  it('forgets family benefits answers a day after they were last used', async () => {
    const h = await createTestBot()
    await startAs(h, 7303, 'ru')
    const d = h.driver
    await d.send('/benefits')
    // With no children under 16 the questions skip income (issue 13): the answers are saved at the end.
    for (const data of ['c:childrenUnder16:no', 'c:baby:no', 'c:highMountain:no', 'c:disabledChild:yes', 'c:disabledAdult:no', 'c:pregnantWoman:employed', 'c:elderWithoutPension:no', 'c:motherHeroine:no', 'c:socialPassport:no']) {
      await d.pressData(data)
    }
    const session = () => JSON.parse(h.db.select().from(keyValue).all().find((r) => r.key === 'session:7303')!.value)
    expect(session().familyAnswers).toMatchObject({ disabledChild: 'yes', pregnantWoman: 'employed' })
    const at = h.db.select().from(keyValue).all().find((r) => r.key === 'session:7303')!.updatedAt.getTime()
    expect(applyRetention(h.db, new Date(at + DAY / 2)).benefitAnswers).toBe(0)
    expect(applyRetention(h.db, new Date(at + DAY + 1)).benefitAnswers).toBe(1)
    expect(session().familyAnswers).toBeUndefined()
    h.advance(2 * DAY)
    await d.pressCallback('b:summary')
    expect(h.telegram.calls.at(-1)).toMatchObject({ method: 'answerCallbackQuery', payload: { text: h.t('ru', 'errors.staleButton') } })
  })
})
