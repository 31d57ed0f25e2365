/**
 * Requests as a CSV file for the NGO's reports (full) and for donors (anonymised: no names, phones
 * or texts). csv-stringify does the quoting; this module chooses the columns and defuses cells a
 * spreadsheet would run as a formula. Plain functions: the bot and the CLI both call them.
 */
import { stringify } from 'csv-stringify/sync'
import { deskDateTime, deskDay } from './stats.js'

/** One request with what the export needs; the database layer fills it in. */
export interface ExportRequest {
  reference: string
  createdAt: Date
  status: string
  disposition: string | null
  referredTo: string | null
  declineReason: string | null
  topic: string
  city: string
  language: string
  urgency: string
  urgent: boolean
  forWhom: string
  subjectName: string | null
  contactPhone: string | null
  safeToContact: boolean
  description: string
  assignedLawyerId: number | null
  attachments: number
  firstAnsweredAt: Date | null
  lastActivityAt: Date
  /** Oldest first; notes are the lawyers' internal ones. */
  messages: readonly { direction: 'from_client' | 'to_client' | 'note'; authorId: number; text: string; createdAt: Date }[]
}

type Cell = string | number | null
interface Column {
  header: string
  value: (r: ExportRequest) => Cell
}

/** Excel keeps at most 32,767 characters in a cell; longer text would spill into the next row. */
const MAX_CELL = 32_000

const yesNo = (b: boolean) => (b ? 'yes' : 'no')
const count = (r: ExportRequest, direction: ExportRequest['messages'][number]['direction']) => r.messages.filter((m) => m.direction === direction).length
const hoursToFirstAnswer = (r: ExportRequest) =>
  r.firstAnsweredAt ? Math.round(Math.max(0, r.firstAnsweredAt.getTime() - r.createdAt.getTime()) / 360_000) / 10 : null
const who = (m: ExportRequest['messages'][number]) => (m.direction === 'from_client' ? 'migrant' : m.direction === 'to_client' ? `lawyer #${m.authorId}` : `note #${m.authorId}`)

/** Columns that carry no person's name, phone or words: what donors and the group may see. */
const SHARED_HEAD: Column[] = [{ header: 'reference', value: (r) => r.reference }]
const SHARED_CASE: Column[] = [
  { header: 'status', value: (r) => r.status },
  { header: 'disposition', value: (r) => r.disposition },
  { header: 'topic', value: (r) => r.topic },
  { header: 'city', value: (r) => r.city },
  { header: 'language', value: (r) => r.language },
  { header: 'urgency', value: (r) => r.urgency },
  { header: 'urgent', value: (r) => yesNo(r.urgent) },
  { header: 'for_whom', value: (r) => r.forWhom },
  { header: 'attachments', value: (r) => r.attachments },
  { header: 'messages_from_client', value: (r) => count(r, 'from_client') },
  { header: 'messages_to_client', value: (r) => count(r, 'to_client') },
  { header: 'notes', value: (r) => count(r, 'note') },
  { header: 'hours_to_first_answer', value: hoursToFirstAnswer },
]

export const FULL_COLUMNS: readonly Column[] = [
  ...SHARED_HEAD,
  { header: 'created', value: (r) => deskDateTime(r.createdAt) },
  ...SHARED_CASE,
  { header: 'first_answer_at', value: (r) => (r.firstAnsweredAt ? deskDateTime(r.firstAnsweredAt) : null) },
  { header: 'last_activity_at', value: (r) => deskDateTime(r.lastActivityAt) },
  { header: 'lawyer_id', value: (r) => r.assignedLawyerId },
  { header: 'subject_name', value: (r) => r.subjectName },
  { header: 'contact_phone', value: (r) => r.contactPhone },
  { header: 'safe_to_contact', value: (r) => yesNo(r.safeToContact) },
  { header: 'referred_to', value: (r) => r.referredTo },
  { header: 'decline_reason', value: (r) => r.declineReason },
  { header: 'description', value: (r) => r.description },
  { header: 'conversation', value: (r) => r.messages.map((m) => `${deskDateTime(m.createdAt)} ${who(m)}: ${m.text}`).join('\n') },
]

/** Day only, no lawyer ids and no free text: a row cannot be traced back to a person from the file alone. */
export const ANONYMISED_COLUMNS: readonly Column[] = [...SHARED_HEAD, { header: 'created_date', value: (r) => deskDay(r.createdAt) }, ...SHARED_CASE]

/**
 * Spreadsheets run a cell that starts with = + - @ (or tab / carriage return, which they skip
 * before such a sign) as a formula: `=HYPERLINK(...)` in a description would run on the
 * NGO's laptop. A leading apostrophe makes the cell text (OWASP "CSV Injection"). Full-width
 * forms are included because some spreadsheets normalise them.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** Undoes `guardCell` when a guarded file is read back in. */
export function unguardCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value
}

/**
 * Cells to quote: line breaks (a bare "\n" would start a new row in Excel and LibreOffice, and
 * csv-stringify quotes only "\r\n" with CRLF records), and ";" because Russian Excel splits on it:
 * an unquoted `x;=1+1` would become a second cell that starts with "=", past the guard.
 */
export const QUOTED_CELLS = /[\r\n;]/

function clipCell(value: string): string {
  return value.length > MAX_CELL ? `${value.slice(0, MAX_CELL - 1)}…` : value
}

function cell(value: Cell): string | number {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? value : ''
  return guardCell(clipCell(value))
}

/**
 * The CSV text: a UTF-8 byte-order mark first (so Excel reads Cyrillic and ʻ correctly), a header
 * row, CRLF line ends (RFC 4180), fields quoted where they hold a comma, quote or line break.
 */
export function requestsToCsv(requests: readonly ExportRequest[], options: { anonymised: boolean }): string {
  const columns = options.anonymised ? ANONYMISED_COLUMNS : FULL_COLUMNS
  return rowsToCsv(
    columns.map((c) => c.header),
    requests.map((r) => columns.map((c) => c.value(r))),
  )
}

/** Any table as guarded CSV (the same rules as above), for callers with their own columns. */
export function rowsToCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header.map((h) => cell(h)), ...rows.map((row) => row.map(cell))], { bom: true, record_delimiter: 'windows', quoted_match: QUOTED_CELLS })
}

/** `joldosh-2026-01-01-2026-03-31.csv`, with `-anonymised` for the form without names. */
export function exportFileName(fromDay: string, toDay: string, anonymised: boolean): string {
  return `joldosh-${fromDay}-${toDay}${anonymised ? '-anonymised' : ''}.csv`
}
