import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import {
  CSV_COLUMNS,
  centreToRow,
  centresToCsv,
  diffCentres,
  parseCentresCsv,
  type CsvColumn,
  type CsvError,
} from '../../src/centres/centres-csv.js'
import { directory } from '../../src/centres/directory.js'
import type { SupportCentre } from '../../src/centres/vocabulary.js'

function centre(overrides: Partial<SupportCentre> = {}): SupportCentre {
  return {
    id: 'kazan-test',
    city: 'kazan',
    kind: 'ngo-legal-aid',
    name: { ru: 'Тестовый центр', ky: 'Сыноо борбору', en: 'Test centre' },
    address: 'г. Казань, ул. Тестовая, 1',
    lat: 55.79,
    lon: 49.12,
    phones: ['+7 (843) 000-00-00', '112'],
    hours: { mon: [['09:00', '18:00']], fri: [['22:00', '02:00']], sun: [] },
    hoursText: null,
    services: ['legal-advice', 'labour-disputes'],
    servicesText: ['юридические консультации'],
    languages: ['ru', 'ky'],
    website: 'https://example.org/',
    source: { title: 'Пример', url: 'https://example.org/source' },
    verifiedAt: '2026-01-15',
    confidence: 'medium',
    outdated: false,
    notes: 'Примечание, с запятой и "кавычками"',
    ...overrides,
  }
}

type Row = Partial<Record<CsvColumn, string>>

/** CSV text from rows given as cells (missing cells empty), with the full header. */
function csvOf(rows: Row[]): string {
  return stringify(
    rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? '')),
    { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'unix' },
  )
}

const valid = (overrides: Row = {}): Row => ({ ...centreToRow(centre()), ...overrides })

function errorsOf(text: string): CsvError[] {
  const r = parseCentresCsv(text)
  if (r.ok) throw new Error('expected errors')
  return r.errors
}

describe('centresToCsv / parseCentresCsv round trip', () => {
  it('round-trips the shipped directory exactly', () => {
    const r = parseCentresCsv(centresToCsv(directory.centres))
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.centres).toEqual(directory.centres)
  })

  it('round-trips hours, lists, quotes, commas, line breaks, a time zone and the outdated flag', () => {
    const entries = [
      centre(),
      centre({
        id: 'russia-line',
        city: 'russia',
        kind: 'hotline',
        name: { ru: 'Линия' },
        address: null,
        lat: null,
        lon: null,
        phones: ['8-800-000-00-00'],
        hours: null,
        hoursText: 'с 9:00 до 18:00 по московскому времени',
        timeZone: 'Europe/Moscow',
        services: [],
        servicesText: [],
        languages: [],
        website: null,
        source: { title: 'Только название', url: null },
        verifiedAt: '2021-12',
        outdated: true,
        notes: 'строка 1\nстрока 2',
      }),
    ]
    const csv = centresToCsv(entries)
    expect(csv.split('\n')[0]).toBe(CSV_COLUMNS.join(','))
    expect(csv).toContain("'+7 (843) 000-00-00 | 112")
    expect(csv).toContain('legal-advice | labour-disputes')
    const r = parseCentresCsv(csv)
    expect(r).toEqual({ ok: true, centres: entries })
  })

  it('guards cells a spreadsheet would run as a formula and quotes ";", and reads them back unchanged', () => {
    const entries = [centre({ phones: ['+7 (495) 000-00-00'], notes: '=HYPERLINK("http://evil")', hoursText: 'пн;=1+1' })]
    const csv = centresToCsv(entries)
    const row = csv.split('\n')[1]!
    expect(row).toContain("'+7 (495) 000-00-00")
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(row).toContain('"пн;=1+1"')
    expect(parseCentresCsv(csv)).toEqual({ ok: true, centres: entries })
  })

  it('writes hours as JSON in weekday order', () => {
    const row = centreToRow(centre({ hours: { sun: [], mon: [['09:00', '18:00']] } }))
    expect(row.hours).toBe('{"mon":[["09:00","18:00"]],"sun":[]}')
  })

  it('reads a file with a BOM (Excel) and CRLF line ends', () => {
    const csv = centresToCsv([centre()], { bom: true }).replace(/\n/g, '\r\n')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(parseCentresCsv(csv)).toEqual({ ok: true, centres: [centre()] })
  })

  it('accepts a decimal comma in coordinates and trims cells; empty confidence means low', () => {
    const r = parseCentresCsv(csvOf([valid({ lat: '55,79', lon: ' 49,12 ', confidence: '' })]))
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.centres[0]).toMatchObject({ lat: 55.79, lon: 49.12, confidence: 'low' })
  })

  it('skips blank lines and rows of empty cells', () => {
    const text = csvOf([valid()]) + '\n,,,,\n'
    expect(parseCentresCsv(text)).toMatchObject({ ok: true, centres: [{ id: 'kazan-test' }] })
  })

  it('refuses to export a list item containing the separator', () => {
    expect(() => centresToCsv([centre({ servicesText: ['a | b'] })])).toThrow(/separates list items/)
  })
})

