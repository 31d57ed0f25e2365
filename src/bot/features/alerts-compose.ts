import { InlineKeyboard } from 'grammy'
import type { Message } from 'grammy/types'
import { AUDIENCE_FIELDS, AUDIENCE_VALUES, countByLanguage, selectAudience, type Audience, type AudienceField } from '../../alerts/audience.js'
import { LANGUAGES, type Language } from '../../config.js'
import { listFollowers, updateAlert, type Alert } from '../../db/alerts.js'
import { escapeHtml } from '../../i18n.js'
import type { BotContext } from '../context.js'
import { entitiesToHtml, visibleLength } from '../desk/relay-html.js'
import { LANGUAGE_NAMES } from '../keyboards/language.js'
import { showView } from '../show.js'
import { ALERT_TEXT_MAX, renderAlert } from './alerts-view.js'

/**
 * The steps of composing an alert, kept in the alert's row (`step`), so a restart, another command
 * or a lawyers' message in between loses nothing. The bot asks for the text in Russian first (the
 * fallback, so it cannot be skipped), then in ky, uz, tg, en; then the article and the audience.
 */
export const TEXT_ORDER: readonly Language[] = ['ru', 'ky', 'uz', 'tg', 'en']

/** One letter per audience field in button data (64 bytes at most). */
export const FIELD_CODES: Record<string, AudienceField> = { l: 'languages', c: 'citizenships', y: 'cities', t: 'topics' }
const CODE_OF = Object.fromEntries(Object.entries(FIELD_CODES).map(([k, v]) => [v, k])) as Record<AudienceField, string>

/** `text:ky:<prompt message id>` or `schedule:<id>`: what the bot waits for, and the message that asked. */
export function parseStep(step: string | null): { kind: 'text'; lang: Language; promptId: number } | { kind: 'schedule'; promptId: number } | { kind: 'other'; name: string } {
  const m = /^(text):([a-z]{2}):(\d+)$|^(schedule):(\d+)$/.exec(step ?? '')
  if (m?.[1]) return { kind: 'text', lang: m[2] as Language, promptId: Number(m[3]) }
  if (m?.[4]) return { kind: 'schedule', promptId: Number(m[5]) }
  return { kind: 'other', name: step ?? '' }
}

export async function askText(ctx: BotContext, alert: Alert, lang: Language): Promise<void> {
  const t = ctx.t
  const kb = new InlineKeyboard()
  if (lang !== 'ru') kb.text(t('alerts:admin.skip'), `al:skip:${alert.id}`)
  kb.text(t('alerts:admin.cancel'), `al:x:${alert.id}`)
  // In the lawyers' group the text must be a reply to this question, so no other message there is taken for it.
  const inGroup = ctx.chat?.type !== 'private'
  const text = [t(lang === 'ru' ? 'alerts:admin.askRussian' : 'alerts:admin.askText', { language: `${LANGUAGE_NAMES[lang]} (${lang})`, max: ALERT_TEXT_MAX }), inGroup ? t('alerts:admin.replyInGroup') : ''].filter(Boolean).join('\n\n')
  const sent = await ctx.reply(text, { parse_mode: 'HTML', reply_markup: kb })
  updateAlert(ctx.db, alert.id, { step: `text:${lang}:${sent.message_id}` })
}

/** The admin's message as the alert's text in one language: its formatting kept, everything else escaped. */
export function readAlertText(message: Message): { html: string } | { problem: 'notText' | 'tooLong'; length?: number } {
  if (typeof message.text !== 'string' || !message.text.trim()) return { problem: 'notText' }
  const html = entitiesToHtml(message.text, message.entities)
  const length = visibleLength(html)
  if (length > ALERT_TEXT_MAX) return { problem: 'tooLong', length }
  return { html }
}

/** After a language's text (or its skip): the next language, or the article. */
export async function afterText(ctx: BotContext, alert: Alert, lang: Language, html: string | null): Promise<void> {
  const texts = { ...alert.texts, [lang]: html }
  updateAlert(ctx.db, alert.id, { texts })
  const next = TEXT_ORDER[TEXT_ORDER.indexOf(lang) + 1]
  if (next) return askText(ctx, { ...alert, texts }, next)
  updateAlert(ctx.db, alert.id, { step: 'article' })
  await showView(ctx, articleView(ctx, alert.id), { newMessage: true })
}

