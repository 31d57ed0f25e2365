import { InputFile } from 'grammy'
import { describe, expect, it } from 'vitest'
import type { ApiCall } from '../../src/transport/fake-telegram.js'
import { recordArticleFeedback } from '../../src/db/article-feedback.js'
import { auditLog, legalRequests, outbox } from '../../src/db/schema.js'
import { scheduleReminders } from '../../src/db/reminders.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs, type TestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const START = new Date('2026-11-25T09:00:00Z')
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const STRANGER = 777

/** The bot's clock: the harness starts at START and moves only by advance() and flush()'s seconds. */
function clock(h: TestBot) {
  let elapsed = 0
  return {
    advance(ms: number) {
      elapsed += ms
      h.advance(ms)
    },
    /** Slightly behind the bot's clock (flush adds seconds), which the thresholds do not notice. */
    now: () => new Date(START.getTime() + elapsed),
  }
}

/**
 * Two migrants ask: JO-2026-00001 (normal, for a family member, with name and phone) and
 * JO-2026-00002 (urgent); the cards reach the group, which is a forum.
 */
async function twoRequests() {
  const h = await createTestBot({ now: START })
  h.telegram.forumChats.add(LAWYERS_CHAT_ID)
  const time = clock(h)
  await startAs(h, 5000, 'ru')
  await fileRequest(h, { forWhom: 'family', subjectName: 'Азамат Бакиров', phone: '+7 912 345 67 89', topic: 'work', city: 'kazan', description: 'Не платят зарплату три месяца' })
  time.advance(30 * MINUTE)
  await startAs(h, 5001, 'uz')
  await fileRequest(h, { urgency: 'deadline', topic: 'police', city: 'moscow', description: 'Суд через три дня' })
  await h.flush()
  return { h, time }
}

const requests = (h: TestBot) => h.db.select().from(legalRequests).all()
const audits = (h: TestBot) => h.db.select().from(auditLog).all().map((a): [number, string, number | null, string | null] => [a.actorId, a.action, a.requestId, a.detail])
const sent = (h: TestBot, mark: number) => h.since(mark).filter((c) => ['sendMessage', 'sendDocument'].includes(c.method))

/**
 * What a sendDocument uploaded: the file name as the bot gave it (seen by a transformer on the
 * bot's API) and the bytes as the fake Telegram received them (in the multipart body).
 */
