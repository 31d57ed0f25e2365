import { Composer, InlineKeyboard } from '../composer.js'
import { CITIZENSHIPS, NEWS_CITIES, NEWS_TOPICS } from '../../alerts/audience.js'
import { claimNewsOffer, findDelivery, findSubscription, markOpened, markUnsubscribed, updateSubscription, type NewsSubscription } from '../../db/alerts.js'
import type { MyData } from '../../privacy/my-data.js'
import type { BotContext } from '../context.js'
import { showView } from '../show.js'
import { hadUsefulAnswer } from './alerts-useful-answer.js'
import { showArticle } from './rights.js'

/**
 * /news: people choose the topics they want news about (the article categories), optionally say
 * their citizenship and city, and stop at any time. Everything is saved the moment a button is
 * pressed (no conversation), so a restart or another command in between loses nothing.
 * The one-time offer follows the first useful answer (an article, a centres list, a benefits
 * answer), once per person ever, and never while a conversation is open.
 */
const composer = new Composer<BotContext>()

composer.use(async (ctx, next) => {
  await next()
  if (!hadUsefulAnswer(ctx) || ctx.chat?.type !== 'private' || !ctx.from) return
  if (Object.keys(ctx.conversation.active()).length > 0) return
  // Through the outbox: it follows the answer as its own message, and a Telegram hiccup loses nothing.
  if (claimNewsOffer(ctx.db, ctx.from.id, ctx.locale, ctx.clock())) ctx.logger.info({ handler: 'news:offer' })
})

const privateChat = composer.chatType('private')
/** The news buttons (n:… and an:…); any other update passes with one check instead of one per button. */
const buttons = privateChat.filter((ctx) => /^a?n:/.test(ctx.callbackQuery?.data ?? ''))

const topicName = (ctx: BotContext, id: string) => ctx.t(`rights:categories.${id}`)

function homeView(ctx: BotContext, sub: NewsSubscription | undefined) {
  const t = ctx.t
  const topics = sub?.topics ?? []
  const lines = [`<b>${t('alerts:news.title')}</b>`, '']
  lines.push(topics.length ? t('alerts:news.following', { topics: topics.map((id) => topicName(ctx, id)).join(', ') }) : t('alerts:news.notFollowing'))
  if (sub?.citizenship) lines.push(t('alerts:news.citizenshipIs', { value: t(`alerts:citizenship.${sub.citizenship}`) }))
  if (sub?.city) lines.push(t('alerts:news.cityIs', { value: t(`lawyer:cities.${sub.city}`) }))
  lines.push('', t('alerts:news.howTo'))
  const kb = new InlineKeyboard()
  NEWS_TOPICS.forEach((id, i) => {
    kb.text(`${topics.includes(id) ? '✅' : '▫️'} ${topicName(ctx, id)}`, `n:t:${id}`)
    if (i % 2 === 1) kb.row()
  })
  kb.row().text(t('alerts:news.allTopics'), 'n:all').row()
  kb.text(t('alerts:news.citizenshipButton'), 'n:q:c').text(t('alerts:news.cityButton'), 'n:q:y').row()
  if (topics.length) kb.text(t('alerts:news.stop'), 'n:stop')
  kb.text(t('alerts:news.done'), 'n:done')
  return { text: lines.join('\n'), keyboard: kb }
}

function questionView(ctx: BotContext, which: 'c' | 'y') {
  const values: readonly string[] = which === 'c' ? CITIZENSHIPS : NEWS_CITIES
  const label = (v: string) => (which === 'c' ? ctx.t(`alerts:citizenship.${v}`) : ctx.t(`lawyer:cities.${v}`))
  const kb = new InlineKeyboard()
  values.forEach((v, i) => {
    kb.text(label(v), `n:${which}:${v}`)
    if (i % 2 === 1) kb.row()
  })
  kb.row().text(ctx.t('alerts:news.skip'), `n:${which}:skip`)
  return { text: ctx.t(which === 'c' ? 'alerts:news.askCitizenship' : 'alerts:news.askCity'), keyboard: kb }
}

/** After Done: the optional questions not answered yet, then what is saved. */
async function next(ctx: BotContext, sub: NewsSubscription | undefined, after: 'done' | 'c' | 'y') {
  const following = (sub?.topics.length ?? 0) > 0
  if (following && after === 'done' && !sub?.citizenship) return showView(ctx, questionView(ctx, 'c'))
  if (following && after !== 'y' && !sub?.city) return showView(ctx, questionView(ctx, 'y'))
  const text = following ? ctx.t('alerts:news.saved', { topics: sub!.topics.map((id) => topicName(ctx, id)).join(', ') }) : ctx.t('alerts:news.noneChosen')
  await showView(ctx, { text, keyboard: new InlineKeyboard().text(ctx.t('alerts:news.change'), 'n:home') })
}

