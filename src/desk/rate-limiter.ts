/**
 * Telegram's sending limits, as a sliding window per chat and overall: about 30 messages a second
 * in total, 1 a second in a private chat, 20 a minute in a group. Pure: the caller passes the time.
 */
export interface RateLimits {
  globalPerSecond: number
  privatePerSecond: number
  groupPerMinute: number
}

export const TELEGRAM_LIMITS: RateLimits = { globalPerSecond: 30, privatePerSecond: 1, groupPerMinute: 20 }

export class RateLimiter {
  private readonly sent: { chatId: number; at: number }[] = []

  constructor(private readonly limits: RateLimits | null = TELEGRAM_LIMITS) {}

  /** Milliseconds to wait before a message to this chat may go (0 = now). */
  waitFor(chatId: number, now: number): number {
    if (!this.limits) return 0
    this.forget(now - 60_000)
    const lastSecond = this.sent.filter((s) => s.at > now - 1000)
    const waits = [0]
    if (lastSecond.length >= this.limits.globalPerSecond) waits.push(lastSecond[0]!.at + 1000 - now)
    const toChat = this.sent.filter((s) => s.chatId === chatId)
    if (chatId < 0) {
      if (toChat.length >= this.limits.groupPerMinute) waits.push(toChat[toChat.length - this.limits.groupPerMinute]!.at + 60_000 - now)
    } else {
      const recent = toChat.filter((s) => s.at > now - 1000)
      if (recent.length >= this.limits.privatePerSecond) waits.push(recent[recent.length - this.limits.privatePerSecond]!.at + 1000 - now)
    }
    return Math.max(...waits)
  }

  /** Sends of every kind in the last second (alerts leave part of the second to the lawyers' traffic). */
  sentInLastSecond(now: number): number {
    return this.limits ? this.sent.filter((s) => s.at > now - 1000).length : 0
  }

  record(chatId: number, now: number): void {
    this.sent.push({ chatId, at: now })
  }

  private forget(before: number): void {
    while (this.sent.length && this.sent[0]!.at <= before) this.sent.shift()
  }
}

/** Exponential backoff for 5xx and network failures: 5 s, 10 s, 20 s … capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(5000 * 2 ** Math.max(0, attempts - 1), 3_600_000)
}
