import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/config.js'
import { createTestBot, startAs, type TestBot } from '../helpers/bot-harness.js'

/** A family with a newborn (1 month), children of 4 and 7, five people, 4 000 som a month. */
async function newbornLowIncome(h: TestBot): Promise<number> {
  const d = h.driver
  await d.send('/benefits')
  await d.pressData('c:childrenUnder16:yes')
  await d.send('0 4 7')
  await d.pressData('c:baby:born')
  await d.send('1')
  await d.pressData('c:babiesAtOnce:1')
  await d.pressData('c:disabledChild:no')
  await d.pressData('c:disabledAdult:no')
  await d.pressData('c:pregnantWoman:no')
  await d.pressData('c:elderWithoutPension:no')
  await d.send('5')
  await d.send('4 000 сом')
  await d.send('3000')
  const beforeAnswer = h.mark()
  await d.pressData('c:highMountain:no')
  return beforeAnswer
}

describe('family benefits checker', () => {
  it.each(LANGUAGES)('tells a low-income family with a newborn about «Балага сүйүнчү» and «Үй-бүлөгө көмөк» in %s', async (lang) => {
    const h = await createTestBot()
    await startAs(h, 7000, lang)
    const answer = h.textsSince(await newbornLowIncome(h)).join('\n')
    const b = (key: string, o?: Record<string, unknown>) => h.t(lang, `benefits:${key}`, o)
    for (const name of ['benefit.family-support.name', 'benefit.birth-grant.name']) expect(answer).toContain(b(name))
    expect(answer).toMatch(/1\s200/)
    expect(answer).toMatch(/4\s000/)
    expect(answer).toContain('2026')
    expect(answer).toContain(b('document.passport'))
    expect(answer).toContain(b('document.children-birth'))
    expect(answer).toContain(b('where.con'))
    expect(answer).toContain(b('note.ask-lawyer'))
    expect(h.driver.buttons().map((x) => x.callbackData)).toEqual(expect.arrayContaining(['r:a:benefit-family-support', 'r:a:benefit-birth-grant', 'b:summary', 'b:lawyer']))
  })

  it('accepts “I don’t know” everywhere and says what to check instead of guessing', async () => {
    const h = await createTestBot()
    await startAs(h, 7001, 'ky')
    const d = h.driver
    await d.send('/benefits')
    for (const step of ['childrenUnder16', 'baby', 'disabledChild', 'disabledAdult', 'pregnantWoman', 'elderWithoutPension', 'householdSize', 'monthlyIncome', 'highMountain']) {
      await d.pressData(`c:${step}:unknown`)
    }
    const answer = h.textsSince(0).join('\n')
    expect(answer).toContain(h.t('ky', 'benefits:result.maybe'))
    expect(answer).not.toContain(h.t('ky', 'benefits:result.likely'))
  })

  it('re-prompts on a sticker, a word instead of a number and impossible ages, keeping what was answered', async () => {
    const h = await createTestBot()
    await startAs(h, 7002, 'ru')
    const d = h.driver
    await d.send('/benefits')
    await d.sendSticker()
    expect(h.textsSince(h.mark() - 2)).toEqual([h.t('ru', 'conv.useButtons'), h.t('ru', 'benefits:question.childrenUnder16')])
    await d.pressData('c:childrenUnder16:yes')
    await d.send('пятеро')
    expect(h.lastText()).toBe(h.t('ru', 'benefits:question.notANumber'))
    await d.send('3 25')
    expect(h.lastText()).toBe(h.t('ru', 'benefits:question.notANumber'))
    await d.send('3 12')
    expect(h.lastText()).toBe(h.t('ru', 'benefits:question.baby'))
  })

  it('gives a plain-text summary the family can forward', async () => {
    const h = await createTestBot()
    await startAs(h, 7003, 'ru')
    await newbornLowIncome(h)
    await h.driver.pressData('b:summary')
    const summary = h.telegram.calls.at(-1)!
    expect(summary.payload.parse_mode).toBeUndefined()
    expect(summary.payload.text).not.toMatch(/<\/?b>|&quot;|&amp;/)
    expect(summary.payload.text).toContain('«Балага сүйүнчү»')
    expect(summary.payload.text.startsWith(h.t('ru', 'benefits:summary.title', { date: '2026-11-23' }).slice(0, 20))).toBe(true)
  })

  it('continues after a restart where the person was, and /cancel leaves it', async () => {
    const h = await createTestBot()
    await startAs(h, 7004, 'tg')
    await h.driver.send('/benefits')
    await h.driver.pressData('c:childrenUnder16:no')
    await h.restart()
    await h.driver.pressData('c:baby:expected')
    expect(h.lastText()).toBe(h.t('tg', 'benefits:question.babiesAtOnce'))
    await h.driver.send('/cancel')
    expect(h.lastText()).toBe(h.t('tg', 'conv.cancelled'))
  })
})
