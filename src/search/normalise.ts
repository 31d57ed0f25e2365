/**
 * Text folding for article search.
 *
 * Two levels:
 * - `fold(text)`: keeps the script, removes what people do not type — case, punctuation, diacritics, and the
 *   Kyrgyz / Tajik / Uzbek letters that keyboards lack (ө→о, ү→у, ң→н, ӣ→и, ӯ→у, ҳ→х, ҷ→ч, қ→к, ғ→г, ў→у,
 *   ё→е, й→и), Uzbek Latin oʻ/gʻ apostrophes in all their variants.
 * - `skeleton(text)`: a canonical Latin-ish spelling used on BOTH sides of the search (index and query), so that
 *   «зарплата» = «zarplata», «регистрация» = «registraciya» = «registratsiya», Uzbek «ўғирланди» = «oʻgʻirlandi»,
 *   «хуҷҷат» = «xujjat»… The skeleton alphabet is plain a–z and digits; digraphs collapse to one letter
 *   (ш/sh→w, ч/ch/ц/ts→c, ж/zh/j/dzh→j, х/ҳ/kh/x/h→h, q→k, y→i) and doubled letters collapse to one.
 *
 * SQLite's remove_diacritics only folds Latin, so all of this happens here, in app code.
 */

/** Characters used as the Uzbek Latin apostrophe (oʻ, gʻ, tutuq belgisi ʼ) and their look-alikes. */
const APOSTROPHES = /[\u0027\u0060\u00B4\u2018\u2019\u201B\u02BB\u02BC\u02BD\u02B9\u02C8\u02CA\u02CB\u0301\u2032]/g

/** Letters that Unicode decomposition does not fold (they are letters of their own, not letter + mark). */
const LETTER_FOLD: Record<string, string> = {
  // Kyrgyz
  'ө': 'о',
  'ү': 'у',
  'ң': 'н',
  // Tajik (ӣ, ӯ decompose; the rest do not)
  'ҳ': 'х',
  'ҷ': 'ч',
  'қ': 'к',
  'ғ': 'г',
  // Kazakh / other Cyrillic look-alikes people paste
  'ә': 'а',
  'ұ': 'у',
  'һ': 'х',
  'і': 'и',
  'ї': 'и',
  'є': 'е',
  'ҝ': 'к',
  'ҹ': 'ч',
  'ӏ': '',
  // Latin letters without decomposition
  'ß': 'ss',
  'ø': 'o',
  'æ': 'ae',
  'œ': 'oe',
  'ı': 'i',
  'ł': 'l',
  'đ': 'd',
  'ð': 'd',
  'þ': 'th',
  'ə': 'a',
}

