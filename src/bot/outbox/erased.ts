import { saveOutboxProgress, type OutboxRow } from '../../db/outbox.js'
import type { LegalRequest } from '../../db/legal-requests.js'
import type { DeliveryContext } from './types.js'

type Steps = { refreshCard(c: DeliveryContext, r: LegalRequest): Promise<void>; postInThread(c: DeliveryContext, r: LegalRequest, html: string): Promise<number | undefined> }

/**
 * The person deleted their data (or retention erased it): the bot deletes its own copies of their
 * messages and files in the lawyers' group, edits the card to drop the personal text, and (for a
 * person's own deletion) says so in the request's topic. A request whose card was never posted needs nothing.
 */
export async function deliverErasure(c: DeliveryContext, request: LegalRequest, row: OutboxRow, payload: Record<string, any>, steps: Steps): Promise<void> {
  const chatId = c.config.lawyersChatId
  if (chatId === undefined || !request.cardMessageId) return
  if (!payload.copiesDeleted) {
    for (const messageId of payload.deleteMessageIds ?? []) {
      c.recordSend(chatId)
      // Already gone (deleted by hand) is fine; anything else is retried with the event.
      await c.api.deleteMessage(chatId, messageId).catch((error: unknown) => {
        if (!/message to delete not found|message can't be deleted/i.test(String((error as Error).message))) throw error
      })
    }
    saveOutboxProgress(c.db, row.id, { ...payload, copiesDeleted: true })
  }
  await steps.refreshCard(c, request)
  // Retention erases long-finished cases, many at once: the edited card says it, without a message each.
  if (payload.reason === 'person') await steps.postInThread(c, request, c.i18n.getFixedT(c.config.lawyersLanguage)('privacy:desk.erased', { reference: request.reference }))
}
