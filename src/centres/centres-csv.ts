/**
 * CSV export / import of the support-centre directory, so the NGO can review and complete it in a spreadsheet.
 *
 * Pure: text in, text out. One row per entry; names flattened as name_ru, name_ky, …; lists (phones, services,
 * services_text, languages) joined with " | "; hours as JSON text ({"mon":[["09:00","18:00"]], …}).
 * The import validates every row and reports problems by line number (line 1 is the header; a quoted cell with
 * line breaks makes a row span several lines, and the row's first line is reported).
 */
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { guardCell, QUOTED_CELLS, unguardCell } from '../desk/export-csv.js'
import { placeIds } from './directory.js'
import { supportCentreSchema } from './validation.js'
import { WEEKDAYS, type SupportCentre, type WeeklyHours } from './vocabulary.js'

export const CSV_COLUMNS = [
  'id',
  'city',
  'kind',
  'name_ru',
  'name_ky',
  'name_uz',
  'name_tg',
  'name_en',
  'address',
  'lat',
  'lon',
  'phones',
  'hours',
  'hours_text',
  'time_zone',
  'services',
  'services_text',
  'languages',
  'website',
  'source_title',
  'source_url',
  'verified_at',
  'confidence',
  'outdated',
  'notes',
] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]

const REQUIRED_COLUMNS: readonly CsvColumn[] = ['id', 'city', 'kind', 'name_ru']
export const LIST_SEPARATOR = ' | '

export interface CsvError {
  /** 1-based line in the file (1 = header). */
  line: number
  /** CSV column, or '' for a problem with the whole row / file. */
  field: CsvColumn | ''
  message: string
}

export type ParseCentresResult = { ok: true; centres: SupportCentre[] } | { ok: false; errors: CsvError[] }

// ---------------------------------------------------------------------------------------------------------------
// Export

function hoursToText(hours: WeeklyHours | null): string {
  if (hours === null) return ''
  // Fixed day order, so that the same hours always give the same text (diffs, spreadsheets).
  const ordered: Record<string, readonly (readonly [string, string])[]> = {}
  for (const day of WEEKDAYS) {
    const ranges = hours[day]
    if (ranges !== undefined) ordered[day] = ranges
  }
  return JSON.stringify(ordered)
}

function joinList(values: readonly string[], column: CsvColumn, id: string): string {
  for (const v of values) {
    if (v.includes('|')) throw new RangeError(`${id}: ${column} item contains "|", which separates list items: ${v}`)
  }
  return values.join(LIST_SEPARATOR)
}

/** One entry as CSV cells (also used by diffCentres, so a diff names the columns the NGO sees). */
export function centreToRow(c: SupportCentre): Record<CsvColumn, string> {
  return {
    id: c.id,
    city: c.city,
    kind: c.kind,
    name_ru: c.name.ru,
    name_ky: c.name.ky ?? '',
    name_uz: c.name.uz ?? '',
    name_tg: c.name.tg ?? '',
    name_en: c.name.en ?? '',
    address: c.address ?? '',
    lat: c.lat === null ? '' : String(c.lat),
    lon: c.lon === null ? '' : String(c.lon),
    phones: joinList(c.phones, 'phones', c.id),
    hours: hoursToText(c.hours),
    hours_text: c.hoursText ?? '',
    time_zone: c.timeZone ?? '',
    services: joinList(c.services, 'services', c.id),
    services_text: joinList(c.servicesText, 'services_text', c.id),
    languages: joinList(c.languages, 'languages', c.id),
    website: c.website ?? '',
    source_title: c.source.title ?? '',
    source_url: c.source.url ?? '',
    verified_at: c.verifiedAt ?? '',
    confidence: c.confidence,
    outdated: c.outdated ? 'true' : 'false',
    notes: c.notes,
  }
}

/** The entries as CSV text (header + one row per entry, "\n" line ends). `bom` helps Excel read UTF-8. */
export function centresToCsv(centres: readonly SupportCentre[], options: { bom?: boolean } = {}): string {
  // Phones start with "+": guarded like the requests export, so a spreadsheet shows them as text.
  const guarded = centres.map((c) => Object.fromEntries(Object.entries(centreToRow(c)).map(([k, v]) => [k, guardCell(v)])))
  return stringify(guarded, { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'unix', bom: options.bom ?? false, quoted_match: QUOTED_CELLS })
}

// ---------------------------------------------------------------------------------------------------------------
// Import

