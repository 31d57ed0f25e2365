/**
 * One reader for the numbers people type in any of the bot's five languages: "12 тыс", "5 миң", "5k", "12 000 сом",
 * "1.500", "эки", "10-12 тыс", "-3". Pure: no grammY. It never guesses silently: what could be read two ways comes
 * back with `confirm: true` so the conversation reads it back as a question, and what is impossible comes back as a
 * problem the conversation explains.
 */

export type Currency = 'som' | 'rub' | 'usd' | 'somoni'

export type NumberReading =
  /** `confirm`: read from a thousands word, a comma/dot grouping or a decimal: ask "12 000?" before using it. */
  | { kind: 'number'; value: number; confirm: boolean; currency?: Currency }
  | { kind: 'range'; low: number; high: number; currency?: Currency }
  | { kind: 'negative' }
  /** Two or more numbers where one is expected ("5 детей 2 взрослых"). */
  | { kind: 'several' }
  /** Exponents and other notations nobody means as an answer ("1e12", "10^12"). */
  | { kind: 'unreadable' }
  | { kind: 'none' }

const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g

/** Words for small numbers, as people write them in ky, ru, uz, tg and en (Latin and Cyrillic). */
const WORDS: Record<string, number> = {}
function words(values: string[], start = 0): void {
  values.forEach((list, i) => {
    for (const w of list.split('|')) WORDS[w] = i + start
  })
}
// ky
words(['нөл|нол', 'бир', 'эки', 'үч|уч', 'төрт|торт', 'беш', 'алты', 'жети', 'сегиз', 'тогуз', 'он'])
// ru (also the collective forms: "нас пятеро")
words(['ноль|нуль', 'один|одна|одно|одного', 'два|две|двое', 'три|трое', 'четыре|четверо', 'пять|пятеро', 'шесть|шестеро', 'семь|семеро', 'восемь', 'девять', 'десять'])
// uz (Latin with ʻ, ' or `, and Cyrillic)
words(['nol|нол', 'bir', 'ikki|икки', 'uch|уч', 'toʻrt|to\'rt|to`rt|tort|тўрт', 'besh|беш', 'olti|олти', 'yetti|етти', 'sakkiz|саккиз', 'toʻqqiz|to\'qqiz|to`qqiz|toqqiz|тўққиз', 'oʻn|o\'n|o`n|on|ўн'])
// tg
words(['сифр', 'як|якта', 'ду|дуто', 'се|сето', 'чор|чорто', 'панҷ|панч|панҷто', 'шаш|шашто', 'ҳафт|хафт', 'ҳашт|хашт', 'нӯҳ|нух', 'даҳ|дах'])
// en
words(['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'])

/** Thousands and millions: тыс, т., миң, ming, ҳазор, k … */
const MULTIPLIERS: Array<[RegExp, number]> = [
  [/^(млн|миллион\S*|million\S*|mln|миллион|mio)$/, 1_000_000],
  [/^(тыс\S*|т|тс|к|k|миң|мин|ming|минг|ҳазор|хазор|hazor|thousand\S*|th)$/, 1000],
]

