import { Composer, InlineKeyboard, InputFile } from '../composer.js'
import { erasePerson } from '../../privacy/erase.js'
import { collectMyData, type MyData } from '../../privacy/my-data.js'
import type { BotContext } from '../context.js'
import { formatDateTime } from '../format.js'
import { LANGUAGE_NAMES } from '../keyboards/language.js'
import { newsLine } from './news.js'

/**
 * /mydata and /deletemydata. Installed before the conversations, like /cancel: a person in the middle of a
 * request must be able to delete everything, and a running conversation would take the command.
 */
const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')

privateChat.command('deletemydata', async (ctx) => {
  const kb = new InlineKeyboard().text(ctx.t('requests:deleteYes'), 'data:delete-yes').row().text(ctx.t('requests:deleteNo'), 'data:delete-no')
  await ctx.reply(ctx.t('requests:deleteConfirm'), { reply_markup: kb })
})

privateChat.callbackQuery(/^data:delete-(yes|no)$/, async (ctx) => {
  await ctx.answerCallbackQuery()
  if (ctx.match[1] === 'no') return ctx.editMessageText(ctx.t('requests:deleteKept'))
  const t = ctx.t
  await ctx.conversation.exitAll()
  const removed = erasePerson(ctx.db, ctx.from.id, ctx.clock())
  // The session row was deleted with the rest; do not write it back at the end of this update.
  ctx.session = null as never
  ctx.logger.info({ handler: 'privacy:delete-data', removed })
  await ctx.editMessageText(t('requests:deleted', { count: removed }))
})

/** What is kept, in the person's words: kinds of data and counts, never the texts themselves. */
function summary(ctx: BotContext, data: MyData): string {
  const t = ctx.t
  const lines = [t('privacy:mydata.title'), '']
  if (data.language) lines.push(t('privacy:mydata.language', { language: LANGUAGE_NAMES[data.language as keyof typeof LANGUAGE_NAMES] ?? data.language }))
  if (data.firstSeenAt) lines.push(t('privacy:mydata.firstSeen', { date: formatDateTime(new Date(data.firstSeenAt)) }))
  lines.push(data.requests.length ? t('privacy:mydata.requestsTitle') : t('privacy:mydata.requestsNone'))
  for (const r of data.requests) {
    lines.push(t('privacy:mydata.request', { reference: r.reference, status: t(`requests:status.${r.status}`), date: formatDateTime(new Date(r.createdAt)) }))
    const items = [
      t('privacy:mydata.itemDescription'),
      ...(r.contactPhone ? [t('privacy:mydata.itemPhone')] : []),
      ...(r.subjectName ? [t('privacy:mydata.itemName')] : []),
      t('privacy:mydata.itemMessages', { count: r.messages.length }),
      t('privacy:mydata.itemFiles', { count: r.files.length }),
    ]
    lines.push(t('privacy:mydata.holds', { items: items.join(', ') }))
  }
  if (data.conversationInProgress) lines.push(t('privacy:mydata.draft'))
  if (data.session?.familyAnswers) lines.push(t('privacy:mydata.benefits'))
  if (data.deadlines) lines.push(t('deadlines:mydata', { count: data.deadlines.reminders.filter((r) => !r.sent).length }))
  if (data.news) lines.push(newsLine(ctx, data.news))
  lines.push('', t('privacy:mydata.whoSees'), t('privacy:mydata.howLong', { count: ctx.config.retentionDays }), '', t('privacy:mydata.actions'))
  return lines.join('\n')
}

privateChat.command('mydata', async (ctx) => {
  ctx.logger.info({ handler: 'privacy:mydata' })
  const kb = new InlineKeyboard().text(ctx.t('privacy:mydata.fileButton'), 'data:file')
  await ctx.reply(summary(ctx, collectMyData(ctx.db, ctx.from.id)), { parse_mode: 'HTML', reply_markup: kb })
})

/** The file with all of it: JSON, readable in any text viewer, sent only into the person's own chat. */
privateChat.callbackQuery('data:file', async (ctx) => {
  await ctx.answerCallbackQuery()
  const data = collectMyData(ctx.db, ctx.from.id)
  const now = ctx.clock()
  const file = new InputFile(Buffer.from(JSON.stringify(data, null, 2), 'utf8'), `joldosh-my-data-${now.toISOString().slice(0, 10)}.json`)
  ctx.logger.info({ handler: 'privacy:mydata-file', requests: data.requests.length })
  await ctx.replyWithDocument(file, { caption: ctx.t('privacy:mydata.fileCaption', { date: formatDateTime(now) }) })
})

export { composer as myDataFeature }
