/** The words of a chart in one language: titles, axis names, category names and the notes under the title. */
import type { TFunction } from 'i18next'
import { splitDuration } from '../desk/stats.js'
import { HIDDEN_SERIES, type ChartData, type ChartView } from './chart-data.js'
import type { ChartWords } from './specs.js'

/** i18next without HTML escaping: chart text is drawn, not parsed as HTML (the SVG writer escapes it). */
export type PlainT = (key: string, options?: Record<string, unknown>) => string

export function plainT(t: TFunction): PlainT {
  return (key, options) => t(key, { ...options, interpolation: { escapeValue: false } }) as string
}

const AXES: Record<ChartView, [x: string, y: string]> = {
  weekly: ['axis.week', 'axis.requests'],
  city: ['axis.requests', 'axis.place'],
  citizenship: ['axis.requests', 'axis.citizenship'],
  outcome: ['axis.requests', 'axis.outcome'],
  urgency: ['axis.requests', 'axis.urgency'],
  times: ['axis.requests', 'axis.wait'],
  feedback: ['axis.votes', 'axis.article'],
}

const NOTES: Partial<Record<ChartView, string>> = {
  weekly: 'note.weeks',
  citizenship: 'note.citizenship',
  times: 'note.times',
  feedback: 'note.feedbackTop',
}

/** `12.07` for the week starting on 2026-07-12 (the year is in the subtitle). */
const shortDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`
/** `01.07.2026` */
export const longDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`

/** A category's name: topics, places and such come from the desk's own words. */
export function groupName(t: PlainT, view: ChartView, key: string, articleTitle: (id: string) => string): string {
  switch (view) {
    case 'weekly':
      return shortDay(key)
    case 'city':
      return t(`lawyer:cities.${key}`)
    case 'citizenship':
      return t(`charts:citizenship.${key}`)
    case 'outcome':
      return t(`charts:outcome.${key}`)
    case 'urgency':
      return t(`charts:urgency.${key}`)
    case 'times':
      return t(`charts:wait.${key}`)
    case 'feedback':
      return articleTitle(key)
  }
}

export function seriesName(t: PlainT, view: ChartView, key: string): string {
  if (view === 'weekly') return key === HIDDEN_SERIES ? t('charts:series._hidden') : t(`lawyer:topics.${key}`)
  return key ? t(`charts:series.${key}`) : ''
}

/** The notes under a chart's title: the period, the small-count rule and what the view needs said. */
export function chartNotes(t: PlainT, data: ChartData): string[] {
  const note = NOTES[data.view]
  return [
    t('charts:period', { from: longDay(data.fromDay), to: longDay(data.toDay) }),
    t('charts:note.small'),
    ...(note ? [t(`charts:${note}`)] : []),
    ...(data.total.value === 0 ? [t('charts:note.empty')] : data.withheld ? [t('charts:note.withheld')] : []),
    ...(data.view === 'feedback' && data.undatedVotes.text !== '0' ? [t('charts:note.undated', { count: data.undatedVotes.text })] : []),
  ]
}

export function chartWords(t: PlainT, data: ChartData, articleTitle: (id: string) => string): ChartWords {
  const [x, y] = AXES[data.view]
  return {
    title: t(`charts:title.${data.view}`),
    subtitle: chartNotes(t, data),
    xTitle: t(`charts:${x}`),
    yTitle: t(`charts:${y}`),
    group: (key) => groupName(t, data.view, key, articleTitle),
    series: (key) => seriesName(t, data.view, key),
  }
}

/** A wait as people say it ("2 h 30 min"), in the figures' words. */
export function durationText(t: PlainT, ms: number): string {
  const d = splitDuration(ms)
  return t(`figures:duration.${d.unit}`, d)
}
