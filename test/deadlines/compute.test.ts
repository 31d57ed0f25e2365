/**
 * computeDeadlines, table by table. Each expected date is counted by hand from the reference's rule
 * (../shared/reference/russia-migrants-law.md): the day of entry is day 1 of "N days from entry".
 */
import { describe, expect, it } from 'vitest'
import { computeDeadlines } from '../../src/deadlines/compute.js'
import type { Deadline, DeadlineKind, MigrantDates } from '../../src/deadlines/types.js'

const TODAY = '2026-12-03'
const on = (date: string) => ({ date })

/** Someone who answered "I don't know" to everything. */
function person(over: Partial<MigrantDates>): MigrantDates {
  return {
    citizenship: 'UZ',
    entry: 'unknown',
    registered: 'unknown',
    registeredUntil: 'unknown',
    patentIssued: 'unknown',
    patentPaidUntil: 'unknown',
    contractEnds: 'unknown',
    medicalExam: 'unknown',
    fingerprinting: 'unknown',
    ...over,
  }
}

const find = (ds: Deadline[], kind: DeadlineKind) => ds.filter((d) => d.kind === kind)
const one = (ds: Deadline[], kind: DeadlineKind) => {
  const found = find(ds, kind)
  expect(found, kind).toHaveLength(1)
  return found[0]!
}

describe('registration (REG-1/2/3, AM-1/2)', () => {
  it.each([
    // citizenship, Moscow region?, entry, today, date, daysLeft, rule, article, cautions
    ['UZ', undefined, '2026-11-20', TODAY, '2026-12-04', 1, 'registration-uz-15-days', 'registration', ['unverified']],
    ['TJ', false, '2026-11-20', TODAY, '2026-12-04', 1, 'registration-tj-15-days', 'registration', ['unverified']],
    ['KG', undefined, '2026-11-20', TODAY, '2026-12-19', 16, 'registration-kg-30-days', 'registration', ['unverified']],
    ['UZ', true, '2026-11-20', TODAY, '2026-12-04', 1, 'registration-uz-15-days-amina', 'amina-app', ['sources-differ', 'unverified']],
    ['TJ', true, '2026-11-19', TODAY, '2026-12-03', 0, 'registration-tj-15-days-amina', 'amina-app', ['sources-differ', 'unverified']],
    ['KG', true, '2026-11-02', TODAY, '2026-12-01', -2, 'registration-kg-30-days-amina', 'amina-app', ['sources-differ', 'unverified']],
    // month ends and leap years
    ['UZ', undefined, '2026-01-31', '2026-02-01', '2026-02-14', 13, 'registration-uz-15-days', 'registration', ['unverified']],
    ['KG', undefined, '2026-02-01', '2026-02-01', '2026-03-02', 29, 'registration-kg-30-days', 'registration', ['unverified']],
    ['KG', undefined, '2028-02-01', '2028-02-01', '2028-03-01', 29, 'registration-kg-30-days', 'registration', ['unverified']],
    ['TJ', undefined, '2028-02-20', '2028-02-20', '2028-03-05', 14, 'registration-tj-15-days', 'registration', ['unverified']],
    ['KG', undefined, '2026-12-15', TODAY, '2027-01-13', 41, 'registration-kg-30-days', 'registration', ['unverified']],
  ] as const)('%s, Moscow region %s, entry %s, today %s → %s', (citizenship, moscowRegion, entry, today, date, daysLeft, ruleId, articleId, cautions) => {
    const r = computeDeadlines(person({ citizenship, moscowRegion, entry: on(entry), registered: 'not-yet' }), today)
    const d = one(r.deadlines, 'registration')
    expect(d).toMatchObject({ date, daysLeft, ruleId, articleId, cautions })
    expect(d.status).toBe(daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'today' : 'upcoming')
  })

  it('«Амина»: the later 30-working-day date is kept apart, never shown as the deadline', () => {
    // 30 working days from Mon 2 Nov 2026 (4 Nov off): 2,3,5,6 | 9–13 | 16–20 | 23–27 | 30 Nov–4 Dec | 7–11 | 14 Dec.
    const kg = computeDeadlines(person({ citizenship: 'KG', moscowRegion: true, entry: on('2026-11-02'), registered: 'not-yet' }), TODAY)
    expect(one(kg.deadlines, 'registration').otherDates).toEqual([{ date: '2026-12-14', factIds: ['AM-2'] }])
    expect(one(kg.deadlines, 'registration').factIds).toEqual(['REG-3', 'AM-1', 'AM-2'])
  })

  it('registered: no registration deadline; the end of the registration instead (REG-6)', () => {
    const r = computeDeadlines(person({ entry: on('2026-11-01'), registered: on('2026-11-05'), registeredUntil: on('2027-02-01') }), TODAY)
    expect(find(r.deadlines, 'registration')).toEqual([])
    expect(one(r.deadlines, 'registration-renewal')).toMatchObject({
      date: '2027-02-01',
      daysLeft: 60,
      ruleId: 'registration-valid-until',
      articleId: 'registration',
      cautions: [],
    })
    const moscow = computeDeadlines(person({ moscowRegion: true, registered: on('2026-11-05'), registeredUntil: on('2027-02-01') }), TODAY)
    expect(one(moscow.deadlines, 'registration-renewal')).toMatchObject({ ruleId: 'registration-valid-until-amina', articleId: 'amina-app' })
  })

  it.each([
    ['registered, end unknown', { registered: on('2026-11-05') }, ['registration-renewal'], { 'registration-renewal': 'answer-unknown' }],
    ['not sure if registered', { registered: 'unknown' as const }, ['registration', 'registration-renewal'], { registration: 'answer-unknown', 'registration-renewal': 'answer-unknown' }],
    ['an end date alone means registered', { registeredUntil: on('2027-01-10') }, [], {}],
    ['ends before it was made', { registered: on('2026-11-05'), registeredUntil: on('2026-10-01') }, ['registration-renewal'], { 'registration-renewal': 'answers-disagree' }],
  ])('%s', (_, answers, missing, why) => {
    const r = computeDeadlines(person({ citizenship: 'KG', entry: on('2026-11-01'), contractEnds: on('2027-06-30'), medicalExam: on('2026-11-10'), fingerprinting: on('2026-11-10'), ...answers }), TODAY)
    expect(r.missing).toEqual(missing)
    expect(r.missingWhy).toEqual(why)
  })
})

