import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/config.js'
import { createTestBot, startAs, type TestBot } from '../helpers/bot-harness.js'

/** Presses `c:…` buttons and types everything else, in order. */
async function steps(h: TestBot, list: string[]): Promise<void> {
  for (const s of list) {
    if (s.startsWith('c:') || s.startsWith('b:')) await h.driver.pressData(s)
    else await h.driver.send(s)
  }
}

const UNTIL_BABY = ['/benefits', 'c:childrenUnder16:yes', '0 4 7', 'c:baby:born', '1', 'c:babiesAtOnce:1', 'c:babyBornAbroad:no', 'c:caregiver:parent', 'c:orphan:no', 'c:highMountain:no']
const AFTER_BABY = ['c:disabledChild:no', 'c:disabledAdult:no', 'c:pregnantWoman:no', 'c:elderWithoutPension:no', 'c:motherHeroine:no']

/** A family with a newborn (1 month), children of 4 and 7, five people, 4 000 som a month at home, nothing from abroad. */
async function newbornLowIncome(h: TestBot): Promise<number> {
  await steps(h, [...UNTIL_BABY, ...AFTER_BABY, '5', '4 000 сом', '0'])
  const beforeAnswer = h.mark()
  await h.driver.pressData('c:socialContractSigned:no')
  return beforeAnswer
}

const data = (h: TestBot) => h.driver.buttons().map((x) => x.callbackData)

