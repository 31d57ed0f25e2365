import { and, eq } from 'drizzle-orm'
import type { Db } from './client.js'
import { keyValueStorage } from './key-value-storage.js'
import type { DbOrTx } from './legal-requests.js'
import { deskPrompts, legalRequests, relayedMessages } from './schema.js'

export type RelayedMessage = typeof relayedMessages.$inferSelect

export function recordRelay(db: DbOrTx, row: Omit<RelayedMessage, 'id'>): void {
  db.insert(relayedMessages).values(row).onConflictDoNothing().run()
}

export function relayByGroupMessage(db: Db, groupChatId: number, groupMessageId: number): RelayedMessage | undefined {
  return db.select().from(relayedMessages).where(and(eq(relayedMessages.groupChatId, groupChatId), eq(relayedMessages.groupMessageId, groupMessageId))).get()
}

export function relayByClientMessage(db: Db, clientChatId: number, clientMessageId: number): RelayedMessage | undefined {
  return db.select().from(relayedMessages).where(and(eq(relayedMessages.clientChatId, clientChatId), eq(relayedMessages.clientMessageId, clientMessageId))).get()
}

/** The request whose topic or card a lawyers' group message belongs to. */
export function requestByThread(db: Db, threadId: number) {
  return db.select().from(legalRequests).where(eq(legalRequests.groupThreadId, threadId)).get()
}

export function requestByCard(db: Db, cardMessageId: number) {
  return db.select().from(legalRequests).where(eq(legalRequests.cardMessageId, cardMessageId)).get()
}

export function setRequestCard(db: Db, requestId: number, card: { threadId: number | null; messageId: number }): void {
  db.update(legalRequests).set({ groupThreadId: card.threadId, cardMessageId: card.messageId }).where(eq(legalRequests.id, requestId)).run()
}

export type DeskPrompt = typeof deskPrompts.$inferSelect

export function savePrompt(db: Db, prompt: DeskPrompt): void {
  db.insert(deskPrompts).values(prompt).onConflictDoNothing().run()
}

export function findPrompt(db: Db, chatId: number, messageId: number): DeskPrompt | undefined {
  return db.select().from(deskPrompts).where(and(eq(deskPrompts.chatId, chatId), eq(deskPrompts.messageId, messageId))).get()
}

const ANSWERED = 'answered:'

/** Whether the bot's question was answered already (the row stays, so a second reply is recognised). */
export const isAnswered = (prompt: DeskPrompt) => prompt.action.startsWith(ANSWERED)

/** Takes the question's action once: a second reply to the same question gets nothing. */
export function takePrompt(db: Db, chatId: number, messageId: number): DeskPrompt | undefined {
  const prompt = findPrompt(db, chatId, messageId)
  if (!prompt || isAnswered(prompt)) return undefined
  const taken = db
    .update(deskPrompts)
    .set({ action: ANSWERED + prompt.action })
    .where(and(eq(deskPrompts.chatId, chatId), eq(deskPrompts.messageId, messageId), eq(deskPrompts.action, prompt.action)))
    .returning()
    .get()
  return taken ? prompt : undefined
}

export interface IntakeState {
  paused: boolean
  message?: string
  /** When and by whom intake was paused (ISO time, Telegram id). */
  since?: string
  by?: number
}

/** Whether new non-urgent requests are accepted (admins pause it when the lawyers are full). */
export function intakeState(db: Db): IntakeState {
  return keyValueStorage<IntakeState>(db, 'setting:', () => new Date()).read('intake') ?? { paused: false }
}

export function setIntakeState(db: Db, state: IntakeState, now: Date): void {
  keyValueStorage<IntakeState>(db, 'setting:', () => now).write('intake', state)
}
