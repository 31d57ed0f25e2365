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

export function setRequestThread(db: Db, requestId: number, threadId: number): void {
  db.update(legalRequests).set({ groupThreadId: threadId }).where(eq(legalRequests.id, requestId)).run()
}

export type DeskPrompt = typeof deskPrompts.$inferSelect

export function savePrompt(db: Db, prompt: DeskPrompt): void {
  db.insert(deskPrompts).values(prompt).onConflictDoNothing().run()
}

export function findPrompt(db: Db, chatId: number, messageId: number): DeskPrompt | undefined {
  return db.select().from(deskPrompts).where(and(eq(deskPrompts.chatId, chatId), eq(deskPrompts.messageId, messageId))).get()
}

export function takePrompt(db: Db, chatId: number, messageId: number): DeskPrompt | undefined {
  return db.delete(deskPrompts).where(and(eq(deskPrompts.chatId, chatId), eq(deskPrompts.messageId, messageId))).returning().get()
}

export interface IntakeState {
  paused: boolean
  message?: string
}

/** Whether new non-urgent requests are accepted (admins pause it when the lawyers are full). */
export function intakeState(db: Db): IntakeState {
  return keyValueStorage<IntakeState>(db, 'setting:', () => new Date()).read('intake') ?? { paused: false }
}

export function setIntakeState(db: Db, state: IntakeState, now: Date): void {
  keyValueStorage<IntakeState>(db, 'setting:', () => now).write('intake', state)
}