describe('patent (PT-2, PT-6, PT-7)', () => {
  const uz = (over: Partial<MigrantDates>) => person({ entry: on('2026-01-10'), registered: on('2026-01-12'), registeredUntil: on('2027-01-09'), medicalExam: on('2026-01-20'), fingerprinting: on('2026-01-20'), ...over })

  it.each([
    // issued, paid up to, today, payment deadline (the day before "paid up to"), expiry (day before issue + 12 months)
    ['2026-01-15', '2026-12-15', TODAY, '2026-12-14', '2027-01-14'],
    ['2026-01-31', '2026-02-28', '2026-02-10', '2026-02-27', '2027-01-30'], // 31st + 1 month
    ['2026-01-31', '2026-12-31', TODAY, '2026-12-30', '2027-01-30'],
    ['2028-02-29', '2028-03-29', '2028-03-01', '2028-03-28', '2029-02-27'], // leap day: + 12 months = 28 Feb 2029
    ['2026-03-01', '2026-04-01', '2026-04-01', '2026-03-31', '2027-02-28'], // overdue by one day: the patent has lapsed
  ])('issued %s, paid up to %s, today %s → pay by %s, patent ends %s', (issued, paid, today, payBy, ends) => {
    const r = computeDeadlines(uz({ patentIssued: on(issued), patentPaidUntil: on(paid) }), today)
    const pay = one(r.deadlines, 'patent-payment')
    expect(pay).toMatchObject({ date: payBy, ruleId: 'patent-paid-until', factIds: ['PT-6'], articleId: 'patent', cautions: ['unverified'], sourcesAsOf: '2026-03-05' })
    expect(one(r.deadlines, 'patent-expiry')).toMatchObject({ date: ends, ruleId: 'patent-12-months', factIds: ['PT-6', 'PT-7'] })
    expect(find(r.deadlines, 'patent-application')).toEqual([])
    expect(find(r.deadlines, 'stay-limit')).toEqual([]) // SP-3: not for patent holders
  })

  it('one day late is overdue, not "today"', () => {
    const r = computeDeadlines(uz({ patentIssued: on('2026-03-01'), patentPaidUntil: on('2026-04-01') }), '2026-04-01')
    expect(one(r.deadlines, 'patent-payment')).toMatchObject({ daysLeft: -1, status: 'overdue' })
  })

  it.each([
    ['2027-01-15', 'the first unpaid day is the end of the 12 months'],
    ['2027-01-14', 'the last paid day is the end of the 12 months'],
  ])('paid up to %s: no payment is due (%s)', (paid) => {
    const r = computeDeadlines(uz({ patentIssued: on('2026-01-15'), patentPaidUntil: on(paid) }), TODAY)
    expect(find(r.deadlines, 'patent-payment')).toEqual([])
    expect(one(r.deadlines, 'patent-expiry').date).toBe('2027-01-14')
  })

  it.each([
    ['2026-01-15', '2026-01-15'],
    ['2026-01-15', '2025-12-15'],
    ['2026-01-15', '2027-02-15'], // more than 12 months
  ])('issued %s, paid up to %s: the answers disagree, no date', (issued, paid) => {
    const r = computeDeadlines(uz({ patentIssued: on(issued), patentPaidUntil: on(paid) }), TODAY)
    expect(find(r.deadlines, 'patent-payment')).toEqual([])
    expect(r.missingWhy?.['patent-payment']).toBe('answers-disagree')
  })

  it('issue date unknown: payment still counted, the 12 months missing', () => {
    const r = computeDeadlines(uz({ patentPaidUntil: on('2026-12-20') }), TODAY)
    expect(one(r.deadlines, 'patent-payment').date).toBe('2026-12-19')
    expect(r.missing).toEqual(['patent-expiry'])
  })

  it('no patent yet: apply within 30 days of entry (entry + 29); the 90-day stay counts', () => {
    const r = computeDeadlines(uz({ entry: on('2026-11-20'), patentIssued: 'not-yet' }), TODAY)
    expect(one(r.deadlines, 'patent-application')).toMatchObject({ date: '2026-12-19', daysLeft: 16, ruleId: 'patent-application-30-days' })
    expect(one(r.deadlines, 'stay-limit').date).toBe('2027-02-17')
    expect(find(r.deadlines, 'patent-payment')).toEqual([])
  })

  it('Kyrgyz citizens have no patent deadlines whatever they answer', () => {
    const r = computeDeadlines(person({ citizenship: 'KG', patentIssued: on('2026-01-15'), patentPaidUntil: on('2026-12-15') }), TODAY)
    expect(r.deadlines.filter((d) => d.kind.startsWith('patent'))).toEqual([])
    expect(r.missing.filter((k) => k.startsWith('patent'))).toEqual([])
  })
})

