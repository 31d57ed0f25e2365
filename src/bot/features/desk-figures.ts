import { Composer, InlineKeyboard, InputFile } from '../composer.js'
import { CHART_VIEWS, isChartView, type ChartView } from '../../charts/chart-data.js'
import { articleFeedbackRows, caseHistory, exportRequests, listOpenRequests, loadFigures, statsRequests, type CaseHistory, type QueueRow } from '../../db/desk-figures.js'
import { audit } from '../../db/lawyers.js'
import { findRequestByReference } from '../../db/legal-requests.js'
import { exportFileName, requestsToCsv } from '../../desk/export-csv.js'
import { HOUR_MS, sortQueue, untouchedMs } from '../../desk/queue.js'
import { parseStatsPeriod } from '../../desk/stats-period.js'
import { computeStats, dayRange, parseDayRange, splitDuration, type Count, type DayRange, type DeskStats } from '../../desk/stats.js'
import { escapeHtml } from '../../i18n.js'
import { formatReference } from '../../requests/lifecycle.js'
import type { BotContext } from '../context.js'
import { requireLawyer } from '../desk/roles.js'
import { clip, formatDateTime } from '../format.js'
import { LANGUAGE_NAMES } from '../keyboards/language.js'

/**
 * The lawyers' queue and figures: /queue, /case JO-…, /stats [from to], /export [from to].
 * The role is checked on every command, in the lawyers' group or a private chat only, and every
 * view is written to the audit log. The person's name and phone appear only in a private chat.
 */
const composer = new Composer<BotContext>()

/** Under Telegram's 4096 characters, with room to spare (HTML tags count here, not there). */
const MAX_MESSAGE = 4000
const QUEUE_LIMIT = 30
const CASE_PAGES = 4
const FEEDBACK_LIMIT = 30

/** Splits lines into messages under the limit, never inside a line (so HTML tags stay whole). */
export function paginate(lines: readonly string[], max = MAX_MESSAGE): string[] {
  const pages: string[] = []
  let page = ''
  for (const raw of lines) {
    const line = raw.length > max ? clip(raw, max) : raw
    if (page && page.length + 1 + line.length > max) {
      pages.push(page)
      page = line
    } else page = page ? `${page}\n${line}` : line
  }
  if (page.trim()) pages.push(page)
  return pages
}

async function replyPages(ctx: BotContext, lines: readonly string[]): Promise<void> {
  for (const page of paginate(lines)) await ctx.reply(page, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
}

/** requireLawyer, plus an audit entry for the refusal: someone tried to see requests. */
async function allowed(ctx: BotContext, command: string): Promise<boolean> {
  if (await requireLawyer(ctx)) return true
  if (ctx.from) audit(ctx.db, ctx.from.id, 'figures:refused', null, ctx.clock(), command)
  return false
}

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean)
const lawyerLabel = (names: ReadonlyMap<number, string>, id: number) => names.get(id) ?? `#${id}`

composer.command('queue', async (ctx) => {
  if (!(await allowed(ctx, 'queue'))) return
  const now = ctx.clock()
  const queue = sortQueue(listOpenRequests(ctx.db))
  audit(ctx.db, ctx.from!.id, 'queue:view', null, now, String(queue.length))
  ctx.logger.info({ handler: 'figures:queue', count: queue.length })
  if (queue.length === 0) return ctx.reply(ctx.t('figures:queue.empty'))
  const rest = queue.length - QUEUE_LIMIT
  await replyPages(ctx, [
    ctx.t('figures:queue.title', { count: queue.length }),
    ...queue.slice(0, QUEUE_LIMIT).map((r) => queueLine(ctx, r, now)),
    ...(rest > 0 ? [ctx.t('figures:queue.more', { count: rest })] : []),
  ])
})

/** `🚨 JO-2026-00007 · Work and wages · Kazan · untouched for 5 h`, or the status and who has it. */
function queueLine(ctx: BotContext, r: QueueRow, now: Date): string {
  const ms = untouchedMs(r, now)
  const state =
    ms === null
      ? `${ctx.t(`figures:status.${r.status}`)} · ${ctx.t('figures:queue.lawyer', { name: r.assignedLawyerId ? (r.lawyerName ?? `#${r.assignedLawyerId}`) : '—' })}`
      : `<i>${ms < HOUR_MS ? ctx.t('figures:queue.untouchedMinutes', { count: Math.floor(ms / 60_000) }) : ctx.t('figures:queue.untouchedHours', { count: Math.floor(ms / HOUR_MS) })}</i>`
  return `${r.urgent ? '🚨' : '📄'} <b>${r.reference}</b> · ${ctx.t(`lawyer:topics.${r.topic}`)} · ${ctx.t(`lawyer:cities.${r.city}`)} · ${state}`
}

