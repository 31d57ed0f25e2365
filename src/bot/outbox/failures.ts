import { GrammyError, HttpError } from 'grammy'
import { findRequest } from '../../db/legal-requests.js'
import type { OutboxRow } from '../../db/outbox.js'
import { describeError } from '../../logger.js'
import type { OutboxDependencies } from './types.js'

/**
 * What a failed delivery means:
 * - `transient`: 429, 5xx, network: try again after retry_after or a back-off.
 * - `group`: the lawyers' group cannot be written to (bot not added yet, kicked, no rights): try
 *   again with a back-off and tell the admins; a request is never given up while it is open.
 * - `person`: the person blocked the bot or is gone: undeliverable; the lawyer is told.
 * - `refused`: any other 400: Telegram will refuse it every time; failed, and the sender is told.
 */
export type FailureKind = 'transient' | 'group' | 'person' | 'refused'

const GROUP_CLOSED = /chat not found|bot was kicked|bot is not a member|not enough rights|have no rights|CHAT_WRITE_FORBIDDEN|CHAT_ADMIN_REQUIRED|need administrator rights|group chat was upgraded|TOPIC_CLOSED/i
const PERSON_GONE = /blocked by the user|user is deactivated|chat not found|bot can't initiate conversation/i

export function classifyFailure(error: unknown, lawyersChatId: number | undefined): FailureKind {
  if (!(error instanceof GrammyError)) return 'transient'
  if (error.error_code === 429 || error.error_code >= 500) return 'transient'
  const chatId = Number((error.payload as { chat_id?: unknown } | undefined)?.chat_id)
  const inGroup = lawyersChatId !== undefined && chatId === lawyersChatId
  if (inGroup && (error.error_code === 403 || GROUP_CLOSED.test(error.description))) return 'group'
  if (!inGroup && (error.error_code === 403 || PERSON_GONE.test(error.description))) return 'person'
  return error.error_code === 400 || error.error_code === 403 ? 'refused' : 'transient'
}

export const isNetworkError = (error: unknown) => error instanceof HttpError

type Payload = Record<string, any>

/**
 * Tells whoever sent what could not be delivered, in their chat and language. Best effort: a
 * failure here is logged, never retried (it must not loop).
 */
export async function tellSender(deps: OutboxDependencies, row: OutboxRow, kind: FailureKind, error: unknown): Promise<void> {
  const { api, config, db, i18n, logger } = deps
  const payload = JSON.parse(row.payload) as Payload
  const request = row.requestId ? findRequest(db, row.requestId) : undefined
  const reference = request?.reference ?? ''
  const groupT = i18n.getFixedT(config.lawyersLanguage)
  const errorText = describeError(error).message.slice(0, 200)
  try {
    if ((row.kind === 'lawyer.message' || row.kind === 'lawyer.phrase' || (row.kind === 'relay.edit' && payload.side === 'client')) && config.lawyersChatId !== undefined) {
      const reason = groupT(`desk:delivery.reason.${kind === 'person' ? 'blocked' : 'refused'}`, { error: errorText })
      const replyTo = payload.groupMessageId ? { reply_parameters: { message_id: payload.groupMessageId, allow_sending_without_reply: true } } : {}
      const where = request?.groupThreadId && !payload.groupMessageId ? { message_thread_id: request.groupThreadId } : {}
      await api.sendMessage(config.lawyersChatId, groupT('desk:delivery.notDelivered', { reference, reason }), { parse_mode: 'HTML', ...replyTo, ...where })
      return
    }
    if ((row.kind === 'request.message' || (row.kind === 'relay.edit' && payload.side === 'group')) && request) {
      const t = i18n.getFixedT(request.language)
      const replyTo = payload.clientMessageId ? { reply_parameters: { message_id: payload.clientMessageId, allow_sending_without_reply: true } } : {}
      await api.sendMessage(request.chatId, t('desk:delivery.toClientFailed', { reference }), { parse_mode: 'HTML', ...replyTo })
      return
    }
    // Cards, notices, reports: our own messages; the admins hear of it in private.
    await tellAdmins(deps, groupT('desk:delivery.failedEvent', { reference: reference || `#${row.id}`, error: errorText }))
  } catch (notifyError) {
    logger.warn({ outbox_id: row.id, err: describeError(notifyError).message }, 'could not tell the sender about a failed delivery')
  }
}

/** A private message to each admin; one who never opened the bot simply does not get it. */
export async function tellAdmins(deps: OutboxDependencies, html: string): Promise<void> {
  for (const adminId of deps.config.adminIds) {
    await deps.api.sendMessage(adminId, html, { parse_mode: 'HTML' }).catch((error: unknown) => {
      deps.logger.warn({ admin: adminId, err: describeError(error).message }, 'could not alert an admin')
    })
  }
}
