import { createHmac } from 'node:crypto'
import { pino, type Logger } from 'pino'

export type { Logger }

/**
 * Structured logs on stderr (stdout is the chat in local mode).
 * Never pass message texts, names or phone numbers: log ids and outcomes only.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined }, pino.destination(2))
}

/** Error name and message only: payloads may carry what the user typed, so they are never logged. */
export function describeError(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message.slice(0, 300) }
    : { name: 'unknown', message: String(error).slice(0, 300) }
}

/** Log fields that hold a Telegram user or chat id. */
const ID_FIELDS = ['chat_id', 'user_id', 'from_id', 'actor_id', 'lawyer_id', 'client_chat_id'] as const

/** A keyed hash of a Telegram id: the same person reads the same in the logs, but the logs alone cannot say who. */
export function pseudonymId(key: Buffer, id: unknown): unknown {
  if (typeof id !== 'number' && typeof id !== 'string') return id
  return `p_${createHmac('sha256', key).update(String(id)).digest('hex').slice(0, 12)}`
}

/**
 * A child logger that writes every Telegram id as a pseudonym (keyed hash), so a log line such as
 * "chat X opened the detention article" cannot be tied to a person without the key.
 */
export function pseudonymousLogger(logger: Logger, key: Buffer): Logger {
  // An HMAC per logged id adds up (a child logger per update hashes its chat id): the last few thousand are remembered.
  const known = new Map<unknown, unknown>()
  const pseudonym = (id: unknown) => {
    let p = known.get(id)
    if (p === undefined) {
      if (known.size >= 10_000) known.clear()
      known.set(id, (p = pseudonymId(key, id)))
    }
    return p
  }
  const serializers = Object.fromEntries(ID_FIELDS.map((field) => [field, pseudonym]))
  return logger.child({}, { serializers })
}