describe('parseCentresCsv validation (errors by line)', () => {
  // Line 1 is the header; each row below sits on the line given in its comment.
  const rows: Row[] = [
    valid({ id: 'ok-1', notes: 'две\nстроки' }), //                                  lines 2–3
    valid({ id: 'lat-range', lat: '95', lon: '37' }), //                              line 4
    valid({ id: 'lon-range', lat: '55', lon: '-181' }), //                            line 5
    valid({ id: 'lat-only', lon: '' }), //                                            line 6
    valid({ id: 'lat-nan', lat: 'abc' }), //                                          line 7
    valid({ id: 'bad-city', city: 'atlantis' }), //                                   line 8
    valid({ id: 'bad-kind', kind: 'embassy' }), //                                    line 9
    valid({ id: 'bad-phone', phones: '112 | call me | 12' }), //                      line 10
    valid({ id: '', name_ru: '' }), //                                                line 11
    valid({ id: 'no-source', source_title: '', source_url: '' }), //                  line 12
    valid({ id: 'bad-date', verified_at: '2025-02-30' }), //                          line 13
    valid({ id: 'ok-1' }), //                                                         line 14
    valid({ id: 'bad-hours-json', hours: '{mon: 9-18}' }), //                         line 15
    valid({ id: 'bad-hours-time', hours: '{"mon":[["09:00","25:00"]]}' }), //         line 16
    valid({ id: 'bad-service', services: 'legal-advice | haircut' }), //              line 17
    valid({ id: 'bad-url', source_url: 'example.org' }), //                           line 18
    valid({ id: 'no-city', city: '' }), //                                            line 19
    valid({ id: 'Bad ID' }), //                                                       line 20
    valid({ id: 'bad-flag', outdated: 'maybe' }), //                                  line 21
    valid({ id: 'bad-confidence', confidence: 'sure' }), //                           line 22
    valid({ id: 'bad-zone', time_zone: 'Mars/Olympus' }), //                          line 23
    valid({ id: 'bad-date-format', verified_at: '15.01.2026' }), //                   line 24
    valid({ id: 'bad-day', hours: '{"monday":[["09:00","18:00"]]}' }), //             line 25
  ]
  const errors = errorsOf(csvOf(rows))
  const at = (line: number): { field: string; message: string }[] =>
    errors.filter((e) => e.line === line).map(({ field, message }) => ({ field, message }))

  it('accepts the valid row spanning lines 2–3', () => {
    expect(at(2)).toEqual([])
    expect(at(3)).toEqual([])
  })

  it('coordinates out of range', () => {
    expect(at(4)).toEqual([{ field: 'lat', message: expect.stringMatching(/between -90 and 90/) }])
    expect(at(5)).toEqual([{ field: 'lon', message: expect.stringMatching(/between -180 and 180/) }])
  })

  it('coordinates: both or neither, and numbers', () => {
    expect(at(6)).toEqual([{ field: 'lon', message: 'give both lat and lon, or neither' }])
    expect(at(7)).toEqual([{ field: 'lat', message: 'lat must be a number, got "abc"' }])
  })

  it('unknown city and kind', () => {
    expect(at(8)).toEqual([{ field: 'city', message: expect.stringMatching(/^unknown city "atlantis"/) }])
    expect(at(9)).toEqual([{ field: 'kind', message: expect.stringMatching(/^kind must be one of/) }])
  })

  it('phone format: digits, spaces, + - ( ), at least 3 digits (112 is fine)', () => {
    expect(at(10)).toEqual([
      { field: 'phones', message: expect.stringMatching(/^"call me": phone may contain only/) },
      { field: 'phones', message: expect.stringMatching(/^"12": phone may contain only/) },
    ])
  })

  it('required fields: id, name_ru, source url or title, city', () => {
    expect(at(11)).toEqual([
      { field: 'id', message: 'id is required' },
      { field: 'name_ru', message: 'name_ru is required' },
    ])
    expect(at(12)).toEqual([{ field: 'source_url', message: 'a source url or source title is required' }])
    expect(at(19)).toEqual([{ field: 'city', message: 'city is required' }])
  })

  it('dates must be real', () => {
    expect(at(13)).toEqual([{ field: 'verified_at', message: expect.stringMatching(/valid YYYY, YYYY-MM or YYYY-MM-DD/) }])
    expect(at(24)).toEqual([{ field: 'verified_at', message: expect.stringMatching(/valid YYYY, YYYY-MM or YYYY-MM-DD/) }])
  })

  it('ids must be unique (the later line is reported, naming the first)', () => {
    expect(at(14)).toEqual([{ field: 'id', message: 'duplicate id ok-1 (first on line 2)' }])
  })

  it('hours: JSON, valid times, known days', () => {
    expect(at(15)).toEqual([{ field: 'hours', message: expect.stringMatching(/^hours must be JSON/) }])
    expect(at(16)).toEqual([{ field: 'hours', message: expect.stringMatching(/HH:MM/) }])
    expect(at(25)).toEqual([{ field: 'hours', message: expect.any(String) }])
  })

  it('services, source url, id format, outdated flag, confidence, time zone', () => {
    expect(at(17)).toEqual([{ field: 'services', message: expect.stringMatching(/^"haircut": service must be one of/) }])
    expect(at(18)).toEqual([{ field: 'source_url', message: 'source url must be an http(s) URL' }])
    expect(at(20)).toEqual([{ field: 'id', message: expect.stringMatching(/lower-case/) }])
    expect(at(21)).toEqual([{ field: 'outdated', message: 'outdated must be true or false, got "maybe"' }])
    expect(at(22)).toEqual([{ field: 'confidence', message: expect.stringMatching(/^confidence must be one of/) }])
    expect(at(23)).toEqual([{ field: 'time_zone', message: 'unknown IANA time zone' }])
  })

  it('reports nothing else', () => {
    const expectedLines = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]
    expect([...new Set(errors.map((e) => e.line))].sort((a, b) => a - b)).toEqual(expectedLines)
  })

  it('a single bad row makes the whole import fail (no partial import)', () => {
    const r = parseCentresCsv(csvOf([valid({ id: 'a' }), valid({ id: 'b', kind: 'x' })]))
    expect(r.ok).toBe(false)
  })
})