describe('medical exam and fingerprinting (SP-15, SP-16, SP-17)', () => {
  it.each([
    ['UZ', '2026-11-20', '2026-12-19', 'medical-exam-30-days', 'stay-periods'],
    ['KG', '2026-11-20', '2026-12-19', 'medical-exam-30-days-kg', 'eaeu-workers'],
    ['TJ', '2026-01-31', '2026-03-01', 'medical-exam-30-days', 'stay-periods'], // across a 28-day February
    ['TJ', '2028-01-31', '2028-02-29', 'medical-exam-30-days', 'stay-periods'], // leap February
  ] as const)('%s entered %s → medical exam by %s', (citizenship, entry, date, ruleId, articleId) => {
    const r = computeDeadlines(person({ citizenship, entry: on(entry), medicalExam: 'not-yet', fingerprinting: 'not-yet' }), TODAY)
    expect(one(r.deadlines, 'medical-exam')).toMatchObject({ date, ruleId, articleId, cautions: ['pending-change', 'unverified'] })
    expect(one(r.deadlines, 'fingerprinting')).toMatchObject({ date, articleId, cautions: ['unverified'] })
  })

  it.each([
    ['2026-03-10', '2027-03-09'],
    ['2027-03-31', '2028-03-30'],
    ['2028-02-29', '2029-02-27'],
  ])('exam done %s → certificates run out after %s (the safe side of "valid one year")', (done, date) => {
    const r = computeDeadlines(person({ medicalExam: on(done), fingerprinting: on(done) }), TODAY)
    expect(one(r.deadlines, 'medical-exam')).toMatchObject({ date, ruleId: 'medical-exam-yearly', factIds: ['SP-17'], cautions: ['pending-change', 'unverified'] })
    expect(find(r.deadlines, 'fingerprinting')).toEqual([]) // once (SP-16)
  })
})

