/** One /stats chart: the PNG of a view and the caption under it, from the period's figures. */
import type { TFunction } from 'i18next'
import type { DeskFigures } from '../desk/stats-figures.js'
import { chartData, headline, type ChartView } from './chart-data.js'
import { chartWords, durationText, longDay, plainT } from './chart-words.js'
import { renderPng } from './render.js'
import { chartSpec } from './specs.js'

export interface DeskChart {
  png: Buffer
  /** HTML: requests, open queue and the median time to a first answer (values escaped by i18next). */
  caption: string
}

export async function deskChart(figures: DeskFigures, view: ChartView, t: TFunction, articleTitle: (id: string) => string): Promise<DeskChart> {
  const plain = plainT(t)
  const data = chartData(figures, view)
  const png = await renderPng(chartSpec(data, chartWords(plain, data, articleTitle)))
  const h = headline(figures)
  const median = h.medianFirstAnswerMs === null ? plain('charts:noMedian') : durationText(plain, h.medianFirstAnswerMs)
  const caption = t('charts:caption', { from: longDay(figures.fromDay), to: longDay(figures.toDay), total: h.total, open: h.openNow, median })
  return { png, caption }
}
