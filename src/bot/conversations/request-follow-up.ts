import { addClientMessage, findRequestOfUser } from '../../db/legal-requests.js'
import { MAX_DESCRIPTION_LENGTH } from '../../requests/lifecycle.js'
import type { ConvContext } from '../context.js'
import { reprompt, type BotConversation } from './prompts.js'

export const REQUEST_FOLLOW_UP = 'request-follow-up'

/**
 * The person writes one more message to the lawyer on their request: text, or a photo or a
 * document of papers (with a caption, under the same limit as in the request).
 */
export async function requestFollowUpConversation(conversation: BotConversation, ctx: ConvContext, requestId: number) {
  await ctx.reply(ctx.t('requests:writePrompt'), { parse_mode: 'HTML' })
  for (;;) {
    const next = await conversation.wait()
    const message = next.message
    // Stored as sent (not trimmed), so the formatting's offsets still fit the text.
    const text = message?.text ?? message?.caption ?? ''
    const media = Boolean(message?.photo || message?.document)
    if (!message || (!media && (!text.trim() || text.startsWith('/')))) {
      await reprompt(next, 'text')
      continue
    }
    if (text.length > MAX_DESCRIPTION_LENGTH) {
      await next.reply(next.t('conv.tooLong', { max: MAX_DESCRIPTION_LENGTH, length: text.length }))
      continue
    }
    const entities = message.entities ?? message.caption_entities
    const reference = await conversation.external((outside) => {
      // Ownership is checked again at the moment of writing, not only when the button was drawn.
      const request = findRequestOfUser(outside.db, outside.from!.id, requestId)
      if (!request) return null
      if (request.status === 'withdrawn') return { withdrawn: request.reference }
      addClientMessage(outside.db, request, text.trim() ? text : '📎', outside.clock(), { clientMessageId: message.message_id, media, ...(entities ? { entities } : {}) })
      outside.logger.info({ handler: 'requests:follow-up', request_id: request.id, media })
      return { written: request.reference }
    })
    // Withdrawn meanwhile (or deleted): the person is told why their message did not go.
    if (!reference) await next.reply(next.t('requests:notFound'))
    else if ('withdrawn' in reference) await next.reply(next.t('requests:withdrawnNoRelay', { reference: reference.withdrawn }))
    else await next.reply(next.t('requests:written', { reference: reference.written }))
    return
  }
}
