/**
 * Turns benefit assessments into the bot's answer (Telegram HTML subset or plain text) and into a short plain
 * message a family can forward to a relative. Pure: all words come from the `benefits` namespace through the
 * `t` function the caller passes (e.g. `i18n.getFixedT(lang, 'benefits')`).
 */
import { BENEFITS_CHECKED } from '../content/benefits.js'
import { escapeHtml } from '../i18n.js'
import type { AssessedAmount, BenefitAssessment, ReasonKey, ReasonStatus, Verdict } from './assessment.js'

export type Translate = (key: string, options?: Record<string, unknown>) => string

export interface RenderOptions {
  /** true: Telegram HTML (<b>, <i>, everything else escaped); false: plain text. */
  html: boolean
}

const VERDICT_ORDER: readonly Verdict[] = ['likely', 'maybe', 'unlikely']
const STATUS_MARK: Record<ReasonStatus, string> = { met: '✅', unknown: '❓', 'not-met': '✖️', check: '☝️', info: '•' }
const STATUS_ORDER: readonly ReasonStatus[] = ['met', 'unknown', 'not-met', 'check', 'info']
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const FOOTER_NOTES = ['as-of-march-2026', 'figures-change', 'ask-lawyer'] as const

/** Groups digits with a no-break space: 150000 → "150 000". */
export function formatSom(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')
}

class Writer {
  constructor(
    private readonly t: Translate,
    private readonly html: boolean,
  ) {}

  /** Translated text, escaped for HTML; numbers grouped and ISO dates spelled out in the user's language. */
  text(key: string, params: Record<string, unknown> = {}): string {
    return this.esc(this.raw(key, params))
  }

  bold(s: string): string {
    return this.html ? `<b>${s}</b>` : s
  }

  italic(s: string): string {
    return this.html ? `<i>${s}</i>` : s
  }

  esc(s: string): string {
    return this.html ? escapeHtml(s) : s
  }

  private raw(key: string, params: Record<string, unknown>): string {
    const options: Record<string, unknown> = { interpolation: { escapeValue: false } }
    for (const [name, value] of Object.entries(params)) options[name] = this.param(name, value)
    return this.t(key, options)
  }

  private param(name: string, value: unknown): unknown {
    if (name === 'other' && typeof value === 'string') return this.raw(`benefit.${value}.name`, {})
    if (typeof value === 'number' && name !== 'count' && !/year/i.test(name)) return formatSom(value)
    if (typeof value === 'string') {
      const m = ISO_DAY.exec(value)
      if (m) return this.raw(`date.${m[2]}`, { day: Number(m[3]), year: Number(m[1]) })
    }
    return value
  }

  asOf(yearMonth: string): string {
    const [year, month] = yearMonth.split('-')
    return this.text(`asOf.${month}`, { year: Number(year) })
  }

  amount(a: AssessedAmount, withLabel: boolean): string {
    const value = a.value !== undefined ? formatSom(a.value) : `${formatSom(a.min ?? 0)}–${formatSom(a.max ?? 0)}`
    let s = this.text(`unit.${a.unit}`, { value })
    if (a.count !== undefined && a.count > 1) s += `, ${this.text('amount.count', { count: a.count })}`
    // The as-of phrase carries the year; the figure's own year is added only when it differs.
    const when = [this.asOf(a.asOf)]
    if (String(a.year) !== a.asOf.slice(0, 4)) when.unshift(this.text('amount.year', { year: a.year }))
    s += ` (${when.join(', ')})`
    if (withLabel) s = `${this.text(`variant.${a.variant}`)}: ${s}`
    const flags = a.flags.map((f) => this.text(`flag.${f}`))
    return flags.length > 0 ? `${s}. ${this.italic(flags.join(' '))}` : s
  }

  /** An amount without its flags, for the short answer. */
  shortAmount(a: AssessedAmount): string {
    const value = a.value !== undefined ? formatSom(a.value) : `${formatSom(a.min ?? 0)}–${formatSom(a.max ?? 0)}`
    let s = this.text(`unit.${a.unit}`, { value })
    if (a.count !== undefined && a.count > 1) s += `, ${this.text('amount.count', { count: a.count })}`
    // Not paid yet on the day asked: say so even on the short screen.
    return a.flags.includes('announced') ? `${s} (${this.text('flag.announced')})` : s
  }

  reason(r: ReasonKey, benefitName: string): string {
    return this.text(`reason.${r.key}`, { ...r.params, name: benefitName })
  }

  name(id: string): string {
    return this.text(`benefit.${id}.name`)
  }
}

function byVerdict(results: readonly BenefitAssessment[], verdict: Verdict): BenefitAssessment[] {
  return results.filter((r) => r.verdict === verdict)
}

