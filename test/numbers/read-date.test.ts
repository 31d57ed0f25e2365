import { describe, expect, it } from 'vitest'
import { daysBetween } from '../../src/deadlines/calendar-days.js'
import { formatDay, readDate, type DateReading } from '../../src/numbers/read-date.js'

const today = '2026-12-03'
const ok = (date: string, confirm = false): DateReading => ({ ok: true, date, confirm })
const no = (problem: string): DateReading => ({ ok: false, problem }) as DateReading

describe('readDate: dates as people type them, in five languages', () => {
  it.each<[string, string, 'past' | 'any', DateReading]>([
    // digits, as on papers: taken as typed
    ['any', '05.03.2026', 'past', ok('2026-03-05')],
    ['any', '5.3.2026', 'past', ok('2026-03-05')],
    ['any', '5/3/2026', 'past', ok('2026-03-05')],
    ['any', '5-3-2026', 'past', ok('2026-03-05')],
    ['any', '05 03 2026', 'past', ok('2026-03-05')],
    ['any', '2026-03-05', 'past', ok('2026-03-05')],
    ['ru', '05.03.2026г.', 'past', ok('2026-03-05')],
    ['ru', '05.03.2026 г', 'past', ok('2026-03-05')],
    // two-digit year or no year: read back
    ['any', '5.3.26', 'past', ok('2026-03-05', true)],
    ['any', '5.3', 'past', ok('2026-03-05', true)],
    ['any', '20.12', 'past', ok('2025-12-20', true)], // no year, a past event: last December, not this one
    ['any', '20.12', 'any', ok('2026-12-20', true)], // paid up to: the nearest 20 December
    ['any', '10.01', 'any', ok('2027-01-10', true)],
    // month words
    ['ru', '5 марта', 'past', ok('2026-03-05', true)],
    ['ru', '5 марта 2026', 'past', ok('2026-03-05')],
    ['ru', '5 марта 2026 года', 'past', ok('2026-03-05')],
    ['ru', '5-го марта 2026 г.', 'past', ok('2026-03-05')],
    ['ru', '1 мая 2026', 'past', ok('2026-05-01')],
    ['ru', '15 января', 'any', ok('2027-01-15', true)],
    ['ky', '5-март 2026-ж.', 'past', ok('2026-03-05')],
    ['ky', '5 март', 'past', ok('2026-03-05', true)],
    ['ky', '2026-жылдын 5-марты', 'past', ok('2026-03-05')],
    ['uz', '5-mart', 'past', ok('2026-03-05', true)],
    ['uz', '5 mart 2026', 'past', ok('2026-03-05')],
    ['uz', '5-mart 2026 yil', 'past', ok('2026-03-05')],
    ['uz', '12 sentyabr 2026', 'past', ok('2026-09-12')],
    ['uz', '12 сентябр 2026', 'past', ok('2026-09-12')],
    ['uz', '1-iyul', 'past', ok('2026-07-01', true)],
    ['uz', '1-iyun', 'past', ok('2026-06-01', true)],
    ['tg', '5 марти 2026', 'past', ok('2026-03-05')],
    ['tg', '10 октябри 2026 сол', 'past', ok('2026-10-10')],
    ['tg', '3 феврал', 'past', ok('2026-02-03', true)],
    ['en', '5 March 2026', 'past', ok('2026-03-05')],
    ['en', 'March 5th, 2026', 'past', ok('2026-03-05')],
    ['en', '5 mar', 'past', ok('2026-03-05', true)],
    ['en', '29 Feb 2024', 'past', ok('2024-02-29')],
    // today / yesterday: read back
    ['ru', 'вчера', 'past', ok('2026-12-02', true)],
    ['ru', 'Сегодня', 'past', ok('2026-12-03', true)],
    ['ky', 'кечээ', 'past', ok('2026-12-02', true)],
    ['uz', 'kecha', 'past', ok('2026-12-02', true)],
    ['tg', 'дирӯз', 'past', ok('2026-12-02', true)],
    ['en', 'yesterday', 'past', ok('2026-12-02', true)],
    // impossible days
    ['any', '31.02.2026', 'past', no('impossible')],
    ['any', '29.02.2026', 'past', no('impossible')],
    ['any', '31.04', 'past', no('impossible')],
    ['any', '05.13.2026', 'past', no('impossible')],
    ['ru', '32 марта', 'past', no('impossible')],
    ['any', '00.03.2026', 'past', no('impossible')],
    // a past event in the future, too old, too far ahead
    ['any', '05.03.2027', 'past', no('future')],
    ['ru', 'завтра', 'past', no('unreadable')],
    ['any', '05.03.2019', 'past', no('too-early')],
    ['any', '5.3.19', 'past', no('too-early')],
    ['any', '05.03.2040', 'any', no('too-late')],
    ['any', '05.03.2027', 'any', ok('2027-03-05')],
    ['any', '01.11.2026', 'any', ok('2026-11-01')], // paid up to a day already gone: the answer says "overdue"
    // not a date
    ['any', '', 'past', no('unreadable')],
    ['any', '12345', 'past', no('unreadable')],
    ['any', '5', 'past', no('unreadable')],
    ['ru', 'не помню', 'past', no('unreadable')],
    ['ru', 'март', 'past', no('unreadable')],
    ['ru', '5 марта 6 апреля', 'past', no('unreadable')],
    ['any', '1e12', 'past', no('unreadable')],
  ])('%s %j (%s)', (_lang, text, when, expected) => {
    expect(readDate(text, { today, when })).toEqual(expected)
  })

  it('29 February without a year takes the last leap year only for a past event', () => {
    expect(readDate('29.02', { today: '2028-03-10', when: 'past' })).toEqual(ok('2028-02-29', true))
    expect(readDate('29.02', { today, when: 'past' })).toEqual(no('future'))
  })

  it('formats and counts days across month ends and leap years', () => {
    expect(formatDay('2026-03-05')).toBe('05.03.2026')
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2026-12-03', '2026-11-30')).toBe(-3)
  })
})
