import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { exportFileName, guardCell, requestsToCsv, rowsToCsv, type ExportRequest } from '../../src/desk/export-csv.js'

const BOM = '\uFEFF'

const request = (o: Partial<ExportRequest> = {}): ExportRequest => ({
  reference: 'JO-2026-00001',
  createdAt: new Date('2026-02-10T09:00:00Z'),
  status: 'in_progress',
  disposition: null,
  referredTo: null,
  declineReason: null,
  topic: 'work',
  city: 'kazan',
  language: 'ky',
  urgency: 'normal',
  urgent: false,
  forWhom: 'family',
  subjectName: 'Азамат Бакиров',
  contactPhone: '+7 912 345 67 89',
  safeToContact: true,
  description: 'Работодатель не платит, "три" месяца, а ещё —\nзабрал паспорт',
  assignedLawyerId: 1,
  attachments: 2,
  firstAnsweredAt: new Date('2026-02-10T12:30:00Z'),
  lastActivityAt: new Date('2026-02-11T09:00:00Z'),
  messages: [
    { direction: 'from_client', authorId: 4000, text: 'Здравствуйте', createdAt: new Date('2026-02-10T10:00:00Z') },
    { direction: 'to_client', authorId: 1, text: 'Пришлите договор', createdAt: new Date('2026-02-10T12:30:00Z') },
    { direction: 'note', authorId: 1, text: 'проверить патент', createdAt: new Date('2026-02-10T12:31:00Z') },
  ],
  ...o,
})

/** Reads the CSV back the way a spreadsheet would, after checking the BOM. */
function read(csv: string): Record<string, string>[] {
  expect(csv.startsWith(BOM)).toBe(true)
  return parse(csv.slice(1), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[]
}

describe('formula injection guard', () => {
  it('prefixes an apostrophe to cells starting with = + - @, tab or carriage return', () => {
    for (const dangerous of ['=HYPERLINK("http://evil","x")', '+7 912 345', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', '＝1+1']) {
      expect(guardCell(dangerous)).toBe(`'${dangerous}`)
    }
    for (const harmless of ['Азамат', 'a=b', ' 1', '', "'already"]) expect(guardCell(harmless)).toBe(harmless)
  })

  it('guards every text cell of a request, including the message texts', () => {
    const csv = requestsToCsv([request({ description: '=cmd|"/c calc"!A1', subjectName: '@admin', messages: [{ direction: 'from_client', authorId: 9, text: '-1', createdAt: new Date('2026-02-10T10:00:00Z') }] })], { anonymised: false })
    const [row] = read(csv)
    expect(row!.description).toBe(`'=cmd|"/c calc"!A1`)
    expect(row!.subject_name).toBe("'@admin")
    expect(row!.contact_phone).toBe("'+7 912 345 67 89")
    expect(row!.conversation).toBe('2026-02-10 13:00 migrant: -1')
  })
})

describe('CSV text', () => {
  it('quotes every cell holding ";", so a spreadsheet that splits on ";" cannot find a formula inside it', () => {
    const csv = rowsToCsv(['a'], [['x;=1+1'], ['a;b']])
    expect(csv).toBe(`${BOM}a\r\n"x;=1+1"\r\n"a;b"\r\n`)
    // Split as Russian Excel does (";" outside quotes): no cell may start with "=".
    const cells = csv.slice(1).split('\r\n').flatMap((line) => line.match(/("[^"]*"|[^;]*)/g) ?? [])
    expect(cells.some((c) => c.startsWith('='))).toBe(false)
  })

  it('is UTF-8 with a BOM and CRLF, and quotes commas, quotes and line breaks', () => {
    const csv = rowsToCsv(['a', 'b', 'c'], [['x, y', 'say "hi"', 'line 1\nline 2'], ['Кыргызча', 'oʻzbek', 'тоҷикӣ']])
    expect(csv).toBe(`${BOM}a,b,c\r\n"x, y","say ""hi""","line 1\nline 2"\r\nКыргызча,oʻzbek,тоҷикӣ\r\n`)
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  })

  it('round-trips Cyrillic text with commas, quotes and newlines in the full form', () => {
    const [row] = read(requestsToCsv([request()], { anonymised: false }))
    expect(row).toMatchObject({
      reference: 'JO-2026-00001',
      created: '2026-02-10 12:00',
      subject_name: 'Азамат Бакиров',
      description: 'Работодатель не платит, "три" месяца, а ещё —\nзабрал паспорт',
      attachments: '2',
      messages_from_client: '1',
      messages_to_client: '1',
      notes: '1',
      hours_to_first_answer: '3.5',
      first_answer_at: '2026-02-10 15:30',
      lawyer_id: '1',
      urgent: 'no',
    })
    expect(row!.conversation!.split('\n')).toEqual(['2026-02-10 13:00 migrant: Здравствуйте', '2026-02-10 15:30 lawyer #1: Пришлите договор', '2026-02-10 15:31 note #1: проверить патент'])
  })

  it('leaves names, phones, texts, lawyer ids and times of day out of the anonymised form', () => {
    const csv = requestsToCsv([request({ referredTo: 'Адвокат Иванов', declineReason: 'Азамат просил не звонить' })], { anonymised: true })
    const [row] = read(csv)
    expect(Object.keys(row!)).toEqual([
      'reference', 'created_date', 'status', 'disposition', 'topic', 'city', 'language', 'urgency', 'urgent', 'for_whom',
      'attachments', 'messages_from_client', 'messages_to_client', 'notes', 'hours_to_first_answer',
    ])
    expect(row!.created_date).toBe('2026-02-10')
    for (const secret of ['Азамат', '912', 'Работодатель', 'Здравствуйте', 'договор', 'патент', 'Иванов']) expect(csv).not.toContain(secret)
  })

  it('writes empty cells for missing values and only a header for no requests', () => {
    const [row] = read(requestsToCsv([request({ subjectName: null, contactPhone: null, firstAnsweredAt: null, assignedLawyerId: null, messages: [] })], { anonymised: false }))
    expect(row).toMatchObject({ subject_name: '', contact_phone: '', first_answer_at: '', hours_to_first_answer: '', lawyer_id: '', conversation: '' })
    expect(requestsToCsv([], { anonymised: true })).toBe(`${BOM}reference,created_date,status,disposition,topic,city,language,urgency,urgent,for_whom,attachments,messages_from_client,messages_to_client,notes,hours_to_first_answer\r\n`)
  })

  it('clips a cell to what a spreadsheet can hold', () => {
    const [row] = read(requestsToCsv([request({ description: 'я'.repeat(40_000) })], { anonymised: false }))
    expect(row!.description).toHaveLength(32_000)
  })

  it('names the file by the period', () => {
    expect(exportFileName('2026-01-01', '2026-03-31', false)).toBe('joldosh-2026-01-01-2026-03-31.csv')
    expect(exportFileName('2026-01-01', '2026-03-31', true)).toBe('joldosh-2026-01-01-2026-03-31-anonymised.csv')
  })
})