/** Schema path of a SupportCentre field → CSV column. */
function columnFor(path: readonly PropertyKey[]): CsvColumn | '' {
  const [head, sub] = path
  switch (head) {
    case 'name':
      return typeof sub === 'string' && (CSV_COLUMNS as readonly string[]).includes(`name_${sub}`)
        ? (`name_${sub}` as CsvColumn)
        : 'name_ru'
    case 'source':
      return sub === 'title' ? 'source_title' : 'source_url'
    case 'hoursText':
      return 'hours_text'
    case 'timeZone':
      return 'time_zone'
    case 'servicesText':
      return 'services_text'
    case 'verifiedAt':
      return 'verified_at'
    default:
      return typeof head === 'string' && (CSV_COLUMNS as readonly string[]).includes(head) ? (head as CsvColumn) : ''
  }
}

function splitList(cell: string): string[] {
  return cell
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/
const TRUE_WORDS = new Set(['true', 'yes', '1', 'да'])
const FALSE_WORDS = new Set(['false', 'no', '0', 'нет', ''])

interface RowResult {
  centre: Record<string, unknown>
  errors: CsvError[]
}

function rowToCandidate(cells: Record<CsvColumn, string>, line: number): RowResult {
  const errors: CsvError[] = []
  const err = (field: CsvColumn, message: string): void => {
    errors.push({ line, field, message })
  }
  const text = (col: CsvColumn): string | null => (cells[col] === '' ? null : cells[col])

  const num = (col: 'lat' | 'lon'): number | null => {
    const v = cells[col]
    if (v === '') return null
    const normalised = v.replace(',', '.') // decimal comma from Russian-locale spreadsheets
    if (!NUMBER_RE.test(normalised)) {
      err(col, `${col} must be a number, got "${v}"`)
      return null
    }
    return Number(normalised)
  }

  let hours: unknown = null
  if (cells.hours !== '') {
    try {
      hours = JSON.parse(cells.hours)
    } catch {
      err('hours', 'hours must be JSON, e.g. {"mon":[["09:00","18:00"]],"sun":[]}')
    }
  }

  let outdated = false
  const o = cells.outdated.toLowerCase()
  if (TRUE_WORDS.has(o)) outdated = true
  else if (!FALSE_WORDS.has(o)) err('outdated', `outdated must be true or false, got "${cells.outdated}"`)

  const name: Record<string, string> = { ru: cells.name_ru }
  for (const lang of ['ky', 'uz', 'tg', 'en'] as const) {
    const v = cells[`name_${lang}`]
    if (v !== '') name[lang] = v
  }

  const centre: Record<string, unknown> = {
    id: cells.id,
    city: cells.city,
    kind: cells.kind,
    name,
    address: text('address'),
    lat: num('lat'),
    lon: num('lon'),
    phones: splitList(cells.phones),
    hours,
    hoursText: text('hours_text'),
    services: splitList(cells.services),
    servicesText: splitList(cells.services_text),
    languages: splitList(cells.languages),
    website: text('website'),
    source: { title: text('source_title'), url: text('source_url') },
    verifiedAt: text('verified_at'),
    confidence: cells.confidence === '' ? 'low' : cells.confidence, // unrated → low
    outdated,
    notes: cells.notes,
  }
  if (cells.time_zone !== '') centre.timeZone = cells.time_zone
  return { centre, errors }
}

/** Line on which a record starts: csv-parse reports the line it ends on. */
function startLine(record: readonly string[], endLine: number): number {
  const breaks = record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0)
  return endLine - breaks
}

/**
 * Parses and validates CSV text. Checks, each reported with its line: header columns (unknown, duplicate,
 * missing id/city/kind/name_ru, no source column), column count, required cells (id, city, kind, name_ru, source url
 * or title), known city and kind, coordinates (numbers, in range, both or neither), phone format, services,
 * languages, hours JSON and times, time zone, dates (YYYY, YYYY-MM, YYYY-MM-DD, real calendar dates),
 * confidence, outdated flag, unique ids.
 * `places`: allowed city/area ids (default: the cities and areas of the shipped directory).
 */
