import type { Transformer } from 'grammy'

const EDITS = new Set(['editMessageText', 'editMessageCaption', 'editMessageReplyMarkup'])

/**
 * Views are edited in place when a button is pressed. When that edit cannot happen (the message
 * was deleted, or the same button was pressed twice), the person should still see the view, not
 * "something went wrong": "not modified" is success, and a text whose message is gone is sent anew.
 * Installed on each update's own Api, so the outbox's card edits keep their own handling.
 */
export const editFallback: Transformer = (prev, method, payload, signal) =>
  // Other calls go straight through, without one more async step each.
  EDITS.has(method) ? editOrSend(prev, method, payload, signal) : prev(method, payload, signal)

const editOrSend: Transformer = async (prev, method, payload, signal) => {
  const result = await prev(method, payload, signal)
  if (result.ok) return result
  if (/message is not modified/i.test(result.description)) return { ok: true, result: true } as never
  if (!/message to edit not found|message can't be edited/i.test(result.description)) return result
  if (method !== 'editMessageText' || !('chat_id' in payload)) return { ok: true, result: true } as never
  const { message_id: _gone, inline_message_id: _inline, ...message } = payload as Record<string, unknown>
  return prev('sendMessage', message as never, signal) as never
}
