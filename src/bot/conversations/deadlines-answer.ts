/**
 * The /deadlines answer as text and buttons: a dated list, overdue first, each with what to do, its source and how
 * old that source is, and plain cautions. Pure apart from grammY's keyboard type: the feature, the conversation and
 * the outbox (reminders) share it.
 */
import { InlineKeyboard } from 'grammy'
import type { Deadline, DeadlineKind, DeadlineReport, IsoDate } from '../../deadlines/types.js'
import { escapeHtml, type TFunction } from '../../i18n.js'
import { daysBetween } from '../../deadlines/calendar-days.js'
import { formatDay } from '../../numbers/read-date.js'

/** At most this many characters per message, in every language (a cheap phone shows about a screen). */
export const MESSAGE_BUDGET = 1000

/** Short names of the sources behind each reference fact, as written on them (legal names stay in Russian). */
const SOURCES: Record<string, string> = {
  'REG-1': 'Соглашение России и Узбекистана (с 04.06.2022)',
  'REG-2': 'Соглашение России и Таджикистана (08.02.2013)',
  'REG-3': 'Соглашение России и Кыргызстана (2015), правила ЕАЭС',
  'REG-6': 'ФЗ-109 ст. 22',
  'REG-9': 'КоАП ст. 18.8 ч. 1',
  'REG-10': 'ПП РФ 26.12.2024 № 1899',
  'AM-1': 'Ведомости об «Амине» (29.08.2025)',
  'AM-2': 'Ведомости об «Амине» (29.08.2025)',
  'PT-2': 'Klerk.ru (22.08.2025)',
  'PT-3': 'Klerk.ru (22.08.2025)',
  'PT-6': 'ФЗ-115 ст. 13.3 п. 5; УМВД по Тульской области (05.03.2026)',
  'PT-7': 'Вестник мигранта (mc.mos.ru)',
  'SP-2': 'ФЗ-115 ст. 5 п. 1 (ред. ФЗ-260)',
  'SP-3': 'Консульский департамент МИД России (12.2024)',
  'SP-14': 'ФЗ-274 (КонсультантПлюс, 24.12.2021)',
  'SP-16': '24.kg (МИД Кыргызстана)',
  'SP-4': 'Договор о ЕАЭС; посольство Кыргызстана (2025)',
  'SP-5': 'Договор о ЕАЭС',
  'SP-15': 'МВД (Вологда, 14.02.2026); посольство Кыргызстана',
  'SP-17': 'Приказ Минздрава № 1079н',
  'EA-6': 'LSP.kz о правилах ЕАЭС',
  'EA-9': 'посольство Кыргызстана; Klerk.ru (27.01.2026)',
  'EC-5': 'Klerk.ru (27.01.2026); МВД',
}

/** Every fact id the rules may cite has a name here (checked by a test against src/deadlines/facts.ts). */
export const SOURCE_FACT_IDS = Object.keys(SOURCES)

/** The sources behind a date, each named once (two facts often share a source). */
export const sourceOf = (d: Pick<Deadline, 'factIds'>) => [...new Set(d.factIds.flatMap((id) => (SOURCES[id] ?? id).split('; ')))].join('; ')

const mark = (d: Deadline) => (d.status === 'overdue' ? '🔴' : d.status === 'today' ? '🟠' : d.daysLeft <= 7 ? '🟡' : '🟢')

/** "in 5 days" / "today" / "overdue by 3 days". */
export function whenText(t: TFunction, d: Pick<Deadline, 'status' | 'daysLeft'>): string {
  if (d.status === 'today') return t('deadlines:when.today')
  return d.status === 'overdue' ? t('deadlines:when.overdue', { count: -d.daysLeft }) : t('deadlines:when.left', { count: d.daysLeft })
}

/** "as of 03.2026, 9 months ago": a date people can weigh. */
function asOfText(t: TFunction, asOf: IsoDate, today: IsoDate): string {
  const months = Math.max(0, Math.floor(daysBetween(asOf, today) / 30.44))
  return t('deadlines:asOf', { date: `${asOf.slice(5, 7)}.${asOf.slice(0, 4)}`, age: t('deadlines:monthsAgo', { count: months }) })
}

