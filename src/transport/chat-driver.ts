import type { Bot } from 'grammy'
import type { Update } from 'grammy/types'
import type { FakeTelegram, StoredMessage } from './fake-telegram.js'

export interface Button {
  label: string
  callbackData?: string
  url?: string
  requestLocation?: boolean
  requestContact?: boolean
  switchInlineQuery?: string
}

export interface ChatDriverOptions {
  lawyersChatId: number
  userId?: number
  languageCode?: string
  /** The first update id to use; the terminal chat continues from its previous run's. */
  firstUpdateId?: number
}

/**
 * Acts as a person in Telegram: builds the updates a user's actions produce and hands them to the
 * real bot. The tests and the local terminal chat both use it, so they see the same thing.
 */
export class ChatDriver {
  userId: number
  inGroup = false
  threadId: number | undefined
  languageCode: string | undefined
  private nextUpdateId: number
  lastUpdate: Update | undefined

  constructor(
    private bot: Bot<any>,
    readonly telegram: FakeTelegram,
    private readonly options: ChatDriverOptions,
  ) {
    this.userId = options.userId ?? 1000
    this.nextUpdateId = options.firstUpdateId ?? 1
    this.languageCode = options.languageCode
  }

  /** The id the next update will get. */
  get nextUpdate(): number {
    return this.nextUpdateId
  }

  /** After a restart the same person talks to the new bot process. */
  attach(bot: Bot<any>): void {
    this.bot = bot
  }

  get chatId(): number {
    return this.inGroup ? this.options.lawyersChatId : this.userId
  }

  /** Become user `id`, in their private chat or in the lawyers' group (optionally inside a topic). */
  as(userId: number, where: 'private' | 'group' = 'private', threadId?: number): void {
    this.userId = userId
    this.inGroup = where === 'group'
    this.threadId = where === 'group' ? threadId : undefined
  }