describe('stay (SP-2, SP-3, SP-4)', () => {
  it.each([
    ['2026-11-20', TODAY, '2027-02-17', 14, 76],
    ['2028-02-29', '2028-03-01', '2028-05-28', 2, 88],
    ['2026-08-01', TODAY, '2026-10-29', 125, 0],
    ['2026-12-03', TODAY, '2027-03-02', 1, 89],
  ])('UZ without a patent entered %s, today %s → last day %s, %i used, %i left', (entry, today, date, used, left) => {
    const r = computeDeadlines(person({ entry: on(entry), patentIssued: 'not-yet' }), today)
    expect(one(r.deadlines, 'stay-limit')).toMatchObject({
      date,
      ruleId: 'stay-90-days-per-year',
      figures: { daysAllowed: 90, daysUsed: used, daysLeft: left },
      assumptions: ['no-other-stays-this-year'],
      sourcesAsOf: '2025-04-07',
    })
  })

  it('KG with a contract: the stay follows the contract; no 90-day date', () => {
    const r = computeDeadlines(person({ citizenship: 'KG', entry: on('2026-11-01'), contractEnds: on('2027-03-31') }), TODAY)
    expect(one(r.deadlines, 'contract-end')).toMatchObject({ date: '2027-03-31', daysLeft: 118, ruleId: 'contract-end-kg', factIds: ['SP-4', 'EA-6', 'EC-5'], articleId: 'eaeu-workers' })
    expect(find(r.deadlines, 'stay-limit')).toEqual([])
    expect(r.missing).not.toContain('stay-limit')
  })

  it('KG without a contract: no date at all, because the reference marks it unverified (SP-3 note)', () => {
    const r = computeDeadlines(person({ citizenship: 'KG', entry: on('2026-11-01'), contractEnds: 'not-yet' }), TODAY)
    expect(find(r.deadlines, 'stay-limit')).toEqual([])
    expect(find(r.deadlines, 'contract-end')).toEqual([])
    expect(r.missingWhy?.['stay-limit']).toBe('rule-unverified')
  })
})

describe('the whole report', () => {
  it('nearest first: overdue first (most overdue first), then today, then ahead', () => {
    const r = computeDeadlines(
      person({ entry: on('2026-08-01'), registered: 'not-yet', patentIssued: 'not-yet', medicalExam: 'not-yet', fingerprinting: 'not-yet' }),
      TODAY,
    )
    expect(r.deadlines.map((d) => [d.kind, d.date, d.daysLeft, d.status])).toEqual([
      ['registration', '2026-08-15', -110, 'overdue'],
      ['patent-application', '2026-08-30', -95, 'overdue'],
      ['medical-exam', '2026-08-30', -95, 'overdue'],
      ['fingerprinting', '2026-08-30', -95, 'overdue'],
      ['stay-limit', '2026-10-29', -35, 'overdue'],
    ])
    expect(r.missing).toEqual([])
  })

  it('mixes overdue, today and ahead in date order', () => {
    const r = computeDeadlines(
      person({ entry: on('2026-11-19'), registered: 'not-yet', patentIssued: on('2026-11-25'), patentPaidUntil: on('2026-12-01'), medicalExam: 'not-yet', fingerprinting: on('2026-11-25') }),
      TODAY,
    )
    expect(r.deadlines.map((d) => [d.kind, d.status])).toEqual([
      ['patent-payment', 'overdue'], // 30 Nov
      ['registration', 'today'], // 3 Dec
      ['medical-exam', 'upcoming'], // 18 Dec
      ['patent-expiry', 'upcoming'], // 24 Nov 2027
    ])
  })

  it('entry unknown: every entry-based kind is missing, none guessed', () => {
    const r = computeDeadlines(person({ registered: 'not-yet', patentIssued: 'not-yet', medicalExam: 'not-yet', fingerprinting: 'not-yet' }), TODAY)
    expect(r.deadlines).toEqual([])
    expect(r.missing).toEqual(['registration', 'patent-application', 'medical-exam', 'fingerprinting', 'stay-limit'])
    expect(Object.values(r.missingWhy ?? {})).toEqual(Array(5).fill('answer-unknown'))
  })

  it('not entered yet: nothing to count and nothing missing', () => {
    const r = computeDeadlines(person({ entry: 'not-yet', registered: 'not-yet', patentIssued: 'not-yet', medicalExam: 'not-yet', fingerprinting: 'not-yet' }), TODAY)
    expect(r).toEqual({ deadlines: [], missing: [], missingWhy: {} })
  })

  it('"I don\'t know" everywhere: only what applies is missing, no date', () => {
    const uz = computeDeadlines(person({ entry: on('2026-11-20') }), TODAY)
    expect(uz.deadlines).toEqual([])
    expect(uz.missing).toEqual(['patent-payment', 'registration', 'registration-renewal', 'patent-application', 'medical-exam', 'fingerprinting', 'stay-limit', 'patent-expiry'])
    const kg = computeDeadlines(person({ citizenship: 'KG', entry: on('2026-11-20') }), TODAY)
    expect(kg.missing).toEqual(['registration', 'registration-renewal', 'medical-exam', 'fingerprinting', 'stay-limit', 'contract-end'])
  })

  it('refuses a today that is not a day', () => {
    expect(() => computeDeadlines(person({}), '2026-02-30')).toThrow(RangeError)
  })
})
