/**
 * The contract between the deadline rules (pure, src/deadlines/) and the bot's /deadlines flow.
 * Dates are calendar days in Russia, written 'YYYY-MM-DD' (Moscow time decides which day "today" is).
 */
export type IsoDate = string

export type Citizenship = 'KG' | 'UZ' | 'TJ'

/** One answer: a date, "it has not happened yet", or "I don't know" (never guessed). */
export type DateAnswer = { date: IsoDate } | 'not-yet' | 'unknown'

/** What the person told /deadlines. Questions that do not apply to the citizenship stay 'unknown'. */
export interface MigrantDates {
  citizenship: Citizenship
  /** Date of entry from the border stamp on the migration card. */
  entry: DateAnswer
  /** Works (or will work) in Moscow or Moscow Region, where «Амина» replaces registration; undefined = not asked / unknown. */
  moscowRegion?: boolean
  /** Registration at the place of stay: when it was made ('not-yet' = not registered). */
  registered: DateAnswer
  /** The date the registration is valid until (the tear-off part). */
  registeredUntil: DateAnswer
  /** UZ/TJ: the patent's issue date ('not-yet' = no patent yet). */
  patentIssued: DateAnswer
  /** UZ/TJ: the date the patent is paid up to (from the last receipt). */
  patentPaidUntil: DateAnswer
  /** KG: when the labour or civil-law contract ends. */
  contractEnds: DateAnswer
  /** When the medical exam was done ('not-yet' = not done). */
  medicalExam: DateAnswer
  /** When fingerprinting and photographing were done ('not-yet' = not done). */
  fingerprinting: DateAnswer
}

export type DeadlineKind =
  | 'registration' // register at the place of stay (or in «Амина»)
  | 'registration-renewal' // the registration runs out
  | 'patent-application' // apply for the patent
  | 'patent-payment' // the next monthly payment must be made by this day
  | 'patent-expiry' // the patent's year ends
  | 'medical-exam'
  | 'fingerprinting'
  | 'stay-limit' // the last day of the allowed stay (days used / left)
  | 'contract-end' // KG: the contract ends, stay tied to it

/** Why a date is shown with a warning, never silently. */
export type DeadlineCaution =
  | 'sources-differ' // e.g. «Амина» 30 working days vs 15 days for UZ/TJ: the earlier date is shown
  | 'pending-change' // a bill may change it (e.g. the 2026 medical-exam bill)
  | 'unverified' // the reference marks it ⚠ UNVERIFIED or medium: "check at …"

export interface Deadline {
  kind: DeadlineKind
  /** The last day to act (inclusive). */
  date: IsoDate
  /** Whole days from today to `date`; negative when overdue, 0 = today. */
  daysLeft: number
  status: 'upcoming' | 'today' | 'overdue'
  /** The rule that gave the date, kept as data with its source (see rules). */
  ruleId: string
  /** Reference fact ids behind the rule, e.g. ['REG-1', 'AM-2']. */
  factIds: string[]
  /** The date the rule's sources are as of (the newest `seen`/checked date of its facts). */
  sourcesAsOf: IsoDate
  /** The rights article to open for what to do. */
  articleId: string
  cautions: DeadlineCaution[]
  /** Optional figures for the text, e.g. { daysUsed: 40, daysLeft: 50 } for 'stay-limit'. */
  figures?: Record<string, number>
  /** Added by the rules (optional): where sources differ, the later dates other sources give (not to act on). */
  otherDates?: { date: IsoDate; factIds: string[] }[]
  /** Added by the rules (optional): what the date takes for granted, to be said under it. */
  assumptions?: DeadlineAssumption[]
}

/** 'no-other-stays-this-year': the 90 days count this stay only; earlier stays in the same calendar year count too. */
export type DeadlineAssumption = 'no-other-stays-this-year'

/**
 * Why a kind in `missing` has no date: the person answered "I don't know" ('answer-unknown'), no verified
 * source gives a date for this case ('rule-unverified', e.g. Kyrgyz citizens without a contract), or two
 * answers contradict each other ('answers-disagree', e.g. paid up to a day before the patent was issued).
 */
export type MissingReason = 'answer-unknown' | 'rule-unverified' | 'answers-disagree'

export interface DeadlineReport {
  /** Nearest first; overdue ones first of all. */
  deadlines: Deadline[]
  /** Kinds that apply to this person but could not be computed: an answer was 'unknown' (or see missingWhy). */
  missing: DeadlineKind[]
  /** Added by the rules (optional): the reason for each kind in `missing`. */
  missingWhy?: Partial<Record<DeadlineKind, MissingReason>>
}

/** Days before a deadline on which a reminder may be sent; the person picks any of them. */
export type ReminderOffset = 7 | 3 | 1
