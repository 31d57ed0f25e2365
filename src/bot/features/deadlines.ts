import { createConversation } from '@grammyjs/conversations'
import { Composer, InlineKeyboard, InputFile } from '../composer.js'
import { ALL_OFFSETS, deleteDeadlineDates, findDeadlineDates, setReminders, type SavedDeadlines } from '../../db/deadlines.js'
import { calendarFile, computeDeadlines, todayInRussia } from '../../deadlines/compute.js'
import type { ReminderOffset } from '../../deadlines/types.js'
import { formatDay } from '../../numbers/read-date.js'
import { scrubFile } from '../../privacy/erase.js'
import type { BotContext, ConvContext } from '../context.js'
import { DEADLINES, deadlinesConversation, sendDeadlineList } from '../conversations/deadlines.js'
import { startLegalRequest } from './legal-request.js'

/**
 * /deadlines: the questions the first time; afterwards the saved list with buttons to change the answers, set the
 * reminders (on/off, which days before), add the dates to the phone's calendar (.ics) or delete them. Every button
 * reads the saved dates again, so old, repeated or forged presses get a popup and change nothing.
 */
const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')
privateChat.use(createConversation<BotContext, ConvContext>(deadlinesConversation, { id: DEADLINES, maxMillisecondsToWait: 24 * 60 * 60 * 1000 }))

const articleTitle = (ctx: BotContext) => (id: string) => ctx.content.articles.get(id, ctx.locale)?.title

async function show(ctx: BotContext) {
  ctx.logger.info({ handler: 'deadlines:show' })
  await ctx.conversation.exitAll()
  const saved = findDeadlineDates(ctx.db, ctx.from!.id)
  if (!saved) return ctx.conversation.enter(DEADLINES)
  await sendDeadlineList(ctx, saved.answers, todayInRussia(ctx.clock()), saved.remindersOn, articleTitle(ctx))
}

privateChat.command('deadlines', show)
privateChat.callbackQuery(/^(menu:deadlines|dl:open)$/, async (ctx) => {
  await ctx.answerCallbackQuery()
  await show(ctx)
})

/** Runs `action` with the saved dates, or tells the person there are none (deleted, or an old button). */
async function withSaved(ctx: BotContext, action: (saved: SavedDeadlines) => Promise<unknown>): Promise<void> {
  const saved = findDeadlineDates(ctx.db, ctx.from!.id)
  if (!saved) {
    await ctx.answerCallbackQuery({ text: ctx.t('deadlines:noDates') })
    return
  }
  await ctx.answerCallbackQuery()
  await action(saved)
}

privateChat.callbackQuery('dl:edit', async (ctx) => {
  await ctx.answerCallbackQuery()
  await ctx.conversation.exitAll()
  await ctx.conversation.enter(DEADLINES)
})

function remindersView(ctx: BotContext, saved: Pick<SavedDeadlines, 'remindersOn' | 'offsets'>) {
  const t = ctx.t
  const kb = new InlineKeyboard()
  if (saved.remindersOn) {
    for (const o of ALL_OFFSETS) kb.text(`${saved.offsets.includes(o) ? '✅' : '▫️'} ${t('deadlines:daysBefore', { count: o })}`, `dl:r:${o}`)
    kb.row().text(t('deadlines:button.stop'), 'dl:r:off')
  } else kb.text(t('deadlines:button.start'), 'dl:r:on')
  const state = !saved.remindersOn ? t('deadlines:reminders.off') : saved.offsets.length ? t('deadlines:reminders.on', { days: saved.offsets.join(', ') }) : t('deadlines:reminders.none')
  return { text: `${t('deadlines:reminders.title')}\n\n${state}`, reply_markup: kb }
}

privateChat.callbackQuery('dl:rem', (ctx) => withSaved(ctx, (saved) => ctx.reply(remindersView(ctx, saved).text, { reply_markup: remindersView(ctx, saved).reply_markup })))

