import { Composer, InlineKeyboard } from '../composer.js'
import { AUDIENCE_VALUES, EVERYONE, toggleAudience } from '../../alerts/audience.js'
import { readMoscowDateTime } from '../../alerts/schedule.js'
import { alertFigures, composingAlert, createAlert, findAlert, recentAlerts, startSending, updateAlert, type Alert } from '../../db/alerts.js'
import { audit } from '../../db/lawyers.js'
import type { BotContext } from '../context.js'
import { isAdmin, requireAdmin } from '../desk/roles.js'
import { formatDateTime } from '../format.js'
import { showView } from '../show.js'
import { afterText, articleView, askText, audienceCount, audienceView, FIELD_CODES, parseStep, readAlertText, sendPreview, TEXT_ORDER } from './alerts-compose.js'
import { alertTitle, figuresText, progressText } from './alerts-view.js'
import { progressKey } from '../../alerts/throttle.js'

/**
 * /alert for the NGO's admins, in the lawyers' group or a private chat: compose (text per language,
 * article, audience), preview, then send, schedule or cancel; and the figures of the last alerts.
 * The admin role is checked on every step and every button press, whatever the button says.
 */
const composer = new Composer<BotContext>()

function menu(ctx: BotContext) {
  const kb = new InlineKeyboard().text(ctx.t('alerts:admin.new'), 'al:new').row().text(ctx.t('alerts:admin.last'), 'al:last')
  return { text: ctx.t('alerts:admin.menu'), keyboard: kb }
}

composer.command('alert', async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  if (ctx.chat.type === 'private') await ctx.conversation.exitAll()
  await ctx.reply(menu(ctx).text, { parse_mode: 'HTML', reply_markup: menu(ctx).keyboard })
})

/** The alert buttons (al:…); any other update passes with one check instead of one per button. */
const buttons = composer.filter((ctx) => ctx.callbackQuery?.data?.startsWith('al:') === true)

buttons.callbackQuery('al:new', async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  await ctx.answerCallbackQuery()
  const alert = createAlert(ctx.db, { createdBy: ctx.from.id, chatId: ctx.chat!.id, audience: EVERYONE }, ctx.clock())
  audit(ctx.db, ctx.from.id, 'alert:new', null, ctx.clock(), String(alert.id))
  await askText(ctx, alert, TEXT_ORDER[0]!)
})

buttons.callbackQuery('al:last', async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  await ctx.answerCallbackQuery()
  const t = ctx.t
  const list = recentAlerts(ctx.db)
  const kb = new InlineKeyboard()
  const lines = [`<b>${t('alerts:admin.lastTitle')}</b>`]
  for (const a of list) {
    const when = a.status === 'scheduled' && a.scheduledAt ? t('alerts:admin.scheduledFor', { date: formatDateTime(a.scheduledAt) }) : formatDateTime(a.startedAt ?? a.createdAt)
    lines.push('', `<b>#${a.id}</b> · ${t(`alerts:admin.status.${a.status}`)} · ${when}`, alertTitle(a))
    if (a.status !== 'scheduled') lines.push(figuresText(t, alertFigures(ctx.db, a.id)))
    else kb.text(t('alerts:admin.cancelScheduled', { id: a.id }), `al:x:${a.id}`).row()
  }
  if (!list.length) lines.push(t('alerts:admin.noneYet'))
  await ctx.reply(lines.join('\n'), { parse_mode: 'HTML', reply_markup: kb })
})

/** The alert a button names, when it is in a state that button belongs to; else the stale-button popup. */
async function alertFor(ctx: BotContext, id: string, states: string[]): Promise<Alert | undefined> {
  const alert = findAlert(ctx.db, Number(id))
  if (alert && states.includes(alert.status)) return alert
  await ctx.answerCallbackQuery({ text: ctx.t('alerts:admin.stale'), show_alert: true })
  return undefined
}

buttons.callbackQuery(/^al:skip:(\d{1,9})$/, async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const alert = await alertFor(ctx, ctx.match[1]!, ['composing'])
  const step = alert && parseStep(alert.step)
  if (!alert || step?.kind !== 'text' || step.lang === 'ru') return alert ? ctx.answerCallbackQuery({ text: ctx.t('alerts:admin.stale'), show_alert: true }) : undefined
  await ctx.answerCallbackQuery()
  await afterText(ctx, alert, step.lang, null)
})

buttons.callbackQuery(/^al:ac:(\d{1,9}):([a-z-]{1,20})$/, async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const alert = await alertFor(ctx, ctx.match[1]!, ['composing'])
  if (!alert) return
  await ctx.answerCallbackQuery()
  await showView(ctx, articleView(ctx, alert.id, ctx.match[2]))
})

buttons.callbackQuery(/^al:a:(\d{1,9}):([a-z0-9-]{1,40})$/, async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const alert = await alertFor(ctx, ctx.match[1]!, ['composing'])
  if (!alert) return
  const articleId = ctx.match[2] === '-' ? null : ctx.match[2]!
  if (articleId && !ctx.content.articles.has(articleId)) return ctx.answerCallbackQuery({ text: ctx.t('alerts:admin.stale'), show_alert: true })
  await ctx.answerCallbackQuery()
  updateAlert(ctx.db, alert.id, { articleId, step: 'audience' })
  await showView(ctx, audienceView(ctx, { ...alert, articleId }))
})