const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLD).join('')}]`, 'g')

/**
 * Lower case, no punctuation, no diacritics, no letters missing from ordinary keyboards. Keeps the script.
 * Words are separated by single spaces; the result has no leading/trailing space.
 */
export function fold(text: string): string {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      // Uzbek Latin oʻ / gʻ / tutuq belgisi: the apostrophe joins, it does not split words.
      .replace(APOSTROPHES, '')
      // NFD splits ё→е+¨, й→и+˘, ӣ→и+¯, ӯ→у+¯, ў→у+˘ and every accented Latin letter; drop the marks.
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(LETTER_FOLD_RE, (ch) => LETTER_FOLD[ch] ?? ch)
      // Everything that is not a letter or a digit separates words.
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  )
}

/** Cyrillic → standard Latin digraph transliteration (input already folded). */
const CYR_TO_LAT: Record<string, string> = {
  'а': 'a',
  'б': 'b',
  'в': 'v',
  'г': 'g',
  'д': 'd',
  'е': 'e',
  'ж': 'zh',
  'з': 'z',
  'и': 'i',
  'й': 'y',
  'к': 'k',
  'л': 'l',
  'м': 'm',
  'н': 'n',
  'о': 'o',
  'п': 'p',
  'р': 'r',
  'с': 's',
  'т': 't',
  'у': 'u',
  'ф': 'f',
  'х': 'kh',
  'ц': 'ts',
  'ч': 'ch',
  'ш': 'sh',
  'щ': 'shch',
  'ъ': '',
  'ы': 'y',
  'ь': '',
  'э': 'e',
  'ю': 'yu',
  'я': 'ya',
}

/** CYR_TO_LAT by code point, U+0400…U+04FF ('' for the letters it does not name). */
const CYR_BY_CODE: readonly string[] = Array.from({ length: 0x100 }, (_x, i) => CYR_TO_LAT[String.fromCharCode(0x400 + i)] ?? '')

/**
 * Every Cyrillic character (U+0400…U+04FF) through CYR_TO_LAT, the rest as it is. A loop, not a replace with a
 * function: that calls back once per letter, which cost more than all the rest of `skeleton()` together.
 */
function transliterate(text: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x400 || code > 0x4ff) continue
    out += text.slice(from, i) + CYR_BY_CODE[code - 0x400]!
    from = i + 1
  }
  return from === 0 ? text : out + text.slice(from)
}

const VOWELS = 'аеёиоуыэюяөүўӣӯaeiouy'

/**
 * Reductions applied to the Latin text (typed Latin and transliterated Cyrillic alike), in this order.
 * Russian translit variants (sh/ch/zh/kh/ts/c/x/w/y), Uzbek Latin (sh, ch, x, q, j, y), English.
 */
const LATIN_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/w/g, 'v'],
  [/shch|sch/g, 'w'],
  [/sh/g, 'w'],
  [/zh/g, 'j'],
  [/ch/g, 'c'],
  [/kh/g, 'h'],
  // Tajik ғ typed in Latin («ghayri»)
  [/gh/g, 'g'],
  [/ts|tc/g, 'c'],
  [/dj/g, 'j'],
  [/x/g, 'h'],
  [/q/g, 'k'],
  // «въезд» = vyezd = v'ezd = vezd; «ер» (Uzbek Cyrillic) = yer
  [/ye/g, 'e'],
  [/y/g, 'i'],
  // doubled letters (typos and Russian/Uzbek gemination alike): «пасспорт», «аммина», «hujjat»
  [/([a-z])\1+/g, '$1'],
]

/**
 * Canonical Latin skeleton for matching. Same function for index text and user queries.
 * Output: words of [a-z0-9] separated by single spaces.
 */
export function skeleton(text: string): string {
  // A typed message is folded twice, the same text each time (the city check, then the search).
  if (text === last.text) return last.skeleton
  const folded = skeletonOf(text)
  last.text = text
  last.skeleton = folded
  return folded
}

/** The last text `skeleton()` folded, and the result (the function is pure, so this is never stale). */
const last: { text: string | undefined; skeleton: string } = { text: undefined, skeleton: '' }

function skeletonOf(text: string): string {
  const pre = text
    .normalize('NFC')
    .toLowerCase()
    // Uzbek Cyrillic ў is Latin oʻ: keep it an o, so «ўғирланди» meets «oʻgʻirlandi».
    .replace(/ў/g, 'о')
    // ё at a word start or after a vowel is "yo" (Uzbek «ёрдам» = yordam); after a consonant it is a plain е
    // (Russian «учёт» is typed «учет»).
    .replace(/ё/g, (_m, offset: number, whole: string) => {
      const prev = offset > 0 ? whole[offset - 1]! : ' '
      return /[\p{L}]/u.test(prev) && !VOWELS.includes(prev) && prev !== 'ь' && prev !== 'ъ' ? 'е' : 'йо'
    })
  let s = fold(pre)
  s = transliterate(s)
  // Any other script (emoji already removed by fold, but Arabic, CJK, …) cannot match Latin/Cyrillic articles.
  s = s.replace(/[^a-z0-9 ]+/g, '')
  for (const [re, to] of LATIN_RULES) s = s.replace(re, to)
  return s.replace(/\s+/g, ' ').trim()
}

/** Strips Telegram-HTML tags and decodes the few entities the articles use. */
export function stripHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
}
