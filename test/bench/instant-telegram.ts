import type { UserFromGetMe } from 'grammy/types'
import { makeBotInfo } from '../../src/transport/fake-telegram.js'

/**
 * The cheapest Bot API there can be, at grammY's `client.fetch`: every call succeeds at once and a
 * send returns a message with a fresh id. Both benchmarked bots get the same one, so its own cost
 * (parsing grammY's JSON body) is the same on both sides. Calls are counted per update, not kept.
 */
export class InstantTelegram {
  readonly botInfo: UserFromGetMe = makeBotInfo()
  /** Bot API calls since the last `take()`. */
  calls = 0
  /** Called on every Bot API call (the bench counts calls per update with it when updates overlap). */
  onCall: () => void = () => undefined
  private nextMessageId = 1

  readonly fetch = async (_url: unknown, init?: { body?: unknown }): Promise<{ json(): Promise<unknown> }> => {
    this.calls++
    this.onCall()
    const payload = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {}
    const chatId = Number(payload.chat_id ?? 0)
    const result =
      payload.text !== undefined && payload.message_id === undefined
        ? { message_id: this.nextMessageId++, date: 0, chat: { id: chatId, type: 'private' }, from: this.botInfo, text: payload.text }
        : true
    return { json: async () => ({ ok: true, result }) }
  }

  /** The calls made since the last take, reset to 0. */
  take(): number {
    const n = this.calls
    this.calls = 0
    return n
  }

  newMessageId(): number {
    return this.nextMessageId++
  }
}
