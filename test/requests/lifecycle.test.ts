import { describe, expect, it } from 'vitest'
import { allowedTransitions, canTransition, formatReference, isOpen, REQUEST_STATUSES } from '../../src/requests/lifecycle.js'

describe('request lifecycle', () => {
  it.each([
    ['new', 'in_progress', 'lawyer', true],
    ['in_progress', 'waiting_for_client', 'lawyer', true],
    ['waiting_for_client', 'in_progress', 'system', true],
    ['in_progress', 'resolved', 'lawyer', true],
    ['resolved', 'in_progress', 'lawyer', true],
    ['new', 'withdrawn', 'client', true],
    ['waiting_for_client', 'withdrawn', 'client', true],
    ['resolved', 'withdrawn', 'client', false],
    ['withdrawn', 'in_progress', 'lawyer', false],
    ['new', 'resolved', 'client', false],
    ['new', 'withdrawn', 'lawyer', false],
    ['in_progress', 'in_progress', 'lawyer', false],
    ['new', 'in_progress', 'system', false],
  ] as const)('%s → %s by %s: %s', (from, to, actor, expected) => {
    expect(canTransition(from, to, actor)).toBe(expected)
  })

  it('never lets anyone leave withdrawn (the person closed it themselves)', () => {
    for (const actor of ['client', 'lawyer', 'system'] as const) expect(allowedTransitions('withdrawn', actor)).toEqual([])
  })

  it('knows which statuses are open', () => {
    expect(REQUEST_STATUSES.filter(isOpen)).toEqual(['new', 'in_progress', 'waiting_for_client'])
  })

  it('formats references with the year and five digits', () => {
    expect(formatReference(2026, 42)).toBe('JO-2026-00042')
    expect(formatReference(2027, 123456)).toBe('JO-2027-123456')
  })
})
