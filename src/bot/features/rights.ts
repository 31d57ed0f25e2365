import { Composer, InlineKeyboard } from '../composer.js'
import type { InlineQueryResultArticle } from 'grammy/types'
import { CATEGORY_TO_TOPIC, daysSinceChecked } from '../../content/article-library.js'
import type { Article } from '../../content/articles.js'
import { recordArticleFeedback } from '../../db/article-feedback.js'
import { escapeHtml } from '../../i18n.js'
import { stripHtml } from '../../search/normalise.js'
import type { BotContext } from '../context.js'
import { clip } from '../format.js'
import { showView } from '../show.js'
import { mainMenuKeyboard } from '../keyboards/main-menu.js'
import { startLegalRequest } from './legal-request.js'
import { noteUsefulAnswer } from './alerts-useful-answer.js'

const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')

const OUTDATED_AFTER_DAYS = 365

/** The article as sent: body, then when it was checked and what date its sources are as of, its sources, and "information, not advice". */
export function articleText(ctx: Pick<BotContext, 't' | 'clock'>, article: Article): string {
  const t = ctx.t
  const [y, m, d] = article.checked.split('-')
  const [asOfYear, asOfMonth] = article.sourcesAsOf?.split('-') ?? []
  const asOf = asOfYear ? ` · ${t('rights:sourcesAsOf', { month: t(`rights:months.${Number(asOfMonth)}`), year: asOfYear })}` : ''
  // Family articles are about Kyrgyz benefits and pensions: those are checked at the district office or the Social Fund.
  const statusKey = article.category === 'family' ? 'statusFamily' : 'status'
  const footer = [
    article.status ? `⚠️ ${t(`rights:${statusKey}.${article.status}`)}` : '',
    daysSinceChecked(article, ctx.clock()) > OUTDATED_AFTER_DAYS ? `⚠️ ${t('rights:outdated')}` : '',
    `📅 ${t('rights:checked', { date: `${d}.${m}.${y}` })}${asOf}`,
    `📚 ${t('rights:sources')}: ${article.sources.map(escapeHtml).join('; ')}`,
    `<i>${t('disclaimer')}</i>`,
  ].filter(Boolean)
  return `<b>${escapeHtml(article.title)}</b>\n\n${article.body}\n\n${footer.join('\n')}`
}

function articleKeyboard(ctx: BotContext, article: Article): InlineKeyboard {
  const category = ctx.content.articles.categoryOf(article.id)
  return new InlineKeyboard()
    .text('👍', `r:f:${article.id}:1`)
    .text('👎', `r:f:${article.id}:0`)
    .row()
    .text(ctx.t('rights:askLawyer'), `r:l:${article.id}`)
    .row()
    .switchInline(ctx.t('rights:share'), article.id)
    .row()
    .text(ctx.t('buttons.back'), category ? `r:c:${category}` : 'r:home')
}

function homeView(ctx: BotContext) {
  const kb = new InlineKeyboard()
  ctx.content.articles.categories().forEach((c, i) => {
    kb.text(ctx.t(`rights:categories.${c.id}`), `r:c:${c.id}`)
    if (i % 2 === 1) kb.row()
  })
  kb.row().text(ctx.t('buttons.mainMenu'), 'menu:main')
  return { text: ctx.t('rights:home'), keyboard: kb }
}

function categoryView(ctx: BotContext, categoryId: string) {
  const category = ctx.content.articles.categories().find((c) => c.id === categoryId)
  if (!category) return undefined
  const kb = new InlineKeyboard()
  for (const id of category.articleIds) {
    const article = ctx.content.articles.get(id, ctx.locale)
    if (article) kb.text(article.title, `r:a:${id}`).row()
  }
  kb.text(ctx.t('buttons.back'), 'r:home')
  return { text: `<b>${ctx.t(`rights:categories.${category.id}`)}</b>`, keyboard: kb }
}

export async function showArticle(ctx: BotContext, id: string, options: { newMessage?: boolean } = {}): Promise<boolean> {
  const article = ctx.content.articles.get(id, ctx.locale)
  if (!article) return false
  if (ctx.chat?.type === 'private') ctx.session.lastArticleId = id
  ctx.logger.info({ handler: 'rights:article', article: id })
  await showView(ctx, { text: articleText(ctx, article), keyboard: articleKeyboard(ctx, article) }, options)
  noteUsefulAnswer(ctx)
  return true
}

// Deep links from shared articles: t.me/<bot>?start=a_<id>
privateChat.command('start', async (ctx, next) => {
  const id = /^a_([a-z0-9-]{1,40})$/.exec(ctx.match)?.[1]
  if (!id || !(await showArticle(ctx, id))) await next()
})

privateChat.command('rights', (ctx) => showView(ctx, homeView(ctx)))
privateChat.callbackQuery(['menu:rights', 'r:home'], async (ctx) => {
  await ctx.answerCallbackQuery()
  await showView(ctx, homeView(ctx))
})