function block(t: TFunction, d: Deadline, today: IsoDate): string {
  const lines = [
    `${mark(d)} <b>${formatDay(d.date)} · ${t(`deadlines:title.${d.kind}`)}</b> — ${whenText(t, d)}`,
    d.status === 'overdue' ? `❗ ${t(`deadlines:now.${d.kind}`)}` : `➡️ ${t(`deadlines:todo.${d.kind}`)}`,
    `📄 ${escapeHtml(sourceOf(d))} · ${asOfText(t, d.sourcesAsOf, today)}`,
    ...d.cautions.map((c) => `⚠️ ${t(`deadlines:caution.${c}`)}`),
    ...(d.otherDates ?? []).map((o) => `↪️ ${t('deadlines:otherDate', { date: formatDay(o.date), source: sourceOf(o) })}`),
    ...(d.assumptions ?? []).map((a) => `ℹ️ ${t(`deadlines:assumption.${a}`)}`),
  ]
  return lines.join('\n')
}

/** Packs blocks into messages within the budget, never splitting a block. */
export function pack(blocks: string[], budget = MESSAGE_BUDGET): string[] {
  const messages: string[] = []
  let current = ''
  for (const b of blocks) {
    if (current && current.length + 2 + b.length > budget) {
      messages.push(current)
      current = b
    } else current = current ? `${current}\n\n${b}` : b
  }
  if (current) messages.push(current)
  return messages
}

/** The list, as one or more messages (HTML). The last one carries the footer. */
export function renderDeadlines(report: DeadlineReport, t: TFunction, today: IsoDate): string[] {
  const blocks = [t('deadlines:answer.title', { date: formatDay(today) })]
  if (report.deadlines.length === 0) blocks.push(t('deadlines:answer.none'))
  for (const d of report.deadlines) blocks.push(block(t, d, today))
  // What applies but has no date, grouped by why: "I don't know", no verified source, answers that contradict.
  for (const why of ['answer-unknown', 'rule-unverified', 'answers-disagree'] as const) {
    const kinds = report.missing.filter((k) => (report.missingWhy?.[k] ?? 'answer-unknown') === why)
    if (kinds.length) blocks.push(t(`deadlines:answer.missing.${why}`, { list: kinds.map((k) => t(`deadlines:title.${k}`)).join(', ') }))
  }
  blocks.push(t('deadlines:answer.footer'))
  return pack(blocks)
}

/** Under the list: an article per kind, a lawyer when something is overdue, and managing the dates. */
export function answerKeyboard(report: DeadlineReport, t: TFunction, articleTitle: (id: string) => string | undefined, remindersOn: boolean): InlineKeyboard {
  const kb = new InlineKeyboard()
  const articles = [...new Set(report.deadlines.map((d) => d.articleId))]
  for (const id of articles) {
    const title = articleTitle(id)
    if (title) kb.text(`📖 ${title}`, `r:a:${id}`).row()
  }
  if (report.deadlines.some((d) => d.status === 'overdue')) kb.text(t('deadlines:button.lawyer'), 'dl:lawyer').row()
  // The calendar file holds dates still ahead: an overdue date needs action now, not an alarm.
  if (report.deadlines.some((d) => d.status !== 'overdue')) kb.text(t('deadlines:button.calendar'), 'dl:ics').row()
  kb.text(t(remindersOn ? 'deadlines:button.reminders' : 'deadlines:button.remindersOff'), 'dl:rem').row()
  kb.text(t('deadlines:button.change'), 'dl:edit').text(t('deadlines:button.delete'), 'dl:del')
  return kb
}

/** The reminder message: which date, how many days are left now (counted at sending, so a late one is right). */
export function reminderText(t: TFunction, kind: DeadlineKind, date: IsoDate, today: IsoDate): string {
  const daysLeft = daysBetween(today, date)
  const status = daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'today' : 'upcoming'
  const todo = status === 'overdue' ? t(`deadlines:now.${kind}`) : t(`deadlines:todo.${kind}`)
  return [t('deadlines:reminder.title', { what: t(`deadlines:title.${kind}`), date: formatDay(date), when: whenText(t, { status, daysLeft }) }), `➡️ ${todo}`, '', t('deadlines:reminder.footer')].join('\n')
}
