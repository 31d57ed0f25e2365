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
