/**
 * The deadline rules, kept as data: who they apply to, what they count from, how long, the reference facts
 * behind them, how fresh those facts are, the article that says what to do, and the cautions to show.
 * compute.ts only walks this table. Facts: ../shared/reference/russia-migrants-law.md (see facts.ts).
 *
 * Counting, always on the safe (earlier) side:
 * - 'calendar-days' n: the day counted from is day 1, so the last day is that day + (n − 1). ("15 days
 *   starting from the date of entry", REG-2's own words; one day earlier than counting from the next day.)
 * - 'working-days' n: the n-th working day, the day counted from being the first if it is a working day.
 * - 'months' n: the day before the same date n months later (a missing day is the month's last: 31 Jan +
 *   1 month → 28/29 Feb, so the last day is 27/28 Feb).
 * - 'offset-days' n: the day counted from plus n (0 = that very day, −1 = the day before).
 * Where sources differ, each gives a period and the earliest date is shown, with 'sources-differ'.
 * A rule with no period applies but has no verified date: it is reported as missing ('rule-unverified').
 *
 * Not here on purpose: REG-1's general 7 working days (REG-1 ⚠ CORRECTED: it does not apply to Uzbek,
 * Tajik or Kyrgyz citizens, who have treaty exemptions); SP-5's 15 days to find new work (secondary summary,
 * treaty text not read); PT-2's late-application fine (⚠ UNVERIFIED).
 */
import type { FactId } from './facts.js'
import type { Citizenship, DeadlineAssumption, DeadlineCaution, DeadlineKind, IsoDate, MigrantDates } from './types.js'

export type Period =
  | { unit: 'calendar-days'; amount: number }
  | { unit: 'working-days'; amount: number }
  | { unit: 'months'; amount: number }
  | { unit: 'offset-days'; amount: number }

/** The person's situation read from the answers (see situationOf in compute.ts). */
export type Situation = 'registered' | 'patent' | 'contract' | 'medicalExam' | 'fingerprinting'

/** The answer a rule counts from. */
export type CountsFrom = keyof Pick<
  MigrantDates,
  'entry' | 'registeredUntil' | 'patentIssued' | 'patentPaidUntil' | 'contractEnds' | 'medicalExam'
>

export interface DeadlineRule {
  id: string
  kind: DeadlineKind
  citizenships: readonly Citizenship[]
  /** 'moscow-region': only where the person works in Moscow or Moscow Region; 'elsewhere': everywhere else (or not said). */
  where?: 'moscow-region' | 'elsewhere'
  /** The situation the rule needs; an answer of "I don't know" here makes the kind missing. */
  when: Partial<Record<Situation, 'yes' | 'no'>>
  countsFrom: CountsFrom
  /** Empty: the rule applies but no source justifies a date. */
  periods: readonly { period: Period; factIds: readonly FactId[] }[]
  factIds: readonly FactId[]
  /** Newest dated source behind factIds (written by hand; the test recomputes it from facts.ts). */
  sourcesAsOf: IsoDate
  articleId: string
  cautions: readonly DeadlineCaution[]
  /** 'stay-days': figures daysAllowed/daysUsed/daysLeft for the 90-day limit. */
  figures?: 'stay-days'
  /** What the date takes for granted; the text should say it. */
  assumptions?: readonly DeadlineAssumption[]
  why: string
}


const ALL: readonly Citizenship[] = ['KG', 'UZ', 'TJ']
const PATENT: readonly Citizenship[] = ['UZ', 'TJ']
const cal = (amount: number): Period => ({ unit: 'calendar-days', amount })