privateChat.command('news', async (ctx) => {
  ctx.logger.info({ handler: 'news:open' })
  await showView(ctx, homeView(ctx, findSubscription(ctx.db, ctx.from.id)))
})

buttons.callbackQuery('n:home', async (ctx) => {
  await ctx.answerCallbackQuery()
  await showView(ctx, homeView(ctx, findSubscription(ctx.db, ctx.from.id)))
})

buttons.callbackQuery('n:no', async (ctx) => {
  await ctx.answerCallbackQuery()
  await showView(ctx, { text: ctx.t('alerts:news.declined'), keyboard: new InlineKeyboard() })
})

buttons.callbackQuery(/^n:(t:([a-z]{1,20})|all)$/, async (ctx) => {
  const topic = ctx.match[2]
  if (topic !== undefined && !NEWS_TOPICS.includes(topic)) return ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
  await ctx.answerCallbackQuery()
  const current = findSubscription(ctx.db, ctx.from.id)?.topics ?? []
  const topics = topic === undefined ? [...NEWS_TOPICS] : current.includes(topic) ? current.filter((x) => x !== topic) : NEWS_TOPICS.filter((x) => x === topic || current.includes(x))
  const sub = updateSubscription(ctx.db, ctx.from.id, { topics, language: ctx.locale }, ctx.clock())
  ctx.logger.info({ handler: 'news:topics', count: topics.length })
  await showView(ctx, homeView(ctx, sub))
})

buttons.callbackQuery(/^n:q:([cy])$/, async (ctx) => {
  await ctx.answerCallbackQuery()
  await showView(ctx, questionView(ctx, ctx.match[1] as 'c' | 'y'))
})

buttons.callbackQuery(/^n:([cy]):([a-z-]{1,20})$/, async (ctx) => {
  const [, which, value] = ctx.match
  const allowed: readonly string[] = which === 'c' ? CITIZENSHIPS : NEWS_CITIES
  if (value !== 'skip' && !allowed.includes(value!)) return ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
  await ctx.answerCallbackQuery()
  const sub = value === 'skip' ? findSubscription(ctx.db, ctx.from.id) : updateSubscription(ctx.db, ctx.from.id, which === 'c' ? { citizenship: value! } : { city: value! }, ctx.clock())
  await next(ctx, sub, which as 'c' | 'y')
})

buttons.callbackQuery('n:done', async (ctx) => {
  await ctx.answerCallbackQuery()
  await next(ctx, findSubscription(ctx.db, ctx.from.id), 'done')
})

async function stopNews(ctx: BotContext & { from: { id: number } }) {
  updateSubscription(ctx.db, ctx.from.id, { topics: [] }, ctx.clock())
  ctx.logger.info({ handler: 'news:stop' })
}

buttons.callbackQuery('n:stop', async (ctx) => {
  await ctx.answerCallbackQuery()
  await stopNews(ctx)
  await showView(ctx, { text: ctx.t('alerts:news.stopped'), keyboard: new InlineKeyboard().text(ctx.t('alerts:news.change'), 'n:home') })
})

/** Under an alert: the article (the press is counted once per person), or stop news (counted too). */
buttons.callbackQuery(/^an:([os]):(\d{1,9})(?::([a-z0-9-]{1,40}))?$/, async (ctx) => {
  const [, action, id, articleId] = ctx.match
  const alertId = Number(id)
  const now = ctx.clock()
  if (action === 's') {
    await ctx.answerCallbackQuery()
    await stopNews(ctx)
    if (findDelivery(ctx.db, alertId, ctx.from.id)) markUnsubscribed(ctx.db, alertId, ctx.from.id, now)
    await ctx.reply(ctx.t('alerts:news.stopped'), { reply_markup: new InlineKeyboard().text(ctx.t('alerts:news.change'), 'n:home') })
    return
  }
  if (!articleId || !ctx.content.articles.has(articleId)) return ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
  await ctx.answerCallbackQuery()
  markOpened(ctx.db, alertId, ctx.from.id, now)
  await showArticle(ctx, articleId, { newMessage: true })
})

/** /mydata's line about news: what is followed and what was given. */
export function newsLine(ctx: BotContext, news: NonNullable<MyData['news']>): string {
  const t = ctx.t
  const parts = [news.topics.length ? t('alerts:news.following', { topics: news.topics.map((id) => topicName(ctx, id)).join(', ') }) : t('alerts:news.notFollowing')]
  if (news.citizenship) parts.push(t('alerts:news.citizenshipIs', { value: t(`alerts:citizenship.${news.citizenship}`) }))
  if (news.city) parts.push(t('alerts:news.cityIs', { value: t(`lawyer:cities.${news.city}`) }))
  if (news.alertsReceived) parts.push(t('alerts:news.received', { count: news.alertsReceived }))
  return `📰 ${parts.join(' · ')}`
}

export { composer as newsFeature }
