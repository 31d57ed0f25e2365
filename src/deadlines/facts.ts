/**
 * The reference facts the deadline rules stand on (../shared/reference/russia-migrants-law.md), with what
 * the rules need of each: its confidence and the newest date a source behind it shows (`seen:` and
 * `verified:` lines; 'YYYY-MM' or 'YYYY' where the page gives no day; null where no source shows a date).
 * A rule's sourcesAsOf is the newest of these over its facts (checked by test/deadlines/rules.test.ts).
 */
export interface ReferenceFact {
  confidence: 'high' | 'medium'
  seen: string | null
  /** What the reference flags on the fact, word for word in spirit. */
  flags?: readonly ('CHANGED' | 'CORRECTED' | 'SOURCES DISAGREE' | 'UNVERIFIED (part)' | 'PENDING CHANGE' | 'NEW')[]
}

export const FACTS = {
  'REG-1': { confidence: 'medium', seen: '2023-09-11', flags: ['CORRECTED'] }, // UZ 15 days from entry (7 working days is the general rule, not for UZ)
  'REG-2': { confidence: 'medium', seen: '2023-09-11' }, // TJ 15 days from entry
  'REG-3': { confidence: 'medium', seen: '2022-11-26' }, // KG 30 days from entry
  'REG-6': { confidence: 'high', seen: null }, // the tear-off part proves registration
  'REG-9': { confidence: 'medium', seen: '2026-01-29' }, // fine for breaking registration rules
  'REG-10': { confidence: 'medium', seen: '2025' }, // late registration → register of controlled persons
  'AM-1': { confidence: 'medium', seen: '2025-11-27', flags: ['NEW'] }, // «Амина» replaces registration in Moscow region
  'AM-2': { confidence: 'medium', seen: '2025-08-29', flags: ['SOURCES DISAGREE'] }, // 30 working days (one source)
  'SP-2': { confidence: 'medium', seen: '2025-04-07', flags: ['CHANGED', 'SOURCES DISAGREE'] }, // 90 days per calendar year
  'SP-3': { confidence: 'medium', seen: '2024-12', flags: ['UNVERIFIED (part)'] }, // not for patent holders; KG without contract unverified
  'SP-4': { confidence: 'medium', seen: '2025' }, // KG stay tied to the contract
  'SP-14': { confidence: 'high', seen: '2024-06-21' }, // fingerprinting, photo, medical exam are mandatory
  'SP-15': { confidence: 'medium', seen: '2026-02-14', flags: ['PENDING CHANGE'] }, // within 30 calendar days of entry
  'SP-16': { confidence: 'medium', seen: '2024-06-21', flags: ['UNVERIFIED (part)'] }, // fingerprinting normally once
  'SP-17': { confidence: 'medium', seen: '2026-02-10', flags: ['PENDING CHANGE'] }, // certificates valid one year
  'EA-6': { confidence: 'medium', seen: '2021-03-17' }, // EAEU workers: labour or civil-law contract, stay tied to it
  'EA-9': { confidence: 'medium', seen: '2026-01-27' }, // KG not exempt from exam/fingerprinting
  'EC-5': { confidence: 'high', seen: '2026-01-27' }, // employer notifies the MVD within 3 working days of start and end
  'PT-2': { confidence: 'medium', seen: '2025-08-22', flags: ['UNVERIFIED (part)'] }, // apply within 30 calendar days of entry
  'PT-3': { confidence: 'medium', seen: '2025-08-22' }, // the first 30 days' to-do list
  'PT-6': { confidence: 'medium', seen: '2026-03-05' }, // paid monthly ahead; lapses the day after the last paid day; 12 months
  'PT-7': { confidence: 'medium', seen: '2019-12' }, // re-issue once, at least 20 days before the 12 months end
} as const satisfies Record<string, ReferenceFact>

export type FactId = keyof typeof FACTS

/** The newest full date ('YYYY-MM-DD') any source behind these facts shows; null when none shows one. */
export function newestSeen(ids: readonly FactId[]): string | null {
  let newest: string | null = null
  for (const id of ids) {
    const seen: string | null = FACTS[id].seen
    if (seen && (newest === null || seen > newest)) newest = seen
  }
  return newest
}