describe('parseCentresCsv: file-level problems', () => {
  it('empty file', () => {
    expect(errorsOf('')).toEqual([{ line: 1, field: '', message: expect.stringMatching(/empty file/) }])
  })

  it('unknown and missing columns are reported on the header line', () => {
    const text = 'id,city,kind,colour\nx,kazan,hotline,red\n'
    expect(errorsOf(text)).toEqual([
      { line: 1, field: '', message: expect.stringMatching(/^unknown column "colour"/) },
      { line: 1, field: 'name_ru', message: 'missing column name_ru' },
      { line: 1, field: 'source_url', message: 'missing column source_url (or source_title)' },
    ])
  })

  it('a file with only some columns is fine (the rest are empty)', () => {
    const text = 'id,city,kind,name_ru,source_title\nkazan-x,kazan,diaspora,Диаспора,Заметка в газете\n'
    const r = parseCentresCsv(text)
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.centres[0]).toMatchObject({
        id: 'kazan-x',
        address: null,
        lat: null,
        phones: [],
        hours: null,
        source: { title: 'Заметка в газете', url: null },
        verifiedAt: null,
        outdated: false,
      })
    }
  })

  it('a row with the wrong number of cells', () => {
    const text = 'id,city,kind,name_ru,source_title\nkazan-x,kazan,diaspora,Диаспора,Газета,лишнее\n'
    expect(errorsOf(text)).toEqual([{ line: 2, field: '', message: 'expected 5 cells, found 6' }])
  })

  it('an unclosed quote', () => {
    const text = 'id,city,kind,name_ru,source_title\nkazan-x,kazan,diaspora,"Диаспора,Газета\n'
    const errors = errorsOf(text)
    expect(errors).toHaveLength(1)
    expect(errors[0]!.message).toMatch(/^unreadable CSV/)
  })

  it('checks cities against the given list', () => {
    const text = csvOf([valid({ city: 'samara' })])
    expect(parseCentresCsv(text).ok).toBe(false)
    expect(parseCentresCsv(text, { places: ['samara'] }).ok).toBe(true)
  })
})

describe('diffCentres', () => {
  const a = centre({ id: 'a' })
  const b = centre({ id: 'b' })
  const c = centre({ id: 'c' })

  it('finds added, removed and changed entries, with the changed columns', () => {
    const b2 = { ...b, phones: ['+7 (843) 111-11-11'], hours: null, name: { ...b.name, tg: 'Маркази санҷишӣ' } }
    const d = centre({ id: 'd' })
    const diff = diffCentres([a, b, c], [a, b2, d])
    expect(diff.added.map((x) => x.id)).toEqual(['d'])
    expect(diff.removed.map((x) => x.id)).toEqual(['c'])
    expect(diff.changed).toEqual([{ id: 'b', fields: ['name_tg', 'phones', 'hours'], before: b, after: b2 }])
    expect(diff.unchanged).toBe(1)
  })

  it('ignores the key order of hours', () => {
    const reordered = { ...a, hours: { sun: [], fri: [['22:00', '02:00']], mon: [['09:00', '18:00']] } } as SupportCentre
    expect(diffCentres([a], [reordered])).toEqual({ added: [], removed: [], changed: [], unchanged: 1 })
  })

  it('shows what re-importing an edited export would change', () => {
    const csv = centresToCsv(directory.centres).replace('8-499-237-44-52', '8-499-237-44-53')
    const r = parseCentresCsv(csv)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const diff = diffCentres(directory.centres, r.centres)
    expect(diff.changed.map((x) => [x.id, x.fields])).toEqual([['kg-embassy-moscow', ['phones']]])
    expect(diff.added).toEqual([])
    expect(diff.removed).toEqual([])
  })
})
