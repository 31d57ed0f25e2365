import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listView, menuView, type ListRef } from '../../src/bot/views/centre-list.js'
import type { ViewContext } from '../../src/bot/views/centre-view.js'
import type { SupportCentre } from '../../src/centres/vocabulary.js'
import { LANGUAGES } from '../../src/config.js'
import { openDatabase, type Db } from '../../src/db/client.js'
import { importCentresFromFile, listSupportCentres, loadDirectory, replaceSupportCentres, type LiveDirectory } from '../../src/db/support-centres.js'
import { createI18n } from '../../src/i18n.js'
import { moscowEntry } from '../helpers/centres.js'
import type { i18n } from 'i18next'

// 2026-11-25 is a Wednesday: the test reception (Mon/Wed/Fri 10–17, Moscow time) is open at noon, closed at 20:00
// and on Tuesday.
const WEDNESDAY_NOON = new Date('2026-11-25T09:00:00Z')
const WEDNESDAY_EVENING = new Date('2026-11-25T17:00:00Z')
const TUESDAY_NOON = new Date('2026-11-24T09:00:00Z')
const T0 = new Date('2026-11-01T10:00:00Z')

const reception: SupportCentre = moscowEntry('test-reception', null, null, {
  name: { ru: 'Тест приёмная', en: 'Test reception' },
  address: 'г. Москва, ул. Тестовая, 1',
  hours: { mon: [['10:00', '17:00']], tue: [], wed: [['10:00', '17:00']], thu: [], fri: [['10:00', '17:00']], sat: [], sun: [] },
  languages: ['ru'],
})

let db: Db
let i18n: i18n
beforeAll(async () => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'joldosh-list-views-')), 'test.db'))
  importCentresFromFile(db, T0)
  replaceSupportCentres(db, [...listSupportCentres(db), reception], T0)
  i18n = await createI18n()
})
afterAll(() => db.$client.close())

const viewer = (locale: (typeof LANGUAGES)[number], now: Date): ViewContext => ({ t: i18n.getFixedT(locale) as ViewContext['t'], locale, clock: () => now })
/** The same directory as a new object: nothing made for the shared copy applies to it. */
const freshCopy = (dir: LiveDirectory): LiveDirectory => structuredClone(dir)
const plain = (view: ReturnType<typeof listView>) => view && { text: view.text, keyboard: view.keyboard.inline_keyboard, venues: view.venues }

describe('centre lists made once per directory copy, language and open-now states', () => {
  it('equal the lists made afresh, for every city, language, filter and time, whatever was asked before', () => {
    const dir = loadDirectory(db)
    const refs: ListRef[] = [...new Set(dir.centres.map((c) => c.city))].flatMap((cityId) => [
      { kind: 'city' as const, cityId, filter: 'a' as const },
      { kind: 'city' as const, cityId, filter: 'l' as const },
    ])
    refs.push({ kind: 'other', filter: 'a' }, { kind: 'other', filter: 'l' })
    for (const now of [WEDNESDAY_NOON, WEDNESDAY_EVENING, TUESDAY_NOON, WEDNESDAY_NOON]) {
      for (const locale of LANGUAGES) {
        const v = viewer(locale, now)
        expect(plain(menuView(v, dir))).toEqual(plain(menuView(v, freshCopy(dir))))
        for (const ref of refs) expect(plain(listView(v, dir, ref))).toEqual(plain(listView(v, freshCopy(dir), ref)))
      }
    }
  })

  it('follow the clock: an entry that closes is shown closed, and open again the next open day', () => {
    const dir = loadDirectory(db)
    const moscow: ListRef = { kind: 'city', cityId: 'moscow', filter: 'a' }
    const open = listView(viewer('ru', WEDNESDAY_NOON), dir, moscow)!
    expect(open.text).toMatch(/Тест приёмная — 🟢 сейчас открыто/)
    // The same list for the same states is shared (and frozen, so no handler can change it for others).
    expect(listView(viewer('ru', WEDNESDAY_NOON), dir, moscow)).toBe(open)
    expect(() => open.keyboard.text('x', 'y')).toThrow()
    expect(listView(viewer('ru', WEDNESDAY_EVENING), dir, moscow)!.text).toMatch(/Тест приёмная — 🔴 сейчас закрыто/)
    expect(listView(viewer('ru', new Date('2026-11-27T09:00:00Z')), dir, moscow)!.text).toMatch(/Тест приёмная — 🟢 сейчас открыто/)
  })

  it('turn open on the minute the entry opens (the local clock is remembered per minute, not longer)', () => {
    const dir = loadDirectory(db)
    const moscow: ListRef = { kind: 'city', cityId: 'moscow', filter: 'a' }
    // 10:00 Moscow time is 07:00 UTC.
    expect(listView(viewer('ru', new Date('2026-11-25T06:59:00.000Z')), dir, moscow)!.text).toMatch(/Тест приёмная — 🔴 сейчас закрыто/)
    expect(listView(viewer('ru', new Date('2026-11-25T06:59:59.999Z')), dir, moscow)!.text).toMatch(/Тест приёмная — 🔴 сейчас закрыто/)
    expect(listView(viewer('ru', new Date('2026-11-25T07:00:00.000Z')), dir, moscow)!.text).toMatch(/Тест приёмная — 🟢 сейчас открыто/)
  })

  it('are made per translator: another i18next instance (other texts) gets its own', async () => {
    const dir = loadDirectory(db)
    const kazan: ListRef = { kind: 'city', cityId: 'kazan', filter: 'a' }
    expect(listView(viewer('en', WEDNESDAY_NOON), dir, kazan)!.text).not.toContain('Other hint')
    const other = await createI18n()
    other.addResource('en', 'centres', 'list.hint', 'Other hint')
    other.addResource('en', 'centres', 'menu.title', 'Other menu')
    const v = { ...viewer('en', WEDNESDAY_NOON), t: other.getFixedT('en') as ViewContext['t'] }
    expect(listView(v, dir, kazan)!.text).toContain('<i>Other hint</i>')
    expect(menuView(v, dir).text).toBe('Other menu')
  })

  it('change as soon as the directory does: an import here, or one by another process', () => {
    const moscow: ListRef = { kind: 'city', cityId: 'moscow', filter: 'a' }
    const v = viewer('en', WEDNESDAY_NOON)
    expect(listView(v, loadDirectory(db), moscow)!.text).toContain('Test reception')
    expect(menuView(v, loadDirectory(db)).keyboard.inline_keyboard.flat().map((b) => b.text)).toContain('Moscow')

    replaceSupportCentres(db, [...listSupportCentres(db).filter((c) => c.id !== reception.id), { ...reception, name: { ru: 'Тест приёмная 2', en: 'Test reception 2' } }], T0)
    expect(listView(v, loadDirectory(db), moscow)!.text).toContain('Test reception 2')

    const cli = openDatabase(db.$client.name)
    replaceSupportCentres(cli, listSupportCentres(cli).filter((c) => c.id !== reception.id), T0)
    cli.$client.close()
    expect(listView(v, loadDirectory(db), moscow)!.text).not.toContain('Test reception')
  })
})
