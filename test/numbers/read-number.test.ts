import { describe, expect, it } from 'vitest'
import { readAgeList, readNumber, readWholeNumber, type NumberReading } from '../../src/numbers/read-number.js'

const n = (value: number, confirm = false, currency?: string): NumberReading =>
  ({ kind: 'number', value, confirm, ...(currency ? { currency } : {}) }) as NumberReading

describe('readNumber: what people type, in five languages', () => {
  it.each<[string, string, NumberReading]>([
    // plain digits and spaces (no read-back needed)
    ['any', '5', n(5)],
    ['any', '5000', n(5000)],
    ['ru', '5 000', n(5000)],
    ['ru', '5\u00a0000', n(5000)],
    ['ru', '5\u2009000', n(5000)],
    ['ru', '5\u202f000', n(5000)],
    ['ru', '1 250 000', n(1_250_000)],
    ['ru', '12 000 сом', n(12000, false, 'som')],
    ['ru', '12000 сомов', n(12000, false, 'som')],
    ['ru', '5 человек', n(5)],
    ['ky', '5 киши', n(5)],
    ['uz', '12000 soʻm', n(12000, false, 'som')],
    ['uz', "12000 so'm", n(12000, false, 'som')],
    ['en', '12000 som', n(12000, false, 'som')],
    // comma and dot: thousands or decimal (read back)
    ['en', '5,000', n(5000, true)],
    ['ru', '1.500', n(1500, true)],
    ['ru', '1,5', n(1.5, true)],
    ['en', '1.5', n(1.5, true)],
    ['ru', '1.234.567', n(1_234_567, true)],
    // thousands words and abbreviations (read back)
    ['ru', '12 тыс', n(12000, true)],
    ['ru', '12 тыс.', n(12000, true)],
    ['ru', '12тыс', n(12000, true)],
    ['ru', '12 тысяч сом', n(12000, true, 'som')],
    ['ru', '12 т.', n(12000, true)],
    ['ru', '1,5 тыс', n(1500, true)],
    ['ky', '5 миң', n(5000, true)],
    ['ky', '5 миң сом', n(5000, true, 'som')],
    ['ky', 'эки миң', n(2000, true)],
    ['uz', '5 ming', n(5000, true)],
    ['uz', '5 ming soʻm', n(5000, true, 'som')],
    ['tg', '5 ҳазор', n(5000, true)],
    ['tg', '5 хазор сомонӣ', n(5000, true, 'somoni')],
    ['en', '5k', n(5000, true)],
    ['en', '5K', n(5000, true)],
    ['en', '5 thousand', n(5000, true)],
    ['ru', '1 млн', n(1_000_000, true)],
    // words for small numbers
    ['ky', 'эки', n(2)],
    ['ky', 'беш', n(5)],
    ['ky', 'үч', n(3)],
    ['ru', 'два', n(2)],
    ['ru', 'пятеро', n(5)],
    ['uz', 'ikki', n(2)],
    ['uz', 'toʻrt', n(4)],
    ['tg', 'ду', n(2)],
    ['tg', 'панҷ', n(5)],
    ['en', 'two', n(2)],
    ['en', 'Five', n(5)],
    ['ru', 'нас пятеро', n(5)],
    ['ky', 'биз беш киши', n(5)],
    ['uz', 'besh kishi', n(5)],
    ['tg', 'панҷ нафар', n(5)],
    ['en', 'we are five', n(5)],
    // other currencies are kept so the bot can ask for som
    ['ru', '12 000 ₽', n(12000, false, 'rub')],
    ['ru', '12000 руб', n(12000, false, 'rub')],
    ['en', '$300', n(300, false, 'usd')],
    ['tg', '500 сомони', n(500, false, 'somoni')],
    // ranges: ask
    ['ru', '10-12 тыс', { kind: 'range', low: 10000, high: 12000 }],
    ['ru', '10 - 12', { kind: 'range', low: 10, high: 12 }],
    ['ru', '10–12 тыс сом', { kind: 'range', low: 10000, high: 12000, currency: 'som' }],
    ['ru', 'от 10 до 12 тысяч', { kind: 'range', low: 10000, high: 12000 }],
    ['uz', '10 gacha 12 ming', { kind: 'range', low: 10000, high: 12000 }],
    // negatives and notations nobody means
    ['any', '-3', { kind: 'negative' }],
    ['any', '- 3', { kind: 'negative' }],
    ['ru', 'минус 5', { kind: 'negative' }],
    ['any', '10^12', { kind: 'unreadable' }],
    ['any', '1e12', { kind: 'unreadable' }],
    // not one number
    ['ru', '5 детей и 2 взрослых', { kind: 'several' }],
    ['any', '2 7', { kind: 'several' }],
    ['ru', 'пятьсот', { kind: 'none' }],
    ['ru', 'не знаю', { kind: 'none' }],
    ['ru', 'он работает', { kind: 'none' }],
    ['any', '', { kind: 'none' }],
    ['any', '🙂', { kind: 'none' }],
  ])('%s: %j', (_, text, expected) => {
    expect(readNumber(text)).toEqual(expected)
  })
})

describe('readWholeNumber: a range of allowed values', () => {
  it.each([
    ['12 тыс', { ok: true, value: 12000, confirm: true }],
    ['4 000 сом', { ok: true, value: 4000, confirm: false }],
    ['0', { ok: true, value: 0, confirm: false }],
    ['-3', { ok: false, problem: 'negative' }],
    ['10-12 тыс', { ok: false, problem: 'range', low: 10000, high: 12000 }],
    ['12 000 ₽', { ok: false, problem: 'currency', currency: 'rub' }],
    ['1,5', { ok: false, problem: 'not-whole' }],
    ['1e12', { ok: false, problem: 'unreadable' }],
    ['20000000', { ok: false, problem: 'too-big' }],
    ['много', { ok: false, problem: 'none' }],
  ])('income %j', (text, expected) => {
    expect(readWholeNumber(text, { min: 0, max: 10_000_000, money: true })).toEqual(expected)
  })

  it.each([
    ['0', 'too-small'],
    ['31', 'too-big'],
    ['1,5', 'not-whole'],
  ])('household size %j → %s', (text, problem) => {
    expect(readWholeNumber(text, { min: 1, max: 30 })).toEqual({ ok: false, problem })
  })
})

describe('readAgeList', () => {
  const ages = (text: string) => readAgeList(text, { max: 17, keepBelow: 16 })
  it.each([
    ['2 7 12 15 16', { ok: true, kept: [2, 7, 12, 15], leftOut: [16] }],
    ['2, 7 и 12', { ok: true, kept: [2, 7, 12], leftOut: [] }],
    ['0 0', { ok: true, kept: [0, 0], leftOut: [] }],
    ['эки жана беш', { ok: true, kept: [2, 5], leftOut: [] }],
    ['3 жаш', { ok: true, kept: [3], leftOut: [] }],
    ['16 17', { ok: true, kept: [], leftOut: [16, 17] }],
    ['3 25', { ok: false, problem: 'too-big' }],
    ['-2', { ok: false, problem: 'negative' }],
    ['1.5', { ok: false, problem: 'not-whole' }],
    ['пятеро детей', { ok: false, problem: 'none' }],
    ['пятеро', { ok: false, problem: 'none' }],
  ])('%j', (text, expected) => {
    expect(ages(text)).toEqual(expected)
  })
})