// Emergency numbers: the hotlines article, one tap from the menu.
privateChat.command('emergency', (ctx) => showArticle(ctx, 'hotlines'))
privateChat.callbackQuery('menu:emergency', async (ctx) => {
  await ctx.answerCallbackQuery()
  // A new message, so the menu stays above it.
  await showArticle(ctx, 'hotlines', { newMessage: true })
})

privateChat.callbackQuery(/^r:c:([a-z]{1,20})$/, async (ctx) => {
  const view = categoryView(ctx, ctx.match[1]!)
  if (!view) return ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
  await ctx.answerCallbackQuery()
  await showView(ctx, view)
})

privateChat.callbackQuery(/^r:a:([a-z0-9-]{1,40})$/, async (ctx) => {
  const shown = ctx.content.articles.has(ctx.match[1]!) && (await ctx.answerCallbackQuery(), await showArticle(ctx, ctx.match[1]!))
  if (!shown) await ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
})

/** 👍/👎 counts per article and language, no user id; the buttons go so one person votes once. */
privateChat.callbackQuery(/^r:f:([a-z0-9-]{1,40}):([01])$/, async (ctx) => {
  const [, id, vote] = ctx.match
  if (!ctx.content.articles.has(id!)) return ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
  recordArticleFeedback(ctx.db, id!, ctx.locale, vote === '1', ctx.clock())
  await ctx.answerCallbackQuery({ text: ctx.t('rights:thanks') })
  const article = ctx.content.articles.get(id!, ctx.locale)!
  const kb = articleKeyboard(ctx, article)
  kb.inline_keyboard.shift()
  await ctx.editMessageReplyMarkup({ reply_markup: kb }).catch(() => undefined)
})

privateChat.callbackQuery(/^r:l:([a-z0-9-]{1,40})$/, async (ctx) => {
  const id = ctx.match[1]!
  const category = ctx.content.articles.categoryOf(id)
  await ctx.answerCallbackQuery()
  await startLegalRequest(ctx, category ? { topic: CATEGORY_TO_TOPIC[category], articleId: id } : {})
})

/** An article's body as one line of plain text, made once per article (the articles are fixed after start). */
const plainBodies = new WeakMap<Article, string>()
function plainBody(article: Article): string {
  let text = plainBodies.get(article)
  if (text === undefined) plainBodies.set(article, (text = stripHtml(article.body).replace(/\s+/g, ' ').trim()))
  return text
}

/** Any free text outside a conversation is a question: the best article and two more. */
privateChat.on('message:text', async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next()
  const results = ctx.content.search.search(ctx.message.text, ctx.locale, 3)
  ctx.logger.info({ handler: 'rights:search', results: results.length })
  const kb = new InlineKeyboard()
  const [best, ...others] = results
  if (!best) {
    // A greeting or a word or two ("салам", "hello") is someone starting: show them the menu.
    if (ctx.message.text.trim().split(/\s+/).length <= 2) return ctx.reply(ctx.t('menu.title'), { parse_mode: 'HTML', reply_markup: mainMenuKeyboard(ctx.t) })
    kb.text(ctx.t('rights:askLawyerShort'), 'menu:lawyer').row().text(ctx.t('menu.rights'), 'r:home')
    return ctx.reply(ctx.t('rights:noResults'), { reply_markup: kb })
  }
  const article = ctx.content.articles.get(best.id, ctx.locale)!
  kb.text(`📖 ${article.title}`, `r:a:${best.id}`).row()
  for (const r of others) kb.text(r.title, `r:a:${r.id}`).row()
  kb.text(ctx.t('rights:notWhatYouNeed'), `r:l:${best.id}`)
  const snippet = escapeHtml(clip(plainBody(article), 280))
  await ctx.reply(`${ctx.t('rights:bestMatch')}\n\n<b>${escapeHtml(article.title)}</b>\n${snippet}`, { parse_mode: 'HTML', reply_markup: kb })
})

/** `@bot patent` in any chat: matching articles in the asker's language, with a button into the bot. */
composer.on('inline_query', async (ctx) => {
  // The first middleware set the asker's language from their row, read once for this update.
  const lang = ctx.locale
  const t = ctx.t
  const query = ctx.inlineQuery.query.trim()
  const ids = query ? ctx.content.search.search(query, lang, 5).map((r) => r.id) : ['hotlines']
  const results: InlineQueryResultArticle[] = ids.flatMap((id) => {
    const article = ctx.content.articles.get(id, lang)
    if (!article) return []
    return [{
      type: 'article',
      id,
      title: article.title,
      description: clip(plainBody(article), 100),
      input_message_content: { message_text: articleText({ t, clock: ctx.clock }, article), parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
      reply_markup: new InlineKeyboard().url(t('rights:openInBot'), `https://t.me/${ctx.me.username}?start=a_${id}`),
    }]
  })
  await ctx.answerInlineQuery(results, { cache_time: 300, is_personal: true })
})

export { composer as rightsFeature }