function benefitBlock(w: Writer, r: BenefitAssessment): string {
  const lines: string[] = []
  const mark = r.verdict === 'likely' ? '✅' : '❓'
  const name = w.name(r.benefitId)
  lines.push(`${mark} ${w.bold(name)}`, w.italic(w.text(`benefit.${r.benefitId}.desc`)))
  if (r.amount) lines.push(`💰 ${w.amount(r.amount, r.amount.variant !== 'per-child')}`)
  for (const a of r.otherAmounts) lines.push(`   • ${w.amount(a, true)}`)
  const reasons = [...r.reasons].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status))
  for (const reason of reasons) lines.push(`${STATUS_MARK[reason.status]} ${w.reason(reason, name)}`)
  if (r.documents.length > 0) {
    lines.push(`📄 ${w.bold(w.text('result.documents'))} ${r.documents.map((d) => w.text(`document.${d}`)).join('; ')}`)
  }
  if (r.whereToApply.length > 0) {
    lines.push(`📍 ${w.bold(w.text('result.where'))} ${r.whereToApply.map((d) => w.text(`where.${d}`)).join('; ')}`)
  }
  for (const note of r.uncertain) lines.push(`⚠️ ${w.italic(w.text(`note.${note}`))}`)
  return lines.join('\n')
}

/** The kind sentence that says why a benefit does not apply: its first unmet condition. */
function whyNot(w: Writer, r: BenefitAssessment): string {
  const name = w.name(r.benefitId)
  const reason = r.reasons.find((x) => x.status === 'not-met')
  const why = reason ? w.reason(reason, name) : w.text('result.notNow')
  return `• ${w.bold(name)}: ${why}`
}

/** The newest month any shown figure is as of ("YYYY-MM"): the footer says it, not only the day of the check. */
export function figuresAsOf(results: readonly BenefitAssessment[]): string {
  const months = results
    .filter((r) => r.verdict !== 'unlikely')
    .flatMap((r) => [r.amount, ...r.otherAmounts])
    .flatMap((a) => (a ? [a.asOf] : []))
  return months.sort().at(-1) ?? '2026-03'
}

function asOfLine(w: Writer, results: readonly BenefitAssessment[]): string {
  return w.italic(w.text('result.asOf', { asOf: w.asOf(figuresAsOf(results)), date: BENEFITS_CHECKED }))
}

function footer(w: Writer, results: readonly BenefitAssessment[]): string {
  const lines = FOOTER_NOTES.map((k) => `ℹ️ ${w.text(`note.${k}`)}`)
  lines.push(asOfLine(w, results))
  return lines.join('\n')
}

/**
 * The answer as separate blocks (title, one per benefit that may apply, the ones that do not, footer), so a caller
 * can split them over several messages if one would pass Telegram's 4 096-character limit.
 */
export function renderAssessmentParts(
  results: readonly BenefitAssessment[],
  t: Translate,
  { html }: RenderOptions,
): string[] {
  const w = new Writer(t, html)
  const parts: string[] = [w.bold(w.text('result.title'))]
  const open = [...byVerdict(results, 'likely'), ...byVerdict(results, 'maybe')]
  if (open.length === 0) parts.push(w.text('result.nothing'))
  for (const verdict of VERDICT_ORDER.slice(0, 2)) {
    const group = byVerdict(results, verdict)
    if (group.length === 0) continue
    parts.push([w.bold(w.text(`result.${verdict}`)), ...group.map((r) => benefitBlock(w, r))].join('\n\n'))
  }
  const closed = byVerdict(results, 'unlikely')
  if (closed.length > 0) parts.push([w.bold(w.text('result.unlikely')), ...closed.map((r) => whyNot(w, r))].join('\n'))
  parts.push(footer(w, results))
  return parts
}

/** The answer split into messages of at most `limit` characters (Telegram allows 4 096), cut only between blocks. */
export function renderAssessmentMessages(
  results: readonly BenefitAssessment[],
  t: Translate,
  options: RenderOptions,
  limit = 4096,
): string[] {
  const messages: string[] = []
  for (const part of renderAssessmentParts(results, t, options).flatMap((p) => p.split('\n\n'))) {
    const last = messages[messages.length - 1]
    if (last !== undefined && last.length + 2 + part.length <= limit) messages[messages.length - 1] = `${last}\n\n${part}`
    else messages.push(part)
  }
  return messages
}

/** The whole answer in one text (Telegram HTML when `html` is true). */
export function renderAssessment(results: readonly BenefitAssessment[], t: Translate, options: RenderOptions): string {
  return renderAssessmentParts(results, t, options).join('\n\n')
}

/**
 * One plain-text message to forward to a relative: what may apply, how much, where, which papers. It must stay one
 * Telegram message (4 096): when all "I don't know" answers make it longer, the papers and then the points to check
 * are left to the details.
 */
