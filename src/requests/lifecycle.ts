/**
 * The legal request lifecycle: which statuses exist and who may move a request from which status
 * to which. Plain data and functions, no Telegram and no database, so the rules are tested alone.
 */
export const REQUEST_STATUSES = ['new', 'in_progress', 'waiting_for_client', 'referred', 'resolved', 'closed', 'withdrawn'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export type Actor = 'client' | 'lawyer' | 'system'

export const OPEN_STATUSES: readonly RequestStatus[] = ['new', 'in_progress', 'waiting_for_client']
export const FINAL_STATUSES: readonly RequestStatus[] = ['referred', 'resolved', 'closed', 'withdrawn']

const TRANSITIONS: Record<Actor, Partial<Record<RequestStatus, readonly RequestStatus[]>>> = {
  // The person can only withdraw a request that is still open.
  client: {
    new: ['withdrawn'],
    in_progress: ['withdrawn'],
    waiting_for_client: ['withdrawn'],
  },
  lawyer: {
    new: ['in_progress', 'waiting_for_client', 'referred', 'resolved', 'closed'],
    in_progress: ['waiting_for_client', 'referred', 'resolved', 'closed'],
    waiting_for_client: ['in_progress', 'referred', 'resolved', 'closed'],
    // A closed case can be reopened when the person comes back.
    referred: ['in_progress'],
    resolved: ['in_progress'],
    closed: ['in_progress'],
  },
  // The person answered: the ball is with the lawyer again.
  system: {
    waiting_for_client: ['in_progress'],
  },
}

export function isOpen(status: RequestStatus): boolean {
  return OPEN_STATUSES.includes(status)
}

export function canTransition(from: RequestStatus, to: RequestStatus, actor: Actor): boolean {
  return TRANSITIONS[actor][from]?.includes(to) ?? false
}

export function allowedTransitions(from: RequestStatus, actor: Actor): readonly RequestStatus[] {
  return TRANSITIONS[actor][from] ?? []
}

export function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value)
}

/** `JO-2026-00042`: the year the request was made and its number, as people read it on the phone. */
export function formatReference(year: number, id: number): string {
  return `JO-${year}-${String(id).padStart(5, '0')}`
}

export const REQUEST_TOPICS = ['documents', 'work', 'police', 'life', 'family', 'other'] as const
export type RequestTopic = (typeof REQUEST_TOPICS)[number]

export const REQUEST_CITIES = ['moscow', 'kazan', 'chelyabinsk', 'russia-other', 'kyrgyzstan', 'elsewhere'] as const
export type RequestCity = (typeof REQUEST_CITIES)[number]

export const URGENCIES = ['detained', 'deadline', 'normal'] as const
export type Urgency = (typeof URGENCIES)[number]

export const MAX_DESCRIPTION_LENGTH = 3000
export const MAX_ATTACHMENTS = 5

/** The distinct references a text mentions: every bot message about a request names its reference. */
export function referencesIn(text: string | undefined): string[] {
  return [...new Set(text?.toUpperCase().match(/\bJO-\d{4}-\d{5,}\b/g) ?? [])]
}

/** Whether a lawyer's message can still reach the person (a closed case must be reopened first). */
export function acceptsLawyerMessages(status: RequestStatus): boolean {
  return status !== 'withdrawn' && status !== 'closed'
}