privateChat.callbackQuery(/^dl:r:(on|off|7|3|1)$/, (ctx) =>
  withSaved(ctx, async (saved) => {
    const choice = ctx.match[1]!
    const now = ctx.clock()
    if (choice === 'on' || choice === 'off') setReminders(ctx.db, ctx.from.id, { on: choice === 'on', ...(choice === 'on' && saved.offsets.length === 0 ? { offsets: ALL_OFFSETS } : {}) }, now)
    else {
      const o = Number(choice) as ReminderOffset
      setReminders(ctx.db, ctx.from.id, { offsets: saved.offsets.includes(o) ? saved.offsets.filter((x) => x !== o) : [...saved.offsets, o] }, now)
    }
    ctx.logger.info({ handler: 'deadlines:reminders', choice })
    const view = remindersView(ctx, findDeadlineDates(ctx.db, ctx.from.id)!)
    await ctx.editMessageText(view.text, { reply_markup: view.reply_markup }).catch(() => undefined)
  }),
)

/** "Stop reminders" under a reminder message. */
privateChat.callbackQuery('dl:off', (ctx) =>
  withSaved(ctx, async () => {
    setReminders(ctx.db, ctx.from.id, { on: false }, ctx.clock())
    await ctx.reply(ctx.t('deadlines:reminders.stopped'))
  }),
)

/** The dates as an .ics file with alarms on the chosen days, so the phone reminds even without the bot. */
privateChat.callbackQuery('dl:ics', (ctx) =>
  withSaved(ctx, async (saved) => {
    const now = ctx.clock()
    const report = computeDeadlines(saved.answers, todayInRussia(now))
    const upcoming = report.deadlines.filter((d) => d.status !== 'overdue')
    if (upcoming.length === 0) return ctx.reply(ctx.t('deadlines:calendar.none'))
    const plain = (key: string) => ctx.t(key, { interpolation: { escapeValue: false } })
    const ics = calendarFile(upcoming, (d) => `${plain(`deadlines:title.${d.kind}`)} (${formatDay(d.date)})`, saved.remindersOn ? saved.offsets : [], now)
    ctx.logger.info({ handler: 'deadlines:calendar', events: upcoming.length })
    await ctx.replyWithDocument(new InputFile(Buffer.from(ics, 'utf8'), 'joldosh-deadlines.ics'), { caption: ctx.t('deadlines:calendar.caption') })
  }),
)

privateChat.callbackQuery('dl:del', (ctx) =>
  withSaved(ctx, () =>
    ctx.reply(ctx.t('deadlines:delete.confirm'), {
      reply_markup: new InlineKeyboard().text(ctx.t('deadlines:delete.yes'), 'dl:del:yes').text(ctx.t('deadlines:delete.no'), 'dl:del:no'),
    }),
  ),
)

privateChat.callbackQuery(/^dl:del:(yes|no)$/, async (ctx) => {
  if (ctx.match[1] === 'no') {
    await ctx.answerCallbackQuery()
    return ctx.editMessageText(ctx.t('deadlines:delete.kept')).catch(() => undefined)
  }
  const deleted = ctx.db.transaction((tx) => deleteDeadlineDates(tx, ctx.from.id))
  await ctx.answerCallbackQuery(deleted ? {} : { text: ctx.t('deadlines:noDates') })
  if (!deleted) return
  // As with /deletemydata: the deleted dates must not linger in the WAL.
  scrubFile(ctx.db)
  ctx.logger.info({ handler: 'deadlines:delete' })
  await ctx.editMessageText(ctx.t('deadlines:delete.done')).catch(() => undefined)
})

privateChat.callbackQuery('dl:lawyer', async (ctx) => {
  await ctx.answerCallbackQuery()
  await startLegalRequest(ctx, { topic: 'documents' })
})

/** Any other dl: data (old versions, forged): a popup, nothing changes. */
privateChat.callbackQuery(/^dl:/, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') }))

export { composer as deadlinesFeature }
