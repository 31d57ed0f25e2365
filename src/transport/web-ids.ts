/**
 * Web visitors get private chat ids that no Telegram chat can have: Telegram's user ids fit in
 * 52 bits (and groups are negative), so web ids start at 2^52 and stay safe JavaScript integers
 * (2^53 − 1), which SQLite stores exactly. The desk and the outbox see them as ordinary chats.
 */
export const WEB_CHAT_ID_MIN = 2 ** 52
export const WEB_CHAT_ID_MAX = Number.MAX_SAFE_INTEGER

export function isWebChatId(id: unknown): boolean {
  const n = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= WEB_CHAT_ID_MIN
}

/** The n-th web visitor's chat id (n ≥ 1). */
export function webChatId(n: number): number {
  const id = WEB_CHAT_ID_MIN + n
  if (!Number.isSafeInteger(id)) throw new Error('web chat ids are exhausted')
  return id
}
