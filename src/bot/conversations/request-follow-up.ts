import { addClientMessage, findRequestOfUser } from '../../db/legal-requests.js'
import { MAX_DESCRIPTION_LENGTH } from '../../requests/lifecycle.js'
import type { ConvContext } from '../context.js'
import { askText, type BotConversation } from './prompts.js'

export const REQUEST_FOLLOW_UP = 'request-follow-up'

/** The person writes one more message to the lawyer on their request. */
export async function requestFollowUpConversation(conversation: BotConversation, ctx: ConvContext, requestId: number) {
  const text = await askText(conversation, ctx, ctx.t('requests:writePrompt'), MAX_DESCRIPTION_LENGTH)
  const reference = await conversation.external((outside) => {
    const clientMessageId = outside.message?.message_id
    // Ownership is checked again at the moment of writing, not only when the button was drawn.
    const request = findRequestOfUser(outside.db, outside.from!.id, requestId)
    if (!request || request.status === 'withdrawn') return null
    addClientMessage(outside.db, request, text, outside.clock(), clientMessageId ? { clientMessageId, media: false } : undefined)
    outside.logger.info({ handler: 'requests:follow-up', request_id: request.id })
    return request.reference
  })
  await ctx.reply(reference ? ctx.t('requests:written', { reference }) : ctx.t('requests:notFound'))
}
