import { describe, expect, it } from 'vitest'
import { chartData, CHART_VIEWS } from '../../src/charts/chart-data.js'
import { chartWords, plainT } from '../../src/charts/chart-words.js'
import { renderSvg, svgToPng } from '../../src/charts/render.js'
import { chartSpec } from '../../src/charts/specs.js'
import { computeFigures, type FigureRequest } from '../../src/desk/stats-figures.js'
import { dayRange } from '../../src/desk/stats.js'
import { createI18n } from '../../src/i18n.js'

const range = dayRange('2026-07-01', '2026-09-30')!
const request = (i: number): FigureRequest => ({
  status: ['new', 'resolved', 'closed', 'referred', 'withdrawn'][i % 5]!,
  disposition: i % 5 === 2 ? 'declined' : null,
  topic: ['work', 'documents', 'police'][i % 3]!,
  city: ['moscow', 'kazan'][i % 2]!,
  language: ['ky', 'uz', 'tg', 'ru'][i % 4]!,
  urgency: i % 7 ? 'normal' : 'detained',
  createdAt: new Date(Date.UTC(2026, 6, 1 + (i % 80), 9)),
  firstAnsweredAt: i % 3 ? new Date(Date.UTC(2026, 6, 1 + (i % 80), 9 + (i % 40))) : null,
  closedAt: new Date(Date.UTC(2026, 6, 3 + (i % 80))),
})
const figures = computeFigures(Array.from({ length: 90 }, (_, i) => request(i)), [{ articleId: 'patent', votedOn: '2026-08-01', helpful: 9, notHelpful: 6 }], 12, range)

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer) {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

describe('charts: Vega-Lite → SVG → PNG on the server', () => {
  it('needs no node-canvas: vega estimates text widths', async () => {
    await expect(import('canvas' as string)).rejects.toThrow()
  })

  it('draws every view in every language with the words of that language', async () => {
    const i18n = await createI18n()
    const samples: Record<string, string> = { ky: 'Өтүнүчтөр', ru: 'Запросы', uz: 'Soʻrovlar', tg: 'Дархостҳо', en: 'Requests' }
    for (const [lang, word] of Object.entries(samples)) {
      const t = plainT(i18n.getFixedT(lang))
      const data = chartData(figures, 'urgency')
      const svg = await renderSvg(chartSpec(data, chartWords(t, data, (id) => id)))
      expect(svg, lang).toContain(word)
      expect(svg).toContain('font-family="Noto Sans')
    }
    const t = plainT(i18n.getFixedT('ru'))
    for (const view of CHART_VIEWS) {
      const data = chartData(figures, view)
      const svg = await renderSvg(chartSpec(data, chartWords(t, data, (id) => id)))
      expect(svg, view).toContain(t(`charts:title.${view}`))
    }
  })

  it('turns the SVG into a PNG of a sensible size for a phone', async () => {
    const i18n = await createI18n()
    const data = chartData(figures, 'weekly')
    const png = svgToPng(await renderSvg(chartSpec(data, chartWords(plainT(i18n.getFixedT('tg')), data, (id) => id))))
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    const { width, height } = pngSize(png)
    expect(width).toBeGreaterThan(800)
    expect(width).toBeLessThan(2600)
    expect(height).toBeGreaterThan(400)
    expect(height).toBeLessThan(2600)
    // Telegram takes photos up to 10 MB; a chart should be far smaller.
    expect(png.length).toBeGreaterThan(20_000)
    expect(png.length).toBeLessThan(1_000_000)
  })
})
