/**
 * The quarterly report: one self-contained HTML file with every chart as inline SVG, a table per
 * chart and a summary built only from the shown numbers by fixed sentences. It reads only the
 * protected chart data and the figures' medians: no names, phones, texts or references exist here.
 */
import { escapeHtml } from '../i18n.js'
import type { DeskFigures } from '../desk/stats-figures.js'
import { protectCounts, boundOf, shownTotal } from '../desk/stats-protect.js'
import { chartData, CHART_VIEWS, headline, HIDDEN_SERIES, type ChartData, type ChartView } from './chart-data.js'
import { chartNotes, chartWords, durationText, groupName, longDay, seriesName, type PlainT } from './chart-words.js'
import { renderSvg } from './render.js'
import { chartSpec } from './specs.js'

export interface ReportOptions {
  t: PlainT
  lang: string
  /** The day the report is made (desk time), `YYYY-MM-DD`. */
  today: string
  articleTitle: (id: string) => string
}

/** The largest count that is shown exactly, with its key; undefined when none is. */
function largest(rows: readonly { key: string; value: number | null }[]) {
  return rows.filter((r) => r.value !== null && r.value > 0).sort((a, b) => b.value! - a.value!)[0]
}

/** Templated sentences, each only where its numbers may be shown. */
export function summarySentences(f: DeskFigures, o: ReportOptions, charts: Map<ChartView, ChartData>): string[] {
  const { t } = o
  const h = headline(f)
  const text = (view: ChartView, key: string) => charts.get(view)!.rows.find((r) => r.group === key && r.series === '')?.text ?? '0'
  const topics = protectCounts(f.byTopic, boundOf(f.total, shownTotal(f.total)))
  const topTopic = topics.withheld ? undefined : largest(topics.rows.map((r) => ({ key: r.key, value: r.shown === 'exact' ? r.count : null })))
  const topPlace = charts.get('city')!.withheld ? undefined : largest(charts.get('city')!.rows.map((r) => ({ key: r.group, value: r.value })))
  const outcome = charts.get('outcome')!
  return [
    t('charts:report.total', { from: longDay(f.fromDay), to: longDay(f.toDay), total: h.total }),
    ...(topTopic ? [t('charts:report.topTopic', { topic: t(`lawyer:topics.${topTopic.key}`), count: topTopic.value })] : []),
    ...(topPlace ? [t('charts:report.topPlace', { place: t(`lawyer:cities.${topPlace.key}`), count: topPlace.value })] : []),
    ...(outcome.withheld
      ? []
      : [t('charts:report.outcomes', Object.fromEntries(['resolved', 'referred', 'declined', 'withdrawn', 'open'].map((k) => [k, text('outcome', k)])))]),
    h.medianFirstAnswerMs === null ? t('charts:report.noFirstAnswer') : t('charts:report.firstAnswer', { time: durationText(t, h.medianFirstAnswerMs) }),
    ...(h.medianCloseMs === null ? [] : [t('charts:report.close', { time: durationText(t, h.medianCloseMs) })]),
    ...(charts.get('urgency')!.withheld ? [] : [t('charts:report.urgent', { count: text('urgency', 'detained') })]),
    t('charts:report.openNow', { count: h.openNow }),
    t('charts:report.votes', { count: charts.get('feedback')!.total.text }),
  ]
}

/** One table per chart: a row per group, a column per series, the same texts as on the chart. */
export function chartTable(data: ChartData, o: ReportOptions): string {
  const series = [...new Set(data.rows.map((r) => r.series))]
  const groups = data.view === 'weekly' ? data.groupTotals.map((g) => g.group) : [...new Set(data.rows.map((r) => r.group))]
  const head = series.map((s) => (s ? seriesName(o.t, data.view, s) : o.t('charts:report.tableCount')))
  const withTotal = data.view === 'weekly'
  const cell = (g: string, s: string) => data.rows.find((r) => r.group === g && r.series === s)?.text ?? (s === HIDDEN_SERIES ? '' : '0')
  const rows = groups.map((g) => {
    const cells = series.map((s) => `<td>${escapeHtml(cell(g, s))}</td>`).join('')
    const total = withTotal ? `<td>${escapeHtml(data.groupTotals.find((x) => x.group === g)!.text)}</td>` : ''
    return `<tr><th scope="row">${escapeHtml(groupName(o.t, data.view, g, o.articleTitle))}</th>${cells}${total}</tr>`
  })
  const headRow = `<tr><th></th>${head.map((x) => `<th scope="col">${escapeHtml(x)}</th>`).join('')}${withTotal ? `<th scope="col">${escapeHtml(o.t('charts:report.tableTotal'))}</th>` : ''}</tr>`
  return `<table><thead>${headRow}</thead><tbody>${rows.join('')}</tbody></table>`
}

const STYLE = `
body { font-family: 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; color: #222; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
svg { max-width: 100%; height: auto; } svg text { font-family: 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; }
table { border-collapse: collapse; margin: 0.75rem 0 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: right; } th[scope=row] { text-align: left; font-weight: normal; }
.notes { color: #555; font-size: 0.85rem; } .made { color: #555; font-size: 0.9rem; }
section.chart { break-inside: avoid; page-break-inside: avoid; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section.chart { break-before: page; page-break-before: always; }
  table { page-break-inside: avoid; }
  @page { size: A4; margin: 15mm; }
}`

export async function reportHtml(f: DeskFigures, o: ReportOptions): Promise<string> {
  const charts = new Map(CHART_VIEWS.map((v) => [v, chartData(f, v)] as const))
  const sections: string[] = []
  for (const [view, data] of charts) {
    const svg = await renderSvg(chartSpec(data, chartWords(o.t, data, o.articleTitle)))
    sections.push(
      `<section class="chart"><h2>${escapeHtml(o.t(`charts:title.${view}`))}</h2>${svg}` +
        `<p class="notes">${chartNotes(o.t, data).map(escapeHtml).join('<br>')}</p>${chartTable(data, o)}</section>`,
    )
  }
  const title = o.t('charts:report.title', { from: longDay(f.fromDay), to: longDay(f.toDay) })
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="made">${escapeHtml(o.t('charts:report.made', { date: longDay(o.today) }))}</p>
<h2>${escapeHtml(o.t('charts:report.summaryTitle'))}</h2>
<p>${summarySentences(f, o, charts).map(escapeHtml).join(' ')}</p>
<p class="notes">${escapeHtml(o.t('charts:note.small'))}</p>
<h3>${escapeHtml(o.t('charts:report.method'))}</h3>
<p class="notes">${escapeHtml(o.t('charts:report.methodText'))}</p>
${sections.join('\n')}
</body>
</html>
`
}

