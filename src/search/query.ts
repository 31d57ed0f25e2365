/**
 * A question turned into search terms: skeleton words (normalise.ts) without filler, each with its trigrams, its
 * word-index prefix and the stem that must be in an article for it to count as found. Only [a-z0-9 ] ever leaves.
 */
import { skeleton } from './normalise.js'

/** Raw input beyond this is ignored: real questions are short; this keeps 10 KB pastes cheap. */
export const MAX_QUERY_CHARS = 400
/** Distinct query words / trigram terms used. */
const MAX_WORDS = 16
const MAX_WORD_CHARS = 32
const MAX_TERMS = 160

/**
 * Words so common in questions that their trigrams only add noise ("what to do", "how", "where", "my", …) and
 * greetings, written as people type them and folded with `skeleton()`. A query of nothing else finds nothing.
 */
const STOPWORDS = new Set(
  [
    // en
    'the a an to of in on at for is are was were be been i me my we our you your he she it they them his her',
    'what how where when who why which do does did can could should would will have has had not no and or but',
    'if with from by this that there get got please help hello hi thanks thank ok okay',
    // ru
    'что чё че как где когда куда почему или и в во на с со по за от до из у к не ни да нет мне меня мой моя моё мои',
    'я ты он она они мы вы это этот эта если ли бы же то так вот при для про надо можно нужно',
    'делать сделать помогите пожалуйста подскажите скажите здравствуйте привет салам спасибо дела рахмат ассалому',
    // ky
    'эмне кантип кайда качан ким мен сен ал биз силер сиз алар менин мага болобу болот керек керекпи эмнеге',
    'жана менен үчүн деп да де эле бул ошол го ба беле',
    // uz
    'nima qanday qayerda qachon kim men sen u biz siz ular mening menga bilan uchun va ham bu',
    'kerak kerakmi mumkin mumkinmi qilsa qilaman nega',
    'нима қандай қаерда қачон мен менга билан учун ва ҳам бу керак керакми мумкин мумкинми',
    // tg
    'чи чӣ чиро кучо куҷо кай ки ман ту вай мо шумо онҳо ба дар аз ва ҳам ин он бо барои аст кунам мешавад',
    'chi kujo kucho man ba dar az va ham in on bo baroi ast kunam meshavad rahmat raxmat tashakkur',
    'ташаккур ташакур салом',
  ]
    .join(' ')
    .split(/\s+/)
    .map((w) => skeleton(w))
    .filter(Boolean),
)

export interface QueryWord {
  word: string
  /** The word's trigrams (or " xy " for a one/two-letter word), OR-ed in the trigram indexes. */
  grams: string[]
  /** `prefix*` (or `xy` for a short word), for the word indexes. */
  prefix: string
  /** Trigrams for the coverage check (with the spaces around a short word; repeats kept). */
  coverGrams: string[]
  /** What must appear verbatim for an article to count as found: " 90 " for short words, else a 4+ letter prefix. */
  stem: string
}

export interface Query {
  /** Every trigram of every word (each once), for one OR over all words. */
  terms: string[]
  words: QueryWord[]
  /** Each word's `prefix`, in word order (the word-index query). */
  prefixes: string[]
}

/** The text a question is searched as: its first MAX_QUERY_CHARS characters, in skeleton spelling. */
export function questionText(query: string): string {
  return skeleton(String(query).slice(0, MAX_QUERY_CHARS))
}

function trigrams(word: string): string[] {
  const out: string[] = []
  for (let i = 0; i + 3 <= word.length; i++) out.push(word.slice(i, i + 3))
  return out
}

function stemOf(word: string): string {
  if (word.length <= 2) return ` ${word} `
  if (word.length <= 4) return word
  return word.slice(0, Math.max(4, Math.ceil(word.length * 0.6)))
}

/** Turns skeleton text (`questionText`) into query terms, or null when nothing searchable is left. */
export function buildQuery(text: string, prefixLength: number): Query | null {
  if (!text) return null
  // Distinct words that are not filler, the first MAX_WORDS of them. No real word is longer than MAX_WORD_CHARS; a
  // pasted hash or URL must not become hundreds of trigrams. Only greetings and filler ("hello", "как дела", "how are
  // you") leave nothing to look for.
  const seen = new Set<string>()
  const used: string[] = []
  for (const token of text.split(' ')) {
    if (!token) continue
    const word = token.slice(0, MAX_WORD_CHARS)
    if (seen.has(word)) continue
    seen.add(word)
    if (STOPWORDS.has(word)) continue
    used.push(word)
    if (used.length === MAX_WORDS) break
  }
  const all = new Set<string>()
  const words: QueryWord[] = []
  for (const word of used) {
    if (!/^[a-z0-9]+$/.test(word)) continue
    // A one/two-letter word ("90", "kg", "3") only matches as a whole word: " 90 " is two trigrams with the spaces.
    const coverGrams = word.length >= 3 ? trigrams(word) : [` ${word}`, `${word} `]
    // Each trigram once; past MAX_TERMS only those already asked for.
    const open = all.size < MAX_TERMS
    const grams = word.length >= 3 ? coverGrams.filter((t, i) => coverGrams.indexOf(t) === i && (open || all.has(t))) : [` ${word} `].filter((t) => open || all.has(t))
    if (grams.length === 0) continue
    for (const t of grams) all.add(t)
    words.push({
      word,
      grams,
      prefix: word.length <= 2 ? word : `${word.slice(0, Math.max(3, prefixLength))}*`,
      coverGrams,
      stem: stemOf(word),
    })
  }
  if (words.length === 0) return null
  return { terms: [...all], words, prefixes: words.map((w) => w.prefix) }
}
