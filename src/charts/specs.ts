/**
 * Vega-Lite specs for the desk's charts, built from protected chart data and the words of one
 * language. Declarative: the spec says what is drawn; vega lays it out and draws it (render.ts).
 * Hidden counts have no bar, only their text ("<5"), so a bar's length never reveals them.
 */
import type { TopLevelSpec } from 'vega-lite'
import { HIDDEN_SERIES, type ChartData } from './chart-data.js'

/** The words a chart needs, already in the desk's language. */
export interface ChartWords {
  title: string
  subtitle: string[]
  xTitle: string
  yTitle: string
  group: (key: string) => string
  series: (key: string) => string
}

export const CHART_FONT = 'Noto Sans'
const WIDTH = 640
const TOPIC_COLOURS = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2']
const HIDDEN_COLOUR = '#bab0ac'
const SERIES_COLOURS: Record<string, string> = { firstAnswer: '#4c78a8', close: '#f58518', helpful: '#54a24b', notHelpful: '#e45756' }

const config = {
  font: CHART_FONT,
  background: 'white',
  padding: 12,
  title: { fontSize: 17, subtitleFontSize: 12, subtitleColor: '#555', anchor: 'start' as const, offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 12, labelLimit: 260 },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom' as const, columns: 3, labelLimit: 260 },
  view: { stroke: null },
}

/** Vega does not wrap titles: long notes are split at spaces into lines of about `width` characters. */
export function wrap(text: string, width = 90): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  return line ? [...lines, line] : lines
}

function header(words: ChartWords) {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json' as const, title: { text: words.title, subtitle: words.subtitle.flatMap((s) => wrap(s)) }, config }
}

/** Horizontal bars, one per group; grouped by series when there is more than one. */
function bars(data: ChartData, words: ChartWords): TopLevelSpec {
  const seriesKeys = [...new Set(data.rows.map((r) => r.series))]
  const grouped = seriesKeys.length > 1
  const groups = [...new Set(data.rows.map((r) => r.group))].map(words.group)
  const values = data.rows.map((r, i) => ({ i, group: words.group(r.group), series: words.series(r.series), seriesKey: r.series, value: r.value, pos: r.value ?? 0, text: r.text }))
  const y = { field: 'group', type: 'nominal' as const, sort: groups, title: words.yTitle }
  const yOffset = grouped ? { yOffset: { field: 'series', type: 'nominal' as const, sort: seriesKeys.map(words.series) } } : {}
  const colour = grouped
    ? { color: { field: 'series', type: 'nominal' as const, sort: seriesKeys.map(words.series), title: null, scale: { domain: seriesKeys.map(words.series), range: seriesKeys.map((k) => SERIES_COLOURS[k] ?? '#4c78a8') } } }
    : { color: { value: '#4c78a8' } }
  const step = grouped ? 14 : 26
  return {
    ...header(words),
    width: WIDTH - 200,
    height: { step: step * (grouped ? seriesKeys.length : 1) + (grouped ? 6 : 0) },
    data: { values },
    encoding: { y, ...yOffset },
    layer: [
      { mark: { type: 'bar' }, encoding: { x: { field: 'value', type: 'quantitative', title: words.xTitle, axis: { tickMinStep: 1, format: 'd' } }, ...colour } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { x: { field: 'pos', type: 'quantitative' }, text: { field: 'text' } } },
    ],
  } as TopLevelSpec
}

/** Weeks as columns, stacked by topic, with each week's total on top. */
function weekly(data: ChartData, words: ChartWords): TopLevelSpec {
  const topics = [...new Set(data.rows.map((r) => r.series))].filter((s) => s !== HIDDEN_SERIES)
  const domain = [...topics.map(words.series), ...(data.rows.some((r) => r.series === HIDDEN_SERIES) ? [words.series(HIDDEN_SERIES)] : [])]
  const range = [...topics.map((_, i) => TOPIC_COLOURS[i % TOPIC_COLOURS.length]!), HIDDEN_COLOUR]
  const weeks = data.groupTotals.map((g) => words.group(g.group))
  const drawn = data.rows.filter((r) => r.value !== null && r.value > 0)
  const tops = data.groupTotals.map((g) => ({
    week: words.group(g.group),
    top: drawn.filter((r) => r.group === g.group).reduce((s, r) => s + r.value!, 0),
    text: g.text,
  }))
  return {
    ...header(words),
    width: WIDTH,
    height: 300,
    layer: [
      {
        data: { values: drawn.map((r) => ({ week: words.group(r.group), series: words.series(r.series), value: r.value, order: domain.indexOf(words.series(r.series)) })) },
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'week', type: 'ordinal', sort: weeks, title: words.xTitle, axis: { labelAngle: -45 } },
          y: { field: 'value', type: 'quantitative', stack: 'zero', title: words.yTitle, axis: { tickMinStep: 1, format: 'd' } },
          color: { field: 'series', type: 'nominal', title: null, scale: { domain, range } },
          order: { field: 'order' },
        },
      },
      {
        data: { values: tops },
        mark: { type: 'text', dy: -7, fontSize: 11 },
        encoding: { x: { field: 'week', type: 'ordinal', sort: weeks }, y: { field: 'top', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  } as TopLevelSpec
}

export function chartSpec(data: ChartData, words: ChartWords): TopLevelSpec {
  return data.view === 'weekly' ? weekly(data, words) : bars(data, words)
}