composer.command('case', async (ctx) => {
  if (!(await allowed(ctx, 'case'))) return
  // People write jo-2026-42 as often as JO-2026-00042.
  const m = /^JO-(\d{4})-(\d{1,10})$/i.exec(ctx.match.trim())
  if (!m) return ctx.reply(ctx.t('figures:usage.case'))
  const reference = formatReference(Number(m[1]), Number(m[2]))
  const found = findRequestByReference(ctx.db, reference)
  const history = found ? caseHistory(ctx.db, found.id) : undefined
  if (!history) return ctx.reply(ctx.t('figures:case.notFound', { reference }))
  const inPrivate = ctx.chat?.type === 'private'
  audit(ctx.db, ctx.from!.id, 'case:view', history.request.id, ctx.clock(), inPrivate ? 'private' : 'group')
  ctx.logger.info({ handler: 'figures:case', request_id: history.request.id, private: inPrivate })
  await replyPages(ctx, caseLines(ctx, history, inPrivate))
})

/** The case header, then every status change, message and note, oldest first. */
function caseLines(ctx: BotContext, h: CaseHistory, inPrivate: boolean): string[] {
  const { t } = ctx
  const r = h.request
  const ending = r.referredTo ?? r.declineReason
  const contact = inPrivate
    ? [
        ...(r.forWhom === 'family' && r.subjectName ? [`${t('figures:case.name')}: ${escapeHtml(r.subjectName)}`] : []),
        `${t('figures:case.phone')}: ${r.contactPhone ? escapeHtml(r.contactPhone) : t('figures:case.noPhone')}`,
      ]
    : [`<i>${t('figures:case.privateOnly')}</i>`]
  const header = [
    `${r.urgent ? '🚨' : '📄'} <b>${r.reference}</b> · ${t(`lawyer:topics.${r.topic}`)} · ${t(`lawyer:cities.${r.city}`)} · ${LANGUAGE_NAMES[r.language as keyof typeof LANGUAGE_NAMES] ?? escapeHtml(r.language)}`,
    `${t('figures:case.status')}: <b>${t(`figures:status.${r.status}`)}</b>${ending ? ` — ${escapeHtml(clip(ending, 200))}` : ''} · ${t('figures:case.lawyer')}: ${r.assignedLawyerId ? escapeHtml(lawyerLabel(h.lawyerNames, r.assignedLawyerId)) : '—'}`,
    `${t('figures:case.urgency')}: ${t(`lawyer:urgencies.${r.urgency}`)}${r.urgent ? ` · <b>${t('figures:case.urgent')}</b>` : ''}`,
    `${t('figures:case.forWhom')}: ${t(r.forWhom === 'family' ? 'figures:case.family' : 'figures:case.self')} · ${t('figures:case.files')}: ${h.attachments} · ${t('figures:case.created')}: ${formatDateTime(r.createdAt)}`,
    ...contact,
    ...(r.safeToContact ? [] : [`⚠️ ${t('figures:case.careful')}`]),
    '',
    `<blockquote>${escapeHtml(clip(r.description, 2500))}</blockquote>`,
    '',
    `<b>${t('figures:case.history')}</b>`,
  ]
  const who = (id: number) => (id === r.userId ? t('figures:case.migrant') : escapeHtml(lawyerLabel(h.lawyerNames, id)))
  const events = [
    ...h.statusChanges.map((s) => ({
      at: s.createdAt,
      order: 0,
      id: s.id,
      line: `${who(s.actorId)}: ${t('figures:case.statusChange', { status: t(`figures:status.${s.toStatus}`) })}${s.note ? ` — <i>${escapeHtml(clip(s.note, 300))}</i>` : ''}`,
    })),
    ...h.messages.map((m) => ({
      at: m.createdAt,
      order: 1,
      id: m.id,
      line: `${
        m.direction === 'from_client'
          ? t('figures:case.migrant')
          : m.direction === 'to_client'
            ? t('figures:case.toMigrant', { lawyer: lawyerLabel(h.lawyerNames, m.authorId) })
            : `🗒 ${t('figures:case.note', { lawyer: lawyerLabel(h.lawyerNames, m.authorId) })}`
      }: ${escapeHtml(clip(m.text, 500))}`,
    })),
  ]
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order || a.id - b.id)
    .map((e) => `${formatDateTime(e.at)} — ${e.line}`)
  // A long case keeps its newest entries within a few messages; the rest is in /export.
  let kept = events
  let hidden = 0
  const lines = () => [...header, ...(hidden ? [`<i>${t('figures:case.hidden', { count: hidden })}</i>`] : []), ...kept]
  while (kept.length && paginate(lines()).length > CASE_PAGES) {
    const drop = Math.max(1, Math.ceil(kept.length / 10))
    kept = kept.slice(drop)
    hidden += drop
  }
  return lines()
}