const registration = (c: Citizenship, days: number, fact: 'REG-1' | 'REG-2' | 'REG-3', asOf: IsoDate): DeadlineRule[] => [
  {
    id: `registration-${c.toLowerCase()}-${days}-days`,
    kind: 'registration',
    citizenships: [c],
    where: 'elsewhere',
    when: { registered: 'no' },
    countsFrom: 'entry',
    periods: [{ period: cal(days), factIds: [fact] }],
    factIds: [fact],
    sourcesAsOf: asOf,
    articleId: 'registration',
    cautions: ['unverified'],
    why: `${fact}: exempt from registration for ${days} days from the date of entry; staying longer needs registration.`,
  },
  {
    id: `registration-${c.toLowerCase()}-${days}-days-amina`,
    kind: 'registration',
    citizenships: [c],
    where: 'moscow-region',
    when: { registered: 'no' },
    countsFrom: 'entry',
    periods: [
      { period: cal(days), factIds: [fact] },
      { period: { unit: 'working-days', amount: 30 }, factIds: ['AM-2'] },
    ],
    factIds: [fact, 'AM-1', 'AM-2'],
    sourcesAsOf: '2025-11-27',
    articleId: 'amina-app',
    cautions: ['sources-differ', 'unverified'],
    why: `AM-1/AM-2: in Moscow and Moscow Region registration is through «Амина», 30 working days per one medium source; ${fact} gives ${days} days: the earlier date is shown.`,
  },
]

