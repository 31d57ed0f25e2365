/** The rules table against the reference it claims to stand on. */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE_CATEGORIES } from '../../src/content/articles.js'
import { factsAsOf } from '../../src/deadlines/compute.js'
import { FACTS } from '../../src/deadlines/facts.js'
import { RULES } from '../../src/deadlines/rules.js'

const REFERENCE = [resolve('../shared/reference/russia-migrants-law.md'), '/work/shared/reference/russia-migrants-law.md'].find(existsSync)

describe('the rules table', () => {
  it('has unique ids', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length)
  })

  it.each(RULES.map((r) => [r.id, r] as const))('%s: sourcesAsOf is the newest dated source of its facts, a full day where it gives a date', (_, rule) => {
    expect(rule.sourcesAsOf).toBe(factsAsOf(rule))
    if (rule.periods.length > 0) expect(rule.sourcesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it.each(RULES.map((r) => [r.id, r] as const))('%s: opens an existing article; its period facts are among its facts', (_, rule) => {
    const articles = ARTICLE_CATEGORIES.flatMap((c) => [...c.articleIds]) as string[]
    expect(articles).toContain(rule.articleId)
    for (const p of rule.periods) for (const f of p.factIds) expect(rule.factIds).toContain(f)
  })

  it.each(RULES.map((r) => [r.id, r] as const))('%s: medium facts → "unverified"; disagreeing sources → "sources-differ"; a pending bill → "pending-change"', (_, rule) => {
    const dateFacts = rule.periods.flatMap((p) => p.factIds)
    if (dateFacts.some((f) => FACTS[f].confidence === 'medium')) expect(rule.cautions).toContain('unverified')
    if (rule.periods.length > 1) expect(rule.cautions).toContain('sources-differ')
    const flagged = dateFacts.some((f) => (FACTS[f] as { flags?: readonly string[] }).flags?.includes('PENDING CHANGE'))
    if (flagged && rule.kind === 'medical-exam') expect(rule.cautions).toContain('pending-change')
  })
})

describe.skipIf(!REFERENCE)('facts.ts against the reference file', () => {
  const text = REFERENCE ? readFileSync(REFERENCE, 'utf8') : ''
  const bullet = (id: string) => {
    const start = text.indexOf(`- **${id}**`)
    expect(start, id).toBeGreaterThanOrEqual(0)
    const next = text.indexOf('\n- **', start + 1)
    return text.slice(start, next < 0 ? undefined : next)
  }

  it.each(Object.entries(FACTS))('%s: same confidence, and the seen date appears in its sources', (id, fact) => {
    const b = bullet(id)
    expect(b).toMatch(new RegExp(`confidence: ${fact.confidence}`))
    if (fact.seen) {
      // 'YYYY-MM' may be written out ("December 2024").
      const [y, m] = fact.seen.split('-')
      const month = m ? new Date(Date.UTC(Number(y), Number(m) - 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }) : ''
      expect([b.includes(fact.seen), m !== undefined && fact.seen.length === 7 && b.includes(`${month} ${y}`)], fact.seen).toContain(true)
    }
    const flags: readonly string[] = (fact as { flags?: readonly string[] }).flags ?? []
    for (const flag of flags) expect(b, `${id} ${flag}`).toContain(flag.replace(' (part)', ''))
  })

  it('the numbers the rules use are the reference\'s own', () => {
    expect(bullet('REG-1')).toContain('15 days from the date of entry')
    expect(bullet('REG-2')).toContain('15 days from the date of entry')
    expect(bullet('REG-3')).toContain('30 days from the date of entry')
    expect(bullet('AM-2')).toContain('30 working days')
    expect(bullet('PT-2')).toContain('30 calendar days of entry')
    expect(bullet('PT-6')).toContain('ends the day after the last paid day')
    expect(bullet('PT-6')).toContain('at most 12 months from issue')
    expect(bullet('SP-2')).toContain('90 days in total per calendar year')
    expect(bullet('SP-3')).toContain('whether Kyrgyz citizens with no contract are held to 90 days per calendar year was not found')
    expect(bullet('SP-15')).toContain('within 30 calendar days of entry')
    expect(bullet('SP-17')).toContain('valid one year')
  })
})