/**
 * /stats [90d | 2026-Q3 | from [to]]: one chart with a caption; the buttons swap the chart in place
 * (editMessageMedia). Their data is `st:<view>:<from>:<to>` with days as YYYYMMDD (≤ 64 bytes);
 * the role is checked on every press, and the chart already shown is not sent again.
 */
composer.command('stats', async (ctx) => {
  if (!(await allowed(ctx, 'stats'))) return
  const range = parseStatsPeriod(ctx.match, ctx.clock())
  if (!range) return ctx.reply(ctx.t('charts:usage'))
  audit(ctx.db, ctx.from!.id, 'stats:view', null, ctx.clock(), `${range.fromDay}..${range.toDay}`)
  const chart = await renderView(ctx, range, 'weekly')
  ctx.logger.info({ handler: 'figures:stats', view: 'weekly' })
  await ctx.replyWithPhoto(new InputFile(chart.png, 'stats-weekly.png'), { caption: chart.caption, parse_mode: 'HTML', reply_markup: statsKeyboard(ctx, range, 'weekly') })
})

const compact = (day: string) => day.replaceAll('-', '')
const expand = (day: string) => `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`
/** Marks the view on screen: a press on it changes nothing, so nothing is sent. */
const CURRENT = '• '

function statsKeyboard(ctx: BotContext, range: DayRange, current: ChartView): InlineKeyboard {
  const kb = new InlineKeyboard()
  const data = (view: string) => `st:${view}:${compact(range.fromDay)}:${compact(range.toDay)}`
  CHART_VIEWS.forEach((view, i) => {
    kb.text(`${view === current ? CURRENT : ''}${ctx.t(`charts:button.${view}`)}`, data(view))
    if (i % 3 === 2) kb.row()
  })
  return kb.text(ctx.t('charts:button.text'), data('text'))
}

/** vega, vega-lite and resvg load on the first chart, not at start-up (they add seconds to it on a busy machine). */
async function renderView(ctx: BotContext, range: DayRange, view: ChartView) {
  const { deskChart } = await import('../../charts/desk-chart.js')
  return deskChart(loadFigures(ctx.db, range), view, ctx.t, (id) => ctx.content.articles.get(id, ctx.locale)?.title ?? id)
}

composer.callbackQuery(/^st:([a-z]{1,12}):(\d{8}):(\d{8})$/, async (ctx) => {
  if (!(await allowed(ctx, 'stats'))) return
  const [, view, from, to] = ctx.match
  const range = dayRange(expand(from!), expand(to!))
  if (!range || (view !== 'text' && !isChartView(view!))) return ctx.answerCallbackQuery({ text: ctx.t('charts:stale') })
  if (view === 'text') {
    await ctx.answerCallbackQuery()
    const stats = computeStats(statsRequests(ctx.db, range.start, range.end), articleFeedbackRows(ctx.db))
    return replyPages(ctx, statsLines(ctx, stats, range))
  }
  const onScreen = ctx.callbackQuery.message?.reply_markup?.inline_keyboard.flat().find((b) => b.text.startsWith(CURRENT))
  if (onScreen && 'callback_data' in onScreen && onScreen.callback_data === ctx.callbackQuery.data) return ctx.answerCallbackQuery({ text: ctx.t('charts:alreadyShown') })
  await ctx.answerCallbackQuery()
  const chart = await renderView(ctx, range, view as ChartView)
  ctx.logger.info({ handler: 'figures:stats', view })
  await ctx.editMessageMedia(
    { type: 'photo', media: new InputFile(chart.png, `stats-${view}.png`), caption: chart.caption, parse_mode: 'HTML' },
    { reply_markup: statsKeyboard(ctx, range, view as ChartView) },
  )
})