const CURRENCIES: Array<[RegExp, Currency]> = [
  [/^(сомони|сомонӣ|somoni|tjs)$/, 'somoni'],
  [/^(сом\S*|som|soʻm|so'm|сўм|kgs|с)$/, 'som'],
  [/^(руб\S*|р|₽|rub\S*|рубль|рублей|рубля)$/, 'rub'],
  [/^(\$|usd|доллар\S*|dollar\S*|долл)$/, 'usd'],
]

/** "10 до 12", "10 to 12", "10 gacha 12": like a dash between two numbers. */
const RANGE_WORD = /^(до|to|gacha|чейин|то)$/

/** Words around a count that do not make it text: "нас пятеро", "биз беш киши", "we are five". */
const FILLER = /^(нас|всего|человек\S*|чел|киши|адам|биз|бизде|bari|jami|kishi|odam|biz|нафар|одам|мо|ҳамагӣ|we|are|people|persons?|in|total|all)$/

const NEGATIVE_WORD = /^(минус|minus|manfiy)$/

interface Token {
  text: string
  number?: number
  /** The digits used a comma or a dot to group thousands, or had a decimal part. */
  doubtful?: boolean
}

/**
 * A number in digits: groups of three after a space, comma, dot or apostrophe are thousands ("12 000", "1.500",
 * "5,000"); a comma or dot before one or two digits is a decimal part ("1,5").
 */
const DIGITS = /\d{1,3}(?:[ ',.]\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d{1,2})?(?!\d)/y

function lexNumber(text: string, at: number): { token: Token; end: number } | undefined {
  DIGITS.lastIndex = at
  const m = DIGITS.exec(text)
  if (!m) return undefined
  const raw = m[0]
  const decimal = /[.,](\d{1,2})$/.exec(raw)
  const whole = (decimal ? raw.slice(0, decimal.index) : raw).replace(/[ ',.]/g, '')
  const value = Number(whole) + (decimal ? Number(`0.${decimal[1]}`) : 0)
  const doubtful = decimal !== null || /[,.]\d{3}/.test(raw)
  return { token: { text: raw, number: value, doubtful }, end: m.index + raw.length }
}

function tokenize(input: string): Token[] | 'unreadable' {
  const text = input.toLowerCase().replace(SPACES, ' ').replace(/ʼ|’|‘/g, 'ʻ').trim()
  if (/\d\s*(e|е|\^|\*\*|x10)\s*[+-]?\d/i.test(text)) return 'unreadable'
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (/\d/.test(ch)) {
      const n = lexNumber(text, i)
      if (!n) return 'unreadable'
      tokens.push(n.token)
      i = n.end
      continue
    }
    if ('-–—~'.includes(ch)) {
      tokens.push({ text: '-' })
      i++
      continue
    }
    if ('$₽'.includes(ch)) {
      tokens.push({ text: ch })
      i++
      continue
    }
    const word = /^[\p{L}ʻ'`]+\.?/u.exec(text.slice(i))
    if (word) {
      tokens.push({ text: word[0].replace(/\.$/, '') })
      i += word[0].length
      continue
    }
    i++ // spaces, punctuation
  }
  return tokens
}

function multiplierOf(word: string): number | undefined {
  return MULTIPLIERS.find(([re]) => re.test(word))?.[1]
}

function currencyOf(word: string): Currency | undefined {
  return CURRENCIES.find(([re]) => re.test(word))?.[1]
}

/** Reads one number from what a person typed. */
export function readNumber(input: string): NumberReading {
  const tokens = tokenize(input)
  if (tokens === 'unreadable') return { kind: 'unreadable' }
  let currency: Currency | undefined
  let negative = false
  // Numbers found, each with the multiplier that follows it; '-' between two numbers makes a range.
  const found: Array<{ value: number; confirm: boolean; dashBefore: boolean; fromWord: boolean }> = []
  let dash = false
  let wordsOnly = true
  const plainWords: string[] = []
  for (const [i, t] of tokens.entries()) {
    if (t.number !== undefined) {
      wordsOnly = false
      if (dash && found.length === 0) negative = true
      found.push({ value: t.number, confirm: t.doubtful === true, dashBefore: dash && found.length > 0, fromWord: false })
      dash = false
      continue
    }
    if (t.text === '-' || (RANGE_WORD.test(t.text) && found.length > 0)) {
      dash = true
      continue
    }
    const mult = multiplierOf(t.text)
    const last = found[found.length - 1]
    // "5 тыс" only right after its number (or number word); elsewhere the word is ignored.
    if (mult !== undefined && last && (tokens[i - 1]?.number !== undefined || WORDS[tokens[i - 1]?.text ?? ''] !== undefined)) {
      last.value = Math.round(last.value * mult * 100) / 100
      last.confirm = true
      // "10-12 тыс": the multiplier belongs to both ends of the range.
      const before = found[found.length - 2]
      if (last.dashBefore && before && before.value < mult) {
        before.value = Math.round(before.value * mult * 100) / 100
        before.confirm = true
      }
      continue
    }
    const cur = currencyOf(t.text)
    if (cur) {
      currency = cur
      continue
    }
    if (NEGATIVE_WORD.test(t.text)) {
      negative = true
      continue
    }
    if (WORDS[t.text] !== undefined) {
      plainWords.push(t.text)
      found.push({ value: WORDS[t.text]!, confirm: false, dashBefore: dash && found.length > 0, fromWord: true })
      dash = false
      continue
    }
    if (!FILLER.test(t.text)) plainWords.push(t.text)
  }
  const withCurrency = currency ? { currency } : {}
  if (found.length === 0) return { kind: 'none' }
  if (negative) return { kind: 'negative' }
  // A number word among other words ("он работает") is not an answer; digits among words are ("5 человек").
  const fromWords = found.filter((f) => f.fromWord)
  if (wordsOnly && plainWords.length > fromWords.length) return { kind: 'none' }
  const numbers = wordsOnly ? found : found.filter((f) => !f.fromWord)
  if (numbers.length === 2 && numbers[1]!.dashBefore) {
    const [a, b] = numbers as [(typeof numbers)[0], (typeof numbers)[0]]
    if (a.value === b.value) return { kind: 'number', value: a.value, confirm: a.confirm || b.confirm, ...withCurrency }
    return { kind: 'range', low: Math.min(a.value, b.value), high: Math.max(a.value, b.value), ...withCurrency }
  }
  if (numbers.length !== 1) return { kind: 'several' }
  const n = numbers[0]!
  return { kind: 'number', value: n.value, confirm: n.confirm, ...withCurrency }
}

export type AnswerProblem = 'none' | 'several' | 'range' | 'negative' | 'unreadable' | 'not-whole' | 'too-small' | 'too-big' | 'currency'

export type NumberAnswer =
  | { ok: true; value: number; confirm: boolean }
  | { ok: false; problem: AnswerProblem; low?: number; high?: number; currency?: Currency }

/**
 * Reads a whole number expected in [min, max]. Money answers accept som (or no currency); any other currency is a
 * problem, because the office counts in som and the bot never converts.
 */
export function readWholeNumber(input: string, range: { min: number; max: number; money?: boolean }): NumberAnswer {
  const r = readNumber(input)
  if (r.kind === 'range') return { ok: false, problem: 'range', low: r.low, high: r.high }
  if (r.kind !== 'number') return { ok: false, problem: r.kind }
  if (r.currency && r.currency !== 'som') return { ok: false, problem: 'currency', currency: r.currency }
  if (!Number.isInteger(r.value)) return { ok: false, problem: 'not-whole' }
  if (r.value < range.min) return { ok: false, problem: 'too-small' }
  if (r.value > range.max) return { ok: false, problem: 'too-big' }
  return { ok: true, value: r.value, confirm: r.confirm }
}

export type AgeListReading =
  | { ok: true; kept: number[]; leftOut: number[] }
  | { ok: false; problem: 'none' | 'negative' | 'not-whole' | 'too-big' | 'too-many' }

/**
 * Children's ages as a list ("2 7 12", "2, 7 и 12", "эки жана беш"): ages from 0 to `max`; those `keepBelow` or
 * more are left out (and returned so the person is told).
 */
export function readAgeList(input: string, { max, keepBelow, most = 20 }: { max: number; keepBelow: number; most?: number }): AgeListReading {
  const parts = input
    .toLowerCase()
    .replace(SPACES, ' ')
    .split(/[ ,;/+]+|\s(?:и|жана|va|ва|and)\s/)
    .map((p) => p.trim())
    .filter((p) => p && !/^(и|жана|va|ва|and|жаш|жашта|лет|год|года|yosh|сола|years?|old)$/.test(p))
  if (parts.length === 0) return { ok: false, problem: 'none' }
  if (parts.length > most) return { ok: false, problem: 'too-many' }
  const ages: number[] = []
  for (const p of parts) {
    // "пятеро" says how many children, not how old.
    if (/^(двое|трое|четверо|пятеро|шестеро|семеро)$/.test(p)) return { ok: false, problem: 'none' }
    const r = readNumber(p)
    if (r.kind === 'negative') return { ok: false, problem: 'negative' }
    if (r.kind !== 'number') return { ok: false, problem: 'none' }
    if (!Number.isInteger(r.value)) return { ok: false, problem: 'not-whole' }
    if (r.value > max) return { ok: false, problem: 'too-big' }
    ages.push(r.value)
  }
  return { ok: true, kept: ages.filter((a) => a < keepBelow), leftOut: ages.filter((a) => a >= keepBelow) }
}