export function renderForwardableSummary(results: readonly BenefitAssessment[], t: Translate, limit = 4096): string {
  const w = new Writer(t, false)
  const open = results.filter((r) => r.verdict !== 'unlikely')
  const build = (papers: boolean, toCheck: boolean): string => {
    const lines: string[] = [w.text('summary.title', { asOf: w.asOf(figuresAsOf(results)) }), '']
    if (open.length === 0) lines.push(w.text('result.nothing'))
    for (const r of open) {
      const mark = r.verdict === 'likely' ? '✅' : '❓'
      let line = `${mark} ${w.name(r.benefitId)}`
      if (r.amount) line += ` — ${w.amount(r.amount, r.amount.variant !== 'per-child')}`
      lines.push(line)
      const check = r.reasons.find((x) => x.status === 'unknown')
      if (check && toCheck) lines.push(`   ${w.text('summary.check')} ${w.reason(check, w.name(r.benefitId))}`)
      if (r.whereToApply.length > 0) {
        lines.push(`   ${w.text('result.where')} ${r.whereToApply.map((d) => w.text(`where.${d}`)).join('; ')}`)
      }
      if (r.documents.length > 0 && papers) {
        lines.push(`   ${w.text('result.documents')} ${r.documents.map((d) => w.text(`document.${d}`)).join('; ')}`)
      }
    }
    lines.push('', ...FOOTER_NOTES.map((k) => w.text(`note.${k}`)))
    return lines.join('\n')
  }
  for (const [papers, toCheck] of [[true, true], [false, true]] as const) {
    const text = build(papers, toCheck)
    if (text.length <= limit) return text
  }
  return build(false, false)
}

/** The limit of the first message: one phone screen. */
export const SHORT_ANSWER_LIMIT = 1000

/**
 * The first message of every answer, one phone screen (≤ SHORT_ANSWER_LIMIT characters): what is likely, how much,
 * where to go. The details are behind buttons (renderBenefitDetail, renderWhyNot). When it would not fit, the places
 * are listed once at the end instead of under each benefit, then the "maybe" benefits lose their amounts.
 */
export function renderShortAnswer(results: readonly BenefitAssessment[], t: Translate, { html }: RenderOptions): string {
  const w = new Writer(t, html)
  const open = [...byVerdict(results, 'likely'), ...byVerdict(results, 'maybe')]
  const closed = byVerdict(results, 'unlikely').length
  // The short answer names the office; "where the family actually lives" is in the details.
  const place = (key: string) => w.text(`where.${key === 'district-office-actual' ? 'district-office' : key}`)
  const build = (whereEach: boolean, maybeAmounts: boolean): string => {
    const lines = [w.bold(w.text('short.title'))]
    if (open.length === 0) lines.push(w.text('result.nothing'))
    for (const r of open) {
      const likely = r.verdict === 'likely'
      let line = `${likely ? '✅' : '❓'} ${w.name(r.benefitId)}`
      if (r.amount && (likely || maybeAmounts)) line += ` — ${w.shortAmount(r.amount)}`
      if (r.insteadOf) line += ` (${w.text('short.insteadOf', { other: r.insteadOf })})`
      const where = r.whereToApply[0]
      if (where && whereEach) line += `\n   📍 ${place(where)}`
      lines.push(line)
    }
    if (!whereEach && open.length > 0) {
      const places = [...new Set(open.flatMap((r) => (r.whereToApply[0] ? [place(r.whereToApply[0])] : [])))]
      lines.push(`📍 ${places.join('; ')}`)
    }
    if (closed > 0) lines.push(w.text('short.notNow', { count: closed }))
    lines.push('', w.text(open.length > 0 ? 'short.details' : 'short.detailsNone'), asOfLine(w, results))
    return lines.join('\n')
  }
  const attempts: Array<[boolean, boolean]> = [[true, true], [false, true], [false, false]]
  for (const [whereEach, maybeAmounts] of attempts) {
    const text = build(whereEach, maybeAmounts)
    if (text.length <= SHORT_ANSWER_LIMIT) return text
  }
  return build(false, false)
}

/** One benefit in full (behind its button under the short answer), with the notes every answer carries. */
export function renderBenefitDetail(results: readonly BenefitAssessment[], id: string, t: Translate): string | undefined {
  const r = results.find((x) => x.benefitId === id)
  if (!r) return undefined
  const w = new Writer(t, true)
  const block = r.verdict === 'unlikely' ? whyNot(w, r) : benefitBlock(w, r)
  return `${block}\n\n${footer(w, results)}`
}

/** Why the other benefits do not apply now, one kind sentence each. */
export function renderWhyNot(results: readonly BenefitAssessment[], t: Translate): string {
  const w = new Writer(t, true)
  const closed = byVerdict(results, 'unlikely')
  return [w.bold(w.text('result.unlikely')), ...closed.map((r) => whyNot(w, r))].join('\n')
}
