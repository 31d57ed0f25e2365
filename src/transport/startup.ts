import { GrammyError, HttpError, type Bot, type Transformer } from 'grammy'
import { describeError, type Logger } from '../logger.js'

/** A start-up problem worth one line to the operator, no stack. */
export class StartupError extends Error {}

export interface ConnectOptions {
  /** Where the Bot API is, for the message. */
  apiRoot: string
  /** How long start-up may wait for the Bot API in all. */
  timeoutMs: number
  /** One getMe attempt at most. */
  attemptMs?: number
  sleep?: (ms: number) => Promise<void>
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The first Bot API call (getMe), bounded: auto-retry would retry network errors forever and
 * silently, so this runs before it is installed. Says what it waits for, retries with a growing
 * pause, and gives up with one line after `timeoutMs`. A refused token fails at once.
 */
export async function connect(bot: Bot<any>, logger: Logger, options: ConnectOptions): Promise<void> {
  const sleep = options.sleep ?? pause
  const deadline = Date.now() + options.timeoutMs
  let delay = 1000
  let lastError = ''
  for (let attempt = 1; ; attempt++) {
    const left = deadline - Date.now()
    try {
      // bot.init() would retry on its own until aborted: one getMe per attempt instead.
      bot.botInfo = await bot.api.getMe(AbortSignal.timeout(Math.max(1, Math.min(options.attemptMs ?? 10_000, left))) as Parameters<typeof bot.api.getMe>[0])
      logger.info({ bot: bot.botInfo.username }, 'connected to the Bot API')
      return
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        throw new StartupError(`BOT_TOKEN was refused by the Bot API at ${options.apiRoot} (${error.error_code} ${error.description})`)
      }
      lastError = describeError(error).message
      // grammY's HttpError hides the reason (ECONNREFUSED, a timeout) in its cause.
      const cause = error instanceof HttpError ? (error.error as { code?: string; cause?: { code?: string }; name?: string }) : undefined
      const detail = cause?.code ?? cause?.cause?.code ?? (cause?.name === 'AbortError' || cause?.name === 'TimeoutError' ? 'no answer' : undefined)
      if (detail) lastError += ` (${detail})`
    }
    if (Date.now() + delay >= deadline) break
    logger.warn({ attempt, api: options.apiRoot, retry_in_ms: delay, err: lastError }, 'waiting for the Bot API (getMe)')
    await sleep(delay)
    delay = Math.min(delay * 2, 15_000)
  }
  throw new StartupError(`The Bot API at ${options.apiRoot} did not answer getMe within ${Math.round(options.timeoutMs / 1000)} s (BOT_API_ROOT, STARTUP_TIMEOUT_SECONDS): ${lastError}`)
}

/**
 * Command menus are cosmetic: a failure (an emulator without setMyCommands, a 5xx) is logged and
 * tried again later, never in the way of serving updates. Timers do not keep the process alive.
 */
export function registerInBackground(task: () => Promise<void>, name: string, logger: Logger, delaysMs = [60_000, 300_000, 900_000, 3_600_000]): void {
  const attempt = (i: number) => {
    task().then(
      () => logger.debug({ task: name }, 'done'),
      (error: unknown) => {
        const retryIn = delaysMs[i]
        logger.warn({ task: name, err: describeError(error).message, retry_in_ms: retryIn ?? null }, `${name} failed; the bot serves without it`)
        if (retryIn !== undefined) setTimeout(() => attempt(i + 1), retryIn).unref()
      },
    )
  }
  attempt(0)
}

/**
 * A transformer that logs each failed Bot API call (method and error only, never the payload):
 * installed under auto-retry, it shows every retry during an outage.
 */
export function logFailedCalls(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal)
      if (!result.ok && (result.error_code === 429 || result.error_code >= 500)) {
        logger.warn({ method, code: result.error_code, err: result.description }, 'Bot API call failed; retrying')
      }
      return result
    } catch (error) {
      logger.warn({ method, err: describeError(error).message }, 'Bot API unreachable; retrying')
      throw error
    }
  }
}