export function articleView(ctx: BotContext, alertId: number, category?: string) {
  const kb = new InlineKeyboard()
  const categories = ctx.content.articles.categories()
  const chosen = categories.find((c) => c.id === category)
  if (chosen) {
    for (const id of chosen.articleIds) kb.text(ctx.content.articles.get(id, ctx.locale)?.title ?? id, `al:a:${alertId}:${id}`).row()
    kb.text(ctx.t('buttons.back'), `al:ac:${alertId}:-`)
  } else {
    categories.forEach((c, i) => {
      kb.text(ctx.t(`rights:categories.${c.id}`), `al:ac:${alertId}:${c.id}`)
      if (i % 2 === 1) kb.row()
    })
    kb.row().text(ctx.t('alerts:admin.noArticle'), `al:a:${alertId}:-`).row().text(ctx.t('alerts:admin.cancel'), `al:x:${alertId}`)
  }
  return { text: ctx.t('alerts:admin.askArticle'), keyboard: kb }
}

function audienceLine(ctx: BotContext, audience: Audience): string {
  const label = (field: AudienceField, v: string) => valueLabel(ctx, field, v)
  const parts = AUDIENCE_FIELDS.filter((f) => audience[f].length).map((f) => `${ctx.t(`alerts:admin.field.${f}`)}: ${audience[f].map((v) => label(f, v)).join(', ')}`)
  return parts.length ? parts.join('; ') : ctx.t('alerts:admin.everyone')
}

function valueLabel(ctx: BotContext, field: AudienceField, v: string): string {
  if (field === 'languages') return v
  if (field === 'citizenships') return ctx.t(`alerts:citizenship.${v}`)
  if (field === 'cities') return ctx.t(`lawyer:cities.${v}`)
  return ctx.t(`rights:categories.${v}`)
}

/** How many people the audience reaches now, in all and per language. */
export function audienceCount(ctx: BotContext, audience: Audience) {
  const people = selectAudience(listFollowers(ctx.db, ctx.config.defaultLanguage), audience)
  return { people, total: people.length, byLanguage: countByLanguage(people) }
}

export function audienceView(ctx: BotContext, alert: Alert) {
  const { total } = audienceCount(ctx, alert.audience)
  const kb = new InlineKeyboard()
  for (const field of AUDIENCE_FIELDS) {
    AUDIENCE_VALUES[field].forEach((v, i) => {
      kb.text(`${alert.audience[field].includes(v) ? '✅ ' : ''}${valueLabel(ctx, field, v)}`, `al:au:${alert.id}:${CODE_OF[field]}:${v}`)
      if (i % 3 === 2) kb.row()
    })
    kb.row()
  }
  kb.text(ctx.t('alerts:admin.everyoneButton'), `al:au:${alert.id}:all`).row()
  kb.text(ctx.t('alerts:admin.toPreview'), `al:p:${alert.id}`).text(ctx.t('alerts:admin.cancel'), `al:x:${alert.id}`)
  const text = `${ctx.t('alerts:admin.askAudience')}\n\n${ctx.t('alerts:admin.audienceIs', { audience: audienceLine(ctx, alert.audience) })}\n${ctx.t('alerts:admin.willReceive', { count: total })}`
  return { text, keyboard: kb }
}

/** Each language as people will see it, then how many get it, and Send / Schedule / Cancel. */
export async function sendPreview(ctx: BotContext, alert: Alert): Promise<void> {
  for (const lang of LANGUAGES) {
    const { text } = renderAlert(ctx.i18n, alert, lang)
    await ctx.reply(`🔎 <i>${ctx.t('alerts:admin.previewOf', { language: `${LANGUAGE_NAMES[lang]} (${lang})` })}</i>\n${text}`, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
  }
  const { total, byLanguage } = audienceCount(ctx, alert.audience)
  const article = alert.articleId ? ctx.content.articles.get(alert.articleId, ctx.locale) : undefined
  const lines = [
    ctx.t('alerts:admin.ready', { id: alert.id }),
    ctx.t('alerts:admin.audienceIs', { audience: audienceLine(ctx, alert.audience) }),
    ctx.t('alerts:admin.articleIs', { article: article ? escapeHtml(article.title) : '—' }),
    ctx.t('alerts:admin.willReceive', { count: total }) + (total ? ` (${LANGUAGES.filter((l) => byLanguage[l]).map((l) => `${l} ${byLanguage[l]}`).join(' · ')})` : ''),
    ctx.t('alerts:admin.buttonsNote'),
  ]
  const kb = new InlineKeyboard()
  if (total) kb.text(ctx.t('alerts:admin.send'), `al:send:${alert.id}`).text(ctx.t('alerts:admin.schedule'), `al:sch:${alert.id}`).row()
  kb.text(ctx.t('alerts:admin.changeAudience'), `al:aud:${alert.id}`).text(ctx.t('alerts:admin.cancel'), `al:x:${alert.id}`)
  updateAlert(ctx.db, alert.id, { step: 'ready' })
  await ctx.reply(lines.join('\n'), { parse_mode: 'HTML', reply_markup: kb })
}
