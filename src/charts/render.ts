/**
 * Vega-Lite spec → SVG (vega on the server, no canvas: text widths are vega's estimates) → PNG
 * (resvg, with the Noto Sans files shipped in an npm package, so Cyrillic and Uzbek letters draw
 * the same on a server without system fonts).
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import * as vega from 'vega'
import { compile, type TopLevelSpec } from 'vega-lite'
import { CHART_FONT } from './specs.js'

const fontDir = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans/package.json'))
export const FONT_FILES = [join(fontDir, '400Regular/NotoSans_400Regular.ttf'), join(fontDir, '700Bold/NotoSans_700Bold.ttf')]

/** The chart as an SVG document (its text as text, in the chart font). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}

/** An SVG drawn to PNG at twice its size, sharp on a phone. */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
  })
  return resvg.render().asPng()
}

export async function renderPng(spec: TopLevelSpec): Promise<Buffer> {
  return svgToPng(await renderSvg(spec))
}