buttons.callbackQuery(/^al:au:(\d{1,9}):(?:all|([lcyt]):([a-z-]{1,20}))$/, async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const alert = await alertFor(ctx, ctx.match[1]!, ['composing'])
  if (!alert) return
  const field = ctx.match[2] ? FIELD_CODES[ctx.match[2]] : undefined
  if (field && !AUDIENCE_VALUES[field].includes(ctx.match[3]!)) return ctx.answerCallbackQuery({ text: ctx.t('alerts:admin.stale'), show_alert: true })
  await ctx.answerCallbackQuery()
  const audience = field ? toggleAudience(alert.audience, field, ctx.match[3]!) : EVERYONE
  updateAlert(ctx.db, alert.id, { audience, step: 'audience' })
  await showView(ctx, audienceView(ctx, { ...alert, audience }))
})

buttons.callbackQuery(/^al:aud:(\d{1,9})$/, async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const alert = await alertFor(ctx, ctx.match[1]!, ['composing'])
  if (!alert) return
  await ctx.answerCallbackQuery()
  updateAlert(ctx.db, alert.id, { step: 'audience' })
  await showView(ctx, audienceView(ctx, alert), { newMessage: true })
})

buttons.callbackQuery(/^al:p:(\d{1,9})$/, async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const alert = await alertFor(ctx, ctx.match[1]!, ['composing'])
  if (!alert) return
  await ctx.answerCallbackQuery()
  await sendPreview(ctx, alert)
})

buttons.callbackQuery(/^al:send:(\d{1,9})$/, async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const alert = await alertFor(ctx, ctx.match[1]!, ['composing'])
  if (!alert || alert.step !== 'ready') return alert && ctx.answerCallbackQuery({ text: ctx.t('alerts:admin.stale'), show_alert: true })
  const { people } = audienceCount(ctx, alert.audience)
  if (!people.length) return ctx.answerCallbackQuery({ text: ctx.t('alerts:admin.nobody'), show_alert: true })
  const now = ctx.clock()
  // One transaction makes every person's row: a second press finds the alert sending and starts nothing.
  if (!startSending(ctx.db, alert.id, people, now, null)) return ctx.answerCallbackQuery({ text: ctx.t('alerts:admin.stale'), show_alert: true })
  await ctx.answerCallbackQuery()
  audit(ctx.db, ctx.from.id, 'alert:send', null, now, `${alert.id}:${people.length}`)
  await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard() }).catch(() => undefined)
  const figures = alertFigures(ctx.db, alert.id)
  const sent = await ctx.reply(progressText(ctx.t, alert.id, figures), { parse_mode: 'HTML' })
  updateAlert(ctx.db, alert.id, { progressMessageId: sent.message_id, progressShown: progressKey({ sent: 0, failed: 0, left: figures.left }), progressAt: now })
})

buttons.callbackQuery(/^al:sch:(\d{1,9})$/, async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const alert = await alertFor(ctx, ctx.match[1]!, ['composing'])
  if (!alert) return
  await ctx.answerCallbackQuery()
  const kb = new InlineKeyboard().text(ctx.t('alerts:admin.cancel'), `al:x:${alert.id}`)
  const sent = await ctx.reply(ctx.t('alerts:admin.askSchedule', { example: formatDateTime(new Date(ctx.clock().getTime() + 86_400_000)) }), { parse_mode: 'HTML', reply_markup: kb })
  updateAlert(ctx.db, alert.id, { step: `schedule:${sent.message_id}` })
})

buttons.callbackQuery(/^al:x:(\d{1,9})$/, async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const alert = await alertFor(ctx, ctx.match[1]!, ['composing', 'scheduled'])
  if (!alert) return
  await ctx.answerCallbackQuery()
  updateAlert(ctx.db, alert.id, { status: 'cancelled', step: null })
  audit(ctx.db, ctx.from.id, 'alert:cancel', null, ctx.clock(), String(alert.id))
  await ctx.reply(ctx.t('alerts:admin.cancelled', { id: alert.id }))
})

/**
 * What the admin types while the bot waits for a text or a date. In the lawyers' group only a reply
 * to the bot's question counts (everything else there is the desk's); in a private chat any message.
 */
composer.on('message', async (ctx, next) => {
  if (!ctx.from || ctx.message.text?.startsWith('/')) return next()
  const alert = composingAlert(ctx.db, ctx.from.id, ctx.chat.id)
  const step = alert ? parseStep(alert.step) : undefined
  if (!alert || !step || step.kind === 'other') return next()
  if (ctx.chat.type !== 'private' && ctx.message.reply_to_message?.message_id !== step.promptId) return next()
  if (!isAdmin(ctx)) return requireAdmin(ctx)
  if (step.kind === 'schedule') return schedule(ctx, alert, ctx.message.text)
  const read = readAlertText(ctx.message)
  if ('problem' in read) return ctx.reply(ctx.t(`alerts:admin.${read.problem}`, { length: read.length ?? 0, max: 3500 }))
  await afterText(ctx, alert, step.lang, read.html)
})

async function schedule(ctx: BotContext, alert: Alert, text: string | undefined): Promise<void> {
  const at = text ? readMoscowDateTime(text) : undefined
  const now = ctx.clock()
  if (!at || at.getTime() < now.getTime() + 60_000) {
    await ctx.reply(ctx.t(at ? 'alerts:admin.scheduleInPast' : 'alerts:admin.scheduleUnreadable', { example: formatDateTime(new Date(now.getTime() + 86_400_000)) }), { parse_mode: 'HTML' })
    return
  }
  updateAlert(ctx.db, alert.id, { status: 'scheduled', scheduledAt: at, step: null })
  audit(ctx.db, ctx.from!.id, 'alert:schedule', null, now, String(alert.id))
  await ctx.reply(ctx.t('alerts:admin.scheduled', { id: alert.id, date: formatDateTime(at) }), { parse_mode: 'HTML' })
}

export { composer as alertsAdminFeature }