describe('family benefits checker', () => {
  it.each(LANGUAGES)('%s: one screen first (what, how much, where), the details behind buttons', async (lang) => {
    const h = await createTestBot()
    await startAs(h, 7000, lang)
    const mark = await newbornLowIncome(h)
    const sent = h.telegram.calls.slice(mark).filter((c) => c.method === 'sendMessage')
    expect(sent).toHaveLength(1)
    const first = h.lastText()
    const b = (key: string, o?: Record<string, unknown>) => h.t(lang, `benefits:${key}`, o)
    expect(first.length).toBeLessThanOrEqual(1000)
    for (const name of ['benefit.family-support.name', 'benefit.birth-grant.name', 'where.con']) expect(first).toContain(b(name))
    expect(first).toMatch(/1\s200/)
    expect(first).toMatch(/4\s000/)
    expect(first).toContain(b('asOf.03', { year: 2026 }))
    expect(data(h)).toEqual(expect.arrayContaining(['b:d:family-support', 'b:d:birth-grant', 'b:d:not', 'b:summary', 'b:lawyer']))
    for (const d of data(h)) expect(Buffer.byteLength(d!)).toBeLessThanOrEqual(64)

    await h.driver.pressData('b:d:birth-grant')
    const detail = h.lastText()
    expect(detail).toContain(b('document.passport'))
    expect(detail).toContain(b('note.ask-lawyer'))
    expect(data(h)).toContain('r:a:benefit-birth-grant')
  })

  it('reads "12 тыс" back as 12 000 som and goes on only after Yes; "No, type again" asks again', async () => {
    const h = await createTestBot()
    await startAs(h, 7005, 'ru')
    await steps(h, [...UNTIL_BABY, ...AFTER_BABY, '5'])
    await h.driver.send('12 тыс')
    expect(h.lastText()).toBe('12\u00a0000 сомов в месяц — верно?')
    expect(data(h)).toEqual(['c:monthlyIncome:ok:12000', 'c:monthlyIncome:again', 'c:monthlyIncome:unknown'])
    await h.driver.pressData('c:monthlyIncome:again')
    expect(h.lastText()).toBe(h.t('ru', 'benefits:number.typeAgain'))
    await h.driver.send('5k')
    expect(h.lastText()).toBe('5\u00a0000 сомов в месяц — верно?')
    await h.driver.send('12 тыс')
    await h.driver.pressData('c:monthlyIncome:ok:12000')
    expect(h.lastText()).toBe(h.t('ru', 'benefits:question.monthlyRemittances'))
    await h.driver.send('0')
    // 12 000 for five people is 2 400 each: above the line, so no social-contract question; the passport one instead.
    expect(h.lastText()).toBe(h.t('ru', 'benefits:question.socialPassport'))
    await h.driver.pressData('c:socialPassport:no')
    await h.driver.pressData('b:d:not')
    expect(h.lastText()).toContain('2\u00a0400')
  })

  it('refuses ranges, negatives, other currencies and absurd numbers with what is expected', async () => {
    const h = await createTestBot()
    await startAs(h, 7006, 'en')
    await steps(h, [...UNTIL_BABY, ...AFTER_BABY, '5'])
    const t = (key: string, o?: Record<string, unknown>) => h.t('en', `benefits:${key}`, o)
    await h.driver.send('10-12 тыс')
    expect(h.lastText()).toBe('You wrote 10\u00a0000–12\u00a0000. Please send one number: your best estimate.')
    await h.driver.send('-3')
    expect(h.lastText()).toBe('It cannot be below zero. Please send a number from 0 to 10\u00a0000\u00a0000.')
    await h.driver.send('12000 руб')
    expect(h.lastText()).toBe(t('number.currency'))
    await h.driver.send('1e12')
    expect(h.lastText()).toBe(t('number.unreadable', { example: '5000' }))
    await h.driver.send('99999999999')
    expect(h.lastText()).toBe('Please send a number from 0 to 10\u00a0000\u00a0000.')
    await h.driver.sendSticker()
    expect(h.textsSince(h.mark() - 2)).toEqual([h.t('en', 'conv.needText'), t('question.monthlyIncome')])
    // /help names what is open (the generic handler in cancel.ts); the question stays above.
    await h.driver.send('/help')
    expect(h.lastText()).toBe(h.t('en', 'conv.open', { what: h.t('en', 'conv.names.family-benefits') }))
    expect(h.lastText()).toContain('family benefits')
    await h.driver.sendVoice()
    expect(h.textsSince(h.mark() - 2)).toEqual([t('conv.voice'), t('question.monthlyIncome')])
    await h.driver.pressCallback('c:monthlyIncome:ok:999999999')
    expect(h.telegram.calls.at(-1)?.payload.text).toBe(h.t('en', 'conv.oldButton'))
    await h.driver.send('3000')
    expect(h.lastText()).toBe(t('question.monthlyRemittances'))
  })

  it('keeps the ages under 16, says which were left out, and checks the family size against them', async () => {
    const h = await createTestBot()
    await startAs(h, 7007, 'ru')
    await steps(h, ['/benefits', 'c:childrenUnder16:yes'])
    await h.driver.send('пятеро')
    expect(h.lastText()).toBe(h.t('ru', 'benefits:ages.problem'))
    await h.driver.send('3 25')
    expect(h.lastText()).toBe(h.t('ru', 'benefits:ages.problem'))
    await h.driver.send('2 7 12 15 16')
    expect(h.textsSince(h.mark() - 2)).toEqual(['Учтены: 2, 7, 12, 15. Здесь не учитываются (16 лет и старше): 16.', h.t('ru', 'benefits:question.baby')])
    await steps(h, ['c:baby:no', 'c:caregiver:relative', 'c:orphan:both-parents', 'c:highMountain:no', ...AFTER_BABY])
    await h.driver.send('3')
    expect(h.lastText()).toBe(h.t('ru', 'benefits:number.householdTooSmall', { children: 5, min: 6 }))
    await h.driver.send('31')
    expect(h.lastText()).toBe(h.t('ru', 'benefits:number.outOfRange', { min: 1, max: 30 }))
    await h.driver.send('эки')
    expect(h.lastText()).toBe(h.t('ru', 'benefits:number.householdTooSmall', { children: 5, min: 6 }))
    await steps(h, ['6', '3000', '0', 'c:socialContractSigned:no'])
    const answer = h.lastText()
    // A full orphan now reaches the 6 000 som social benefit.
    expect(answer).toContain(h.t('ru', 'benefits:benefit.social-benefit.name'))
    expect(answer).toMatch(/6\s000/)
  })

  it('asks a baby\'s age in months 0–12, with "Older than a year"', async () => {
    const h = await createTestBot()
    await startAs(h, 7008, 'ky')
    await steps(h, ['/benefits', 'c:childrenUnder16:yes', '1 4', 'c:baby:born'])
    await h.driver.send('14')
    expect(h.lastText()).toBe(h.t('ky', 'benefits:number.babyMonths'))
    await h.driver.pressData('c:babyAgeMonths:older')
    expect(h.textsSince(h.mark() - 2)).toEqual([h.t('ky', 'benefits:number.olderThanYear'), h.t('ky', 'benefits:question.caregiver')])
  })

  it('asks the birth order only in a high-mountain area with a young child, and the answer reaches «Бала береке»', async () => {
    const h = await createTestBot()
    await startAs(h, 7009, 'en')
    await steps(h, ['/benefits', 'c:childrenUnder16:yes', '10 8 5 0', 'c:baby:born', '3', 'c:babiesAtOnce:1', 'c:babyBornAbroad:no', 'c:caregiver:parent', 'c:orphan:no', 'c:highMountain:yes'])
    expect(h.lastText()).toBe(h.t('en', 'benefits:question.youngestBirthOrder'))
    await steps(h, ['c:youngestBirthOrder:5', ...AFTER_BABY, '6', '20000', '0', 'c:socialPassport:no'])
    await h.driver.pressData('b:d:high-mountain-child')
    expect(h.lastText()).toContain('600\u00a0000')
    expect(h.lastText()).toContain('within 6 months after the child\'s first birthday')
  })

  it('accepts “I don’t know” everywhere and still fits the first screen', async () => {
    const h = await createTestBot()
    await startAs(h, 7001, 'ky')
    await h.driver.send('/benefits')
    for (const step of ['childrenUnder16', 'baby', 'caregiver', 'orphan', 'highMountain', 'youngestBirthOrder', 'disabledChild', 'disabledAdult', 'pregnantWoman', 'elderWithoutPension', 'motherHeroine', 'householdSize', 'monthlyIncome', 'monthlyRemittances', 'socialContractSigned', 'socialPassport']) {
      await h.driver.pressData(`c:${step}:unknown`)
    }
    const answer = h.lastText()
    expect(answer.length).toBeLessThanOrEqual(1000)
    expect(answer).toContain('❓')
    expect(answer).not.toContain('✅')
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
    expect(summary.payload.text).toContain('на март 2026')
  })

  it('continues after a restart where the person was, detail buttons work after a restart, /cancel leaves it', async () => {
    const h = await createTestBot()
    await startAs(h, 7004, 'tg')
    await h.driver.send('/benefits')
    await h.driver.pressData('c:childrenUnder16:no')
    await h.restart()
    await h.driver.pressData('c:baby:expected')
    expect(h.lastText()).toBe(h.t('tg', 'benefits:question.babiesAtOnce'))
    await h.driver.send('/cancel')
    expect(h.lastText()).toBe(h.t('tg', 'conv.cancelled'))

    await newbornLowIncome(h)
    await h.restart()
    await h.driver.pressData('b:d:family-support')
    expect(h.lastText()).toContain(h.t('tg', 'benefits:document.children-birth'))
    await h.driver.pressCallback('b:d:nonsense')
    expect(h.telegram.calls.at(-1)?.payload.text).toBe(h.t('tg', 'errors.staleButton'))
  })
})