function watchUploads(h: TestBot) {
  const names: string[] = []
  h.bot.api.config.use((prev, method, payload, signal) => {
    const document = (payload as { document?: unknown }).document
    if (method === 'sendDocument' && document instanceof InputFile) names.push(document.filename ?? '')
    return prev(method, payload, signal)
  })
  return (call: ApiCall) => {
    const part = String(call.payload.document).replace(/^attach:\/\//, '')
    return { filename: names.shift(), content: call.files.document?.content ?? String(call.payload[part]) }
  }
}

async function asLawyer(h: TestBot, where: 'group' | 'private', text: string) {
  h.driver.as(ADMIN_ID, where)
  const mark = h.mark()
  await h.driver.send(text)
  return { mark, texts: h.textsSince(mark), calls: sent(h, mark) }
}

describe('/queue', () => {
  it('lists open requests urgent first, with how long untouched and who has them', async () => {
    const { h, time } = await twoRequests()
    time.advance(5 * HOUR)
    const { texts } = await asLawyer(h, 'group', '/queue')
    expect(texts).toHaveLength(1)
    const lines = texts[0]!.split('\n')
    expect(lines[0]).toBe('Открытых запросов: 2 (сначала срочные, потом самые старые)')
    expect(lines.slice(1)).toEqual(['🚨 JO-2026-00002 · Полиция и суд · Москва · никто не взял 5 ч', '📄 JO-2026-00001 · Работа и зарплата · Казань · никто не взял 5 ч'])
    expect(texts[0]).not.toContain('Азамат')

    await h.driver.pressCallback('d:take:2')
    const after = await asLawyer(h, 'group', '/queue')
    expect(after.texts[0]).toContain('🚨 JO-2026-00002 · Полиция и суд · Москва · В работе · юрист: #1')
    expect(audits(h).filter((a) => a[1] === 'queue:view')).toEqual([[ADMIN_ID, 'queue:view', null, '2'], [ADMIN_ID, 'queue:view', null, '2']])
  })

  it('shows the first 30 and counts the rest, within Telegram’s message size', async () => {
    const { h } = await twoRequests()
    const base = requests(h)[0]!
    for (let i = 0; i < 38; i++) {
      h.db.insert(legalRequests).values({ ...base, id: undefined, reference: `JO-2026-${String(100 + i).padStart(5, '0')}`, sourceUpdateId: `bulk-${i}`, topic: 'documents', city: 'russia-other' }).run()
    }
    const { calls, texts } = await asLawyer(h, 'group', '/queue')
    expect(calls.every((c) => c.payload.text.length <= 4096)).toBe(true)
    const all = texts.join('\n').split('\n')
    expect(all.filter((l) => l.includes('JO-2026-'))).toHaveLength(30)
    expect(all.at(-1)).toBe('…и ещё 10.')
  })
})

describe('/case', () => {
  async function caseWithHistory() {
    const { h, time } = await twoRequests()
    const thread = requests(h)[0]!.groupThreadId!
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressCallback('d:take:1')
    time.advance(2 * HOUR)
    h.driver.as(ADMIN_ID, 'group', thread)
    await h.driver.send('Пришлите, пожалуйста, фото договора')
    await h.driver.send('/note проверить, есть ли патент')
    await h.flush()
    return { h, time }
  }

  it('shows the whole history in the group, without the family member’s name or the phone', async () => {
    const { h } = await caseWithHistory()
    const { texts } = await asLawyer(h, 'group', '/case JO-2026-00001')
    const text = texts.join('\n')
    expect(text).toContain('📄 JO-2026-00001 · Работа и зарплата · Казань · Русский')
    expect(text).toContain('Статус: В работе · Юрист: #1')
    expect(text).toContain('Имя и телефон видны только в личном чате с ботом.')
    expect(text).toContain('Не платят зарплату три месяца')
    expect(text).toMatch(/\d\d\.\d\d\.2026 \d\d:\d\d — мигрант: статус — Новый/)
    expect(text).toMatch(/— #1: статус — В работе/)
    expect(text).toMatch(/— юрист #1 → мигранту: Пришлите, пожалуйста, фото договора/)
    expect(text).toMatch(/— 🗒 внутренняя заметка, #1: проверить, есть ли патент/)
    expect(text).not.toContain('Азамат')
    expect(text).not.toContain('912')
    expect(audits(h).filter((a) => a[1] === 'case:view')).toEqual([[ADMIN_ID, 'case:view', 1, 'group']])
  })

  it('shows the name and phone only in a private chat with the bot', async () => {
    const { h } = await caseWithHistory()
    await startAs(h, ADMIN_ID, 'en')
    const { texts } = await asLawyer(h, 'private', '/case jo-2026-1')
    const text = texts.join('\n')
    expect(text).toContain('Name: Азамат Бакиров')
    expect(text).toContain('Phone: +7 912 345 67 89')
    expect(text).toContain('lawyer #1 → migrant: Пришлите, пожалуйста, фото договора')
    expect(audits(h).filter((a) => a[1] === 'case:view')).toEqual([[ADMIN_ID, 'case:view', 1, 'private']])
  })

  it('answers a bad or unknown reference with a hint and logs no view', async () => {
    const { h } = await twoRequests()
    expect((await asLawyer(h, 'group', '/case')).texts).toEqual([h.t('ru', 'figures:usage.case')])
    expect((await asLawyer(h, 'group', '/case JO-2026-00099')).texts).toEqual([h.t('ru', 'figures:case.notFound', { reference: 'JO-2026-00099' })])
    expect(audits(h).filter((a) => a[1] === 'case:view')).toEqual([])
  })

  it('keeps a long history within a few messages under 4096 characters', async () => {
    const { h } = await caseWithHistory()
    const thread = requests(h)[0]!.groupThreadId!
    h.driver.as(ADMIN_ID, 'group', thread)
    for (let i = 0; i < 60; i++) await h.driver.send(`/note ${'длинная заметка '.repeat(30)} ${i}`)
    const { calls, texts } = await asLawyer(h, 'group', '/case JO-2026-00001')
    expect(calls.length).toBeGreaterThan(1)
    expect(calls.length).toBeLessThanOrEqual(4)
    expect(calls.every((c) => c.payload.text.length <= 4096)).toBe(true)
    expect(texts.join('\n')).toMatch(/более ранн\S+ запис\S+ не показан/)
    expect(texts.at(-1)).toContain(' 59')
  })
})

describe('/stats', () => {
  it('counts by status, topic, city and language, with the median time to a first answer and 👍/👎', async () => {
    const { h, time } = await twoRequests()
    const thread = requests(h)[0]!.groupThreadId!
    time.advance(2 * HOUR)
    h.driver.as(ADMIN_ID, 'group', thread)
    await h.driver.send('Здравствуйте, мы смотрим ваш вопрос')
    recordArticleFeedback(h.db, 'patent', 'ru', true)
    recordArticleFeedback(h.db, 'patent', 'ky', false)
    recordArticleFeedback(h.db, 'patent', 'ky', true)
    // The figures as text are one press away from the chart (📝 As text).
    await asLawyer(h, 'group', '/stats 2026-11-01 2026-11-30')
    const mark = h.mark()
    await h.driver.pressData('st:text:20261101:20261130')
    const texts = h.textsSince(mark).filter((t) => t.startsWith('Цифры'))
    const text = texts.join('\n')
    expect(text).toContain('Цифры: запросы, созданные 2026-11-01 — 2026-11-30')
    expect(text).toContain('Запросов: 2')
    expect(text).toContain('Медиана времени до первого ответа: 2 ч 30 мин (с ответом: 1 из 2)')
    expect(text).toContain('По статусу (сейчас)\n• Новый: 2')
    expect(text).toContain('По теме\n• Полиция и суд: 1\n• Работа и зарплата: 1')
    expect(text).toContain('По месту\n• Казань: 1\n• Москва: 1')
    expect(text).toContain('По языку\n• Русский: 1\n• Oʻzbekcha: 1')
    expect(text).toMatch(/👍\/👎 по статьям \(за всё время\)\n• [^\n]+: 👍 2 · 👎 1/)
    expect(audits(h).filter((a) => a[1] === 'stats:view')).toEqual([[ADMIN_ID, 'stats:view', null, '2026-11-01..2026-11-30']])
  })

  it('defaults to the last 90 days, and answers bad dates with the usage', async () => {
    const { h } = await twoRequests()
    expect((await asLawyer(h, 'group', '/stats')).texts[0]).toContain('28.08.2026 — 25.11.2026')
    expect((await asLawyer(h, 'group', '/stats 2026-10-01 2026-10-31')).texts[0]).toContain('Запросов: 0')
    for (const bad of ['/stats 2026-12-01', '/stats 2026-02-30', '/stats 2026-03-31 2026-01-01', '/stats вчера', '/stats 2026-01-01 2026-02-01 2026-03-01']) {
      expect((await asLawyer(h, 'group', bad)).texts).toEqual([h.t('ru', 'charts:usage')])
    }
  })
})

describe('/export', () => {
  it('sends only the anonymised CSV in the group', async () => {
    const { h } = await twoRequests()
    const upload = watchUploads(h)
    const { calls } = await asLawyer(h, 'group', '/export 2026-11-01 2026-11-30')
    expect(calls.map((c) => c.method)).toEqual(['sendDocument'])
    const file = upload(calls[0]!)
    expect(file.filename).toBe('joldosh-2026-11-01-2026-11-30-anonymised.csv')
    expect(file.content.startsWith('\uFEFFreference,created_date,status')).toBe(true)
    expect(file.content).toContain('JO-2026-00001,2026-11-25,new,,work,kazan,ru,normal,no,family')
    for (const secret of ['Азамат', '912', 'Не платят', 'Суд через']) expect(file.content).not.toContain(secret)
    expect(calls[0]!.payload.caption).toContain('Обезличено')
    expect(audits(h).filter((a) => a[1].startsWith('export'))).toEqual([[ADMIN_ID, 'export:anonymised', null, '2026-11-01..2026-11-30 rows=2']])
  })

  it('sends the full CSV in a private chat, and the anonymised one when asked', async () => {
    const { h } = await twoRequests()
    await startAs(h, ADMIN_ID, 'ru')
    const upload = watchUploads(h)
    const full = await asLawyer(h, 'private', '/export 2026-11-01 2026-11-30')
    const file = upload(full.calls[0]!)
    expect(file.filename).toBe('joldosh-2026-11-01-2026-11-30.csv')
    expect(file.content).toContain('Азамат Бакиров')
    expect(file.content).toContain(`'+7 912 345 67 89`)
    const anonymised = await asLawyer(h, 'private', '/export 2026-11-01 anon')
    expect(upload(anonymised.calls[0]!).filename).toBe('joldosh-2026-11-01-2026-11-25-anonymised.csv')
    expect(audits(h).filter((a) => a[1].startsWith('export')).map((a) => a[1])).toEqual(['export:full', 'export:anonymised'])
  })

  it('says so when the period has no requests, and explains bad dates', async () => {
    const { h } = await twoRequests()
    expect((await asLawyer(h, 'group', '/export 2026-01-01 2026-01-31')).texts).toEqual([h.t('ru', 'figures:export.empty', { from: '2026-01-01', to: '2026-01-31' })])
    expect((await asLawyer(h, 'group', '/export 2026-01-32')).texts).toEqual([h.t('ru', 'figures:usage.export')])
  })
})

describe('who may see the figures', () => {
  it('refuses every command to someone who is not a lawyer, in the group or privately, and sends no data', async () => {
    const { h } = await twoRequests()
    await startAs(h, STRANGER, 'ru')
    for (const where of ['group', 'private'] as const) {
      for (const command of ['/queue', '/case JO-2026-00001', '/stats', '/export 2026-11-01 2026-11-30']) {
        h.driver.as(STRANGER, where)
        const mark = h.mark()
        await h.driver.send(command)
        expect(h.since(mark).map((c) => [c.method, c.payload.text])).toEqual([['sendMessage', h.t('ru', 'desk:onlyLawyers')]])
      }
    }
    const rows = audits(h)
    expect(rows.filter((a) => a[0] === STRANGER).map((a) => a[1])).toEqual(Array(8).fill('figures:refused'))
    expect(rows.some((a) => ['queue:view', 'case:view', 'stats:view', 'export:full', 'export:anonymised'].includes(a[1]))).toBe(false)
  })
})

describe('reminders', () => {
  const reminders = (h: TestBot, mark: number) => h.textsSince(mark, LAWYERS_CHAT_ID).filter((t) => t.startsWith('⏰'))

  it('posts one reminder when an urgent request is untouched for an hour, and not again after a restart', async () => {
    const { h, time } = await twoRequests()
    const mark = h.mark()
    time.advance(29 * MINUTE) // JO-2026-00002 (urgent) is 29 minutes old
    expect(scheduleReminders(h.db, time.now())).toEqual([])
    time.advance(32 * MINUTE)
    expect(scheduleReminders(h.db, time.now())).toEqual([{ requestId: 2, urgent: true, hours: 1 }])
    await h.flush()
    expect(reminders(h, mark)).toEqual([`⏰ ${h.t('ru', 'desk:reminder.urgent', { reference: 'JO-2026-00002', hours: 1 })}`])
    const reminder = h.since(mark).find((c) => c.payload.text?.startsWith('⏰'))!
    expect(reminder.payload.message_thread_id).toBe(requests(h)[1]!.groupThreadId)

    expect(scheduleReminders(h.db, time.now())).toEqual([])
    await h.restart()
    time.advance(3 * HOUR)
    expect(scheduleReminders(h.db, time.now())).toEqual([])
    await h.flush()
    expect(reminders(h, mark)).toHaveLength(1)
    expect(h.db.select().from(outbox).all().filter((o) => o.kind === 'reminder')).toHaveLength(1)
  })

  it('reminds about a normal request after 48 hours, from the outbox worker’s own run', async () => {
    const { h, time } = await twoRequests()
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.pressCallback('d:take:2') // the urgent one is taken: no reminder for it
    await h.flush()
    const mark = h.mark()
    time.advance(47 * HOUR)
    expect(scheduleReminders(h.db, time.now())).toEqual([])
    time.advance(HOUR + MINUTE)
    // Another request comes in; delivering its card is a worker run, which queues the reminder too.
    await startAs(h, 5002, 'ky')
    await fileRequest(h)
    await h.flush()
    expect(reminders(h, mark)).toEqual([`⏰ ${h.t('ru', 'desk:reminder.normal', { reference: 'JO-2026-00001', hours: 48 })}`])
    expect(requests(h).map((r) => r.remindedAt !== null)).toEqual([true, false, false])
  })

  it('survives a restart between falling due and being posted', async () => {
    const { h, time } = await twoRequests()
    const mark = h.mark()
    time.advance(2 * HOUR)
    await h.restart()
    expect(scheduleReminders(h.db, time.now())).toHaveLength(1)
    await h.restart()
    await h.flush()
    expect(reminders(h, mark)).toHaveLength(1)
  })
})