export const RULES: readonly DeadlineRule[] = [
  ...registration('UZ', 15, 'REG-1', '2023-09-11'),
  ...registration('TJ', 15, 'REG-2', '2023-09-11'),
  ...registration('KG', 30, 'REG-3', '2022-11-26'),
  {
    id: 'registration-valid-until',
    kind: 'registration-renewal',
    citizenships: ALL,
    where: 'elsewhere',
    when: { registered: 'yes' },
    countsFrom: 'registeredUntil',
    periods: [{ period: { unit: 'offset-days', amount: 0 }, factIds: ['REG-6'] }],
    factIds: ['REG-6', 'REG-9', 'REG-10'],
    sourcesAsOf: '2026-01-29',
    articleId: 'registration',
    cautions: [],
    why: 'REG-6: the tear-off part shows the registration and its end; the last day is the one written there. REG-9/10: what being unregistered costs.',
  },
  {
    id: 'registration-valid-until-amina',
    kind: 'registration-renewal',
    citizenships: ALL,
    where: 'moscow-region',
    when: { registered: 'yes' },
    countsFrom: 'registeredUntil',
    periods: [{ period: { unit: 'offset-days', amount: 0 }, factIds: ['REG-6'] }],
    factIds: ['REG-6', 'AM-1', 'AM-2'],
    sourcesAsOf: '2025-11-27',
    articleId: 'amina-app',
    cautions: ['unverified'],
    why: 'AM-2: in Moscow and Moscow Region those who must extend their registration do it through «Амина» (medium source).',
  },
  {
    id: 'patent-application-30-days',
    kind: 'patent-application',
    citizenships: PATENT,
    when: { patent: 'no' },
    countsFrom: 'entry',
    periods: [{ period: cal(30), factIds: ['PT-2'] }],
    factIds: ['PT-2', 'PT-3'],
    sourcesAsOf: '2025-08-22',
    articleId: 'patent',
    cautions: ['unverified'],
    why: 'PT-2: apply for the patent within 30 calendar days of entry (medium; the late fine is unverified and not used).',
  },
  {
    id: 'patent-paid-until',
    kind: 'patent-payment',
    citizenships: PATENT,
    when: { patent: 'yes' },
    countsFrom: 'patentPaidUntil',
    periods: [{ period: { unit: 'offset-days', amount: -1 }, factIds: ['PT-6'] }],
    factIds: ['PT-6'],
    sourcesAsOf: '2026-03-05',
    articleId: 'patent',
    cautions: ['unverified'],
    why:
      'PT-6: the patent lapses the day after the last paid day and a late payment does not revive it. "Paid up to" may be read as the ' +
      'last paid day or as the first unpaid one, so the day before it is shown: right under both readings.',
  },
  {
    id: 'patent-12-months',
    kind: 'patent-expiry',
    citizenships: PATENT,
    when: { patent: 'yes' },
    countsFrom: 'patentIssued',
    periods: [{ period: { unit: 'months', amount: 12 }, factIds: ['PT-6'] }],
    factIds: ['PT-6', 'PT-7'],
    sourcesAsOf: '2026-03-05',
    articleId: 'patent',
    cautions: ['unverified'],
    why: 'PT-6: at most 12 months from issue with all extensions. PT-7: it can be re-issued once, applying at least 20 days before.',
  },
  ...(['UZ/TJ', 'KG'] as const).flatMap((who): DeadlineRule[] => {
    const kg = who === 'KG'
    const citizenships = kg ? (['KG'] as const) : PATENT
    const articleId = kg ? 'eaeu-workers' : 'stay-periods'
    const suffix = kg ? '-kg' : ''
    return [
      {
        id: `medical-exam-30-days${suffix}`,
        kind: 'medical-exam',
        citizenships,
        when: { medicalExam: 'no' },
        countsFrom: 'entry',
        periods: [{ period: cal(30), factIds: ['SP-15'] }],
        factIds: kg ? ['SP-14', 'SP-15', 'EA-9'] : ['SP-14', 'SP-15'],
        sourcesAsOf: '2026-02-14',
        articleId,
        cautions: ['pending-change', 'unverified'],
        why: 'SP-15: those who came to work pass the medical exam within 30 calendar days of entry (a 2026 bill may change the exam rules).',
      },
      {
        id: `medical-exam-yearly${suffix}`,
        kind: 'medical-exam',
        citizenships,
        when: { medicalExam: 'yes' },
        countsFrom: 'medicalExam',
        periods: [{ period: { unit: 'months', amount: 12 }, factIds: ['SP-17'] }],
        factIds: ['SP-17'],
        sourcesAsOf: '2026-02-10',
        articleId,
        cautions: ['pending-change', 'unverified'],
        why: 'SP-17: the certificates are valid one year (the law then allows 30 more days; the last day of validity is shown, the safe side).',
      },
      {
        id: `fingerprinting-30-days${suffix}`,
        kind: 'fingerprinting',
        citizenships,
        when: { fingerprinting: 'no' },
        countsFrom: 'entry',
        periods: [{ period: cal(30), factIds: ['SP-15'] }],
        factIds: kg ? ['SP-14', 'SP-15', 'SP-16', 'EA-9'] : ['SP-14', 'SP-15', 'SP-16'],
        sourcesAsOf: '2026-02-14',
        articleId,
        cautions: ['unverified'],
        why: 'SP-15: fingerprinting and photo within 30 calendar days of entry; SP-16: normally done once.',
      },
    ]
  }),
  {
    id: 'stay-90-days-per-year',
    kind: 'stay-limit',
    citizenships: PATENT,
    when: { patent: 'no' },
    countsFrom: 'entry',
    periods: [{ period: cal(90), factIds: ['SP-2'] }],
    factIds: ['SP-2', 'SP-3'],
    sourcesAsOf: '2025-04-07',
    articleId: 'stay-periods',
    cautions: ['unverified'],
    figures: 'stay-days',
    assumptions: ['no-other-stays-this-year'],
    why:
      'SP-2: at most 90 days per calendar year and 90 in a row; SP-3: not for patent holders. Counting from this entry alone, ' +
      'the 90 in a row end first (entry + 89); days of earlier stays this year would make it sooner.',
  },
  {
    id: 'stay-kg-without-contract',
    kind: 'stay-limit',
    citizenships: ['KG'],
    when: { contract: 'no' },
    countsFrom: 'entry',
    periods: [],
    factIds: ['SP-3', 'SP-4'],
    sourcesAsOf: '2025',
    articleId: 'eaeu-workers',
    cautions: ['unverified'],
    why: 'SP-3 note ⚠ UNVERIFIED: whether Kyrgyz citizens with no contract are held to 90 days per year was not found. No date.',
  },
  {
    id: 'contract-end-kg',
    kind: 'contract-end',
    citizenships: ['KG'],
    when: { contract: 'yes' },
    countsFrom: 'contractEnds',
    periods: [{ period: { unit: 'offset-days', amount: 0 }, factIds: ['SP-4'] }],
    factIds: ['SP-4', 'EA-6', 'EC-5'],
    sourcesAsOf: '2026-01-27',
    articleId: 'eaeu-workers',
    cautions: ['unverified'],
    why: 'SP-4/EA-6: an EAEU worker\'s stay is tied to the contract. EC-5: the employer notifies the MVD within 3 working days after it ends.',
  },
]
