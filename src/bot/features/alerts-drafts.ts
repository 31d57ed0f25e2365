import { Composer } from '../composer.js'
import type { i18n } from 'i18next'
import { articleFingerprints, articlesToAnnounce } from '../../alerts/article-changes.js'
import { LANGUAGES } from '../../config.js'
import type { Content } from '../../content/index.js'
import type { Article } from '../../content/articles.js'
import { createAlert, draftArticleAlerts, findAlert, updateAlert } from '../../db/alerts.js'
import type { Db } from '../../db/client.js'
import { audit } from '../../db/lawyers.js'
import type { Config } from '../../config.js'
import type { BotContext } from '../context.js'
import { requireAdmin } from '../desk/roles.js'
import { askText, TEXT_ORDER } from './alerts-compose.js'

/**
 * When an article's text changes with a `changed` note in its front matter, the admins get a ready
 * draft alert for the subscribers of its topic, at start (a restart publishes an edit). They preview
 * and send it, write the texts again, or drop it; it is never sent by itself.
 */
export function draftAlertsForChangedArticles(deps: { db: Db; i18n: i18n; config: Config; content: Content }, articles: readonly Article[] = deps.content.articles.all, now = new Date()): number[] {
  const chatId = deps.config.lawyersChatId ?? deps.config.adminIds[0]
  if (chatId === undefined) return []
  const fingerprints = articleFingerprints(articles)
  return draftArticleAlerts(
    deps.db,
    fingerprints,
    (before) =>
      articlesToAnnounce(articles, before, fingerprints).map((id) => {
        const versions = articles.filter((a) => a.id === id)
        const texts = Object.fromEntries(
          LANGUAGES.map((lang) => {
            const a = versions.find((v) => v.lang === lang)
            // A language whose edit has no note of its own falls back to the Russian text with a note.
            return [lang, a?.changedNote ? deps.i18n.t('alerts:draft.text', { lng: lang, title: a.title, note: a.changedNote }) : null]
          }),
        )
        return { articleId: id, topic: versions[0]!.category, texts }
      }),
    chatId,
    now,
  )
}

const composer = new Composer<BotContext>()

/** ✏️ on a draft: the admin writes the texts again (it becomes their alert in this chat). */
composer.callbackQuery(/^al:edit:(\d{1,9})$/, async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const draft = findAlert(ctx.db, Number(ctx.match[1]))
  if (!draft || draft.status !== 'composing' || draft.origin !== 'article') return ctx.answerCallbackQuery({ text: ctx.t('alerts:admin.stale'), show_alert: true })
  await ctx.answerCallbackQuery()
  const mine = createAlert(ctx.db, { createdBy: ctx.from.id, chatId: ctx.chat!.id, texts: draft.texts, articleId: draft.articleId, audience: draft.audience, origin: 'article' }, ctx.clock())
  updateAlert(ctx.db, draft.id, { status: 'cancelled' })
  audit(ctx.db, ctx.from.id, 'alert:edit-draft', null, ctx.clock(), `${draft.id}:${mine.id}`)
  await askText(ctx, mine, TEXT_ORDER[0]!)
})

export { composer as alertDraftsFeature }