function statsLines(ctx: BotContext, s: DeskStats, range: DayRange): string[] {
  const { t } = ctx
  const section = (title: string, counts: Count[], label: (key: string) => string) =>
    counts.length ? ['', `<b>${t(title)}</b>`, ...counts.map((c) => `• ${label(c.key)}: ${c.count}`)] : []
  const wait = s.medianFirstAnswerMs === null ? undefined : splitDuration(s.medianFirstAnswerMs)
  const time = wait ? t(`figures:duration.${wait.unit}`, wait) : ''
  const feedback = s.feedback.slice(0, FEEDBACK_LIMIT).map((f) => `• ${escapeHtml(ctx.content.articles.get(f.articleId, ctx.locale)?.title ?? f.articleId)}: 👍 ${f.helpful} · 👎 ${f.notHelpful}`)
  const moreFeedback = s.feedback.length - FEEDBACK_LIMIT
  return [
    t('figures:stats.title', { from: range.fromDay, to: range.toDay }),
    t('figures:stats.total', { count: s.total }),
    wait ? t('figures:stats.medianFirstAnswer', { time, answered: s.answered, total: s.total }) : t('figures:stats.noAnswers'),
    ...section('figures:stats.byStatus', s.byStatus, (k) => t(`figures:status.${k}`)),
    ...section('figures:stats.byTopic', s.byTopic, (k) => t(`lawyer:topics.${k}`)),
    ...section('figures:stats.byCity', s.byCity, (k) => t(`lawyer:cities.${k}`)),
    ...section('figures:stats.byLanguage', s.byLanguage, (k) => LANGUAGE_NAMES[k as keyof typeof LANGUAGE_NAMES] ?? escapeHtml(k)),
    '',
    `<b>${t('figures:stats.feedback')}</b>`,
    ...(feedback.length ? feedback : [t('figures:stats.noFeedback')]),
    ...(moreFeedback > 0 ? [t('figures:stats.feedbackMore', { count: moreFeedback })] : []),
  ]
}

const ANONYMISED_WORDS = ['anon', 'anonymised', 'anonymized']

composer.command('export', async (ctx) => {
  if (!(await allowed(ctx, 'export'))) return
  const args = words(ctx.match)
  const askedAnonymised = args.some((w) => ANONYMISED_WORDS.includes(w.toLowerCase()))
  const range = parseDayRange(args.filter((w) => !ANONYMISED_WORDS.includes(w.toLowerCase())), ctx.clock())
  if (!range) return ctx.reply(ctx.t('figures:usage.export'))
  const inPrivate = ctx.chat?.type === 'private'
  // Everyone in the group would receive the file: there it never has names, phones or texts.
  const anonymised = askedAnonymised || !inPrivate
  const rows = exportRequests(ctx.db, range.start, range.end)
  audit(ctx.db, ctx.from!.id, anonymised ? 'export:anonymised' : 'export:full', null, ctx.clock(), `${range.fromDay}..${range.toDay} rows=${rows.length}`)
  ctx.logger.info({ handler: 'figures:export', rows: rows.length, anonymised })
  const vars = { from: range.fromDay, to: range.toDay, total: rows.length }
  if (rows.length === 0) return ctx.reply(ctx.t('figures:export.empty', vars))
  const file = new InputFile(Buffer.from(requestsToCsv(rows, { anonymised }), 'utf8'), exportFileName(range.fromDay, range.toDay, anonymised))
  const caption = [ctx.t(anonymised ? 'figures:export.anonymised' : 'figures:export.full', vars), ...(inPrivate ? [] : [ctx.t('figures:export.fullInPrivate')])].join('\n')
  await ctx.replyWithDocument(file, { caption, parse_mode: 'HTML' })
})

export { composer as deskFiguresFeature }