  async send(text: string, extra: Record<string, unknown> = {}): Promise<void> {
    const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text)
    const entities = command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : undefined
    await this.sendMessage({ text, ...(entities ? { entities } : {}), ...extra }, text)
  }

  /** Reply (Telegram's reply_to_message) to the most recent bot message in this chat. */
  async reply(text: string): Promise<void> {
    const target = this.latestBotMessage(() => true)
    if (!target) throw new Error('There is no bot message to reply to')
    await this.send(text, { reply_to_message: this.asMessage(target) })
  }

  async shareLocation(latitude: number, longitude: number): Promise<void> {
    await this.sendMessage({ location: { latitude, longitude } }, '')
  }

  async shareContact(phoneNumber: string): Promise<void> {
    await this.sendMessage({ contact: { phone_number: phoneNumber, first_name: `User ${this.userId}`, user_id: this.userId } }, '')
  }

  async sendSticker(extra: Record<string, unknown> = {}): Promise<void> {
    await this.sendMessage({ sticker: { file_id: 'sticker-1', file_unique_id: 's1', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false }, ...extra }, '')
  }

  async sendVoice(extra: Record<string, unknown> = {}): Promise<void> {
    await this.sendMessage({ voice: { file_id: 'voice-1', file_unique_id: 'v1', duration: 3 }, ...extra }, '')
  }

  async sendPhoto(fileId: string, caption?: string, extra: Record<string, unknown> = {}): Promise<void> {
    await this.sendMessage({ photo: [{ file_id: fileId, file_unique_id: `u-${fileId}`, width: 800, height: 600 }], ...(caption ? { caption } : {}), ...extra }, caption ?? '')
  }

  /** What `reply_to_message` looks like for a message in this chat, for replying with anything. */
  replyTo(messageId: number) {
    const stored = this.telegram.message(this.chatId, messageId)
    return { reply_to_message: stored ? this.asMessage(stored) : { ...this.baseMessage(messageId), text: '' } }
  }

  /** The id of the latest message this user sent in the current chat. */
  lastOwnMessageId(): number | undefined {
    let latest: number | undefined
    for (const m of this.telegram.messages.values()) if (m.chatId === this.chatId && !m.fromBot && (!latest || m.messageId > latest)) latest = m.messageId
    return latest
  }

  async sendDocument(fileId: string, fileName: string): Promise<void> {
    await this.sendMessage({ document: { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: fileName } }, '')
  }

  /** Edit a message this user sent earlier (Telegram reports it as `edited_message`). */
  async editMessage(messageId: number, text: string): Promise<void> {
    await this.deliver({
      update_id: this.nextUpdateId++,
      edited_message: { ...this.baseMessage(messageId), text, edit_date: now() },
    } as Update)
  }

  async inlineQuery(query: string): Promise<void> {
    await this.deliver({
      update_id: this.nextUpdateId++,
      inline_query: { id: `iq-${this.nextUpdateId}`, from: this.from(), query, offset: '', chat_type: 'sender' },
    } as Update)
  }

  /** The buttons of the most recent bot message in this chat that has any. */
  buttons(): Button[] {
    const message = this.latestBotMessage((m) => buttonsOf(m).length > 0)
    return message ? buttonsOf(message) : []
  }

  /**
   * Press a button of the most recent message that has buttons: by number (1-based) or by the first
   * label that contains the text, case-insensitive.
   */
  async press(selector: number | string): Promise<Button> {
    const message = this.latestBotMessage((m) => buttonsOf(m).length > 0)
    if (!message) throw new Error('No message with buttons in this chat')
    const buttons = buttonsOf(message)
    const button =
      typeof selector === 'number'
        ? buttons[selector - 1]
        : buttons.find((b) => b.label.toLowerCase().includes(selector.toLowerCase()))
    if (!button) throw new Error(`No button ${JSON.stringify(selector)} among: ${buttons.map((b) => b.label).join(' | ')}`)
    if (button.callbackData !== undefined) {
      await this.pressCallback(button.callbackData, message.messageId)
    } else if (button.requestLocation || button.requestContact || button.url || button.switchInlineQuery !== undefined) {
      // These buttons act outside the chat (share dialogs, links); the caller decides what follows.
    } else {
      await this.send(button.label)
    }
    return button
  }

  /** Press the button that carries this callback data; fails if no such button is on screen. */
  async pressData(data: string): Promise<void> {
    const message = this.latestBotMessage((m) => buttonsOf(m).some((b) => b.callbackData === data))
    if (!message) throw new Error(`No button with data ${data}; on screen: ${this.buttons().map((b) => b.callbackData ?? b.label).join(' | ')}`)
    await this.pressCallback(data, message.messageId)
  }

  /** Sends a callback query with any data, as a forged or stale button would. */
  async pressCallback(data: string, messageId?: number): Promise<void> {
    const target = messageId ?? this.latestBotMessage(() => true)?.messageId ?? 1
    const stored = this.telegram.message(this.chatId, target)
    await this.deliver({
      update_id: this.nextUpdateId++,
      callback_query: {
        id: `cb-${this.nextUpdateId}`,
        from: this.from(),
        chat_instance: `ci-${this.chatId}`,
        data,
        message: stored ? this.asMessage(stored) : { ...this.baseMessage(target), from: this.telegram.botInfo, text: '' },
      },
    } as Update)
  }

  /** Hands Telegram's last update to the bot again, as Telegram does after a timeout. */
  async redeliver(): Promise<void> {
    if (!this.lastUpdate) throw new Error('Nothing was delivered yet')
    await this.bot.handleUpdate(this.lastUpdate)
  }

  private async sendMessage(content: Record<string, unknown>, text: string): Promise<void> {
    const messageId = this.telegram.recordUserMessage(this.chatId, text, this.threadId)
    await this.deliver({ update_id: this.nextUpdateId++, message: { ...this.baseMessage(messageId), ...content } } as Update)
  }

  private async deliver(update: Update): Promise<void> {
    this.lastUpdate = update
    await this.bot.handleUpdate(update)
  }

  private from() {
    return { id: this.userId, is_bot: false, first_name: `User ${this.userId}`, ...(this.languageCode ? { language_code: this.languageCode } : {}) }
  }

  private chat() {
    return this.inGroup
      ? { id: this.chatId, type: 'supergroup' as const, title: 'Lawyers', ...(this.telegram.forumChats.has(this.chatId) ? { is_forum: true } : {}) }
      : { id: this.chatId, type: 'private' as const, first_name: `User ${this.userId}` }
  }

  private baseMessage(messageId: number) {
    return {
      message_id: messageId,
      date: now(),
      chat: this.chat(),
      from: this.from(),
      ...(this.threadId ? { message_thread_id: this.threadId, is_topic_message: true } : {}),
    }
  }

  private asMessage(m: StoredMessage) {
    return {
      message_id: m.messageId,
      date: now(),
      chat: this.chat(),
      from: m.fromBot ? this.telegram.botInfo : this.from(),
      text: m.text,
      ...(m.threadId ? { message_thread_id: m.threadId, is_topic_message: true } : {}),
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
    }
  }

  private latestBotMessage(predicate: (m: StoredMessage) => boolean): StoredMessage | undefined {
    let latest: StoredMessage | undefined
    for (const m of this.telegram.messages.values()) {
      if (m.chatId !== this.chatId || !m.fromBot || !predicate(m)) continue
      if (!latest || m.messageId > latest.messageId) latest = m
    }
    return latest
  }
}

const now = () => Math.floor(Date.now() / 1000)

/** Inline or reply-keyboard buttons of a message, row by row, as a person sees them. */
export function buttonsOf(message: Pick<StoredMessage, 'replyMarkup'>): Button[] {
  const markup = message.replyMarkup
  const rows: any[][] = markup?.inline_keyboard ?? markup?.keyboard ?? []
  return rows.flat().map((b) =>
    typeof b === 'string'
      ? { label: b }
      : {
          label: String(b.text),
          ...(b.callback_data !== undefined ? { callbackData: b.callback_data } : {}),
          ...(b.url ? { url: b.url } : {}),
          ...(b.request_location ? { requestLocation: true } : {}),
          ...(b.request_contact ? { requestContact: true } : {}),
          ...(b.switch_inline_query !== undefined ? { switchInlineQuery: b.switch_inline_query } : {}),
        },
  )
}