export function parseCentresCsv(text: string, options: { places?: Iterable<string> } = {}): ParseCentresResult {
  const places = new Set(options.places ?? placeIds())
  let parsed: { record: string[]; info: { lines: number } }[]
  try {
    parsed = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as {
      record: string[]
      info: { lines: number }
    }[]
  } catch (e) {
    const lines = (e as { lines?: unknown }).lines
    return {
      ok: false,
      errors: [{ line: typeof lines === 'number' ? lines : 1, field: '', message: `unreadable CSV: ${(e as Error).message}` }],
    }
  }

  const first = parsed[0]
  if (first === undefined) return { ok: false, errors: [{ line: 1, field: '', message: 'empty file: a header row is expected' }] }

  // Header
  const headerLine = startLine(first.record, first.info.lines)
  const header = first.record.map((h) => h.trim())
  const errors: CsvError[] = []
  const seenColumns = new Set<string>()
  for (const h of header) {
    if (!(CSV_COLUMNS as readonly string[]).includes(h)) {
      errors.push({ line: headerLine, field: '', message: `unknown column "${h}" (expected: ${CSV_COLUMNS.join(', ')})` })
    } else if (seenColumns.has(h)) {
      errors.push({ line: headerLine, field: h as CsvColumn, message: `duplicate column ${h}` })
    }
    seenColumns.add(h)
  }
  for (const col of REQUIRED_COLUMNS) {
    if (!seenColumns.has(col)) errors.push({ line: headerLine, field: col, message: `missing column ${col}` })
  }
  if (!seenColumns.has('source_url') && !seenColumns.has('source_title')) {
    errors.push({ line: headerLine, field: 'source_url', message: 'missing column source_url (or source_title)' })
  }
  if (errors.length > 0) return { ok: false, errors }

  const centres: SupportCentre[] = []
  const firstLineOfId = new Map<string, number>()
  for (const { record, info } of parsed.slice(1)) {
    const line = startLine(record, info.lines)
    if (record.every((cell) => cell.trim() === '')) continue // a row of empty cells (",,,,") is a blank line
    const rowErrors: CsvError[] = []
    if (record.length !== header.length) {
      rowErrors.push({ line, field: '', message: `expected ${header.length} cells, found ${record.length}` })
    }
    const cells = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Record<CsvColumn, string>
    header.forEach((col, i) => {
      cells[col as CsvColumn] = unguardCell((record[i] ?? '').trim())
    })

    // Required cells first: one clear message instead of a format complaint about an empty cell.
    const reported = new Set<string>()
    for (const col of REQUIRED_COLUMNS) {
      if (cells[col] === '') {
        rowErrors.push({ line, field: col, message: `${col} is required` })
        reported.add(col)
      }
    }
    if (cells.source_url === '' && cells.source_title === '') {
      rowErrors.push({ line, field: 'source_url', message: 'a source url or source title is required' })
      reported.add('source_url')
    }
    if (cells.city !== '' && !places.has(cells.city)) {
      rowErrors.push({ line, field: 'city', message: `unknown city "${cells.city}" (known: ${[...places].join(', ')})` })
      reported.add('city')
    }

    const { centre, errors: cellErrors } = rowToCandidate(cells, line)
    for (const e of cellErrors) {
      rowErrors.push(e)
      reported.add(e.field)
    }

    const result = supportCentreSchema.safeParse(centre)
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = columnFor(issue.path)
        if (field !== '' && reported.has(field)) continue // already explained by a clearer message
        let message = issue.message
        const [head, index] = issue.path
        if ((head === 'phones' || head === 'services' || head === 'languages') && typeof index === 'number') {
          message = `"${(centre[head] as string[])[index]}": ${message}`
        }
        rowErrors.push({ line, field, message })
      }
    }

    if (cells.id !== '') {
      const firstLine = firstLineOfId.get(cells.id)
      if (firstLine !== undefined) {
        rowErrors.push({ line, field: 'id', message: `duplicate id ${cells.id} (first on line ${firstLine})` })
      } else {
        firstLineOfId.set(cells.id, line)
      }
    }

    if (rowErrors.length > 0) errors.push(...rowErrors)
    else if (result.success) centres.push(result.data as SupportCentre)
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, centres }
}

// ---------------------------------------------------------------------------------------------------------------
// Diff

export interface CentreChange {
  id: string
  /** CSV column names whose value differs. */
  fields: CsvColumn[]
  before: SupportCentre
  after: SupportCentre
}

export interface CentresDiff {
  added: SupportCentre[]
  removed: SupportCentre[]
  changed: CentreChange[]
  unchanged: number
}

/** What an import would change: entries added / removed (by id) and changed, with the columns that differ. */
export function diffCentres(before: readonly SupportCentre[], after: readonly SupportCentre[]): CentresDiff {
  const beforeById = new Map(before.map((c) => [c.id, c]))
  const afterIds = new Set(after.map((c) => c.id))
  const diff: CentresDiff = { added: [], removed: [], changed: [], unchanged: 0 }
  for (const a of after) {
    const b = beforeById.get(a.id)
    if (b === undefined) {
      diff.added.push(a)
      continue
    }
    const rowA = centreToRow(a)
    const rowB = centreToRow(b)
    const fields = CSV_COLUMNS.filter((col) => rowA[col] !== rowB[col])
    if (fields.length > 0) diff.changed.push({ id: a.id, fields, before: b, after: a })
    else diff.unchanged++
  }
  for (const b of before) if (!afterIds.has(b.id)) diff.removed.push(b)
  return diff
}
