import { describe, expect, it } from 'vitest'
import { findCity, offersLegalHelp } from '../../src/centres/directory.js'
import { distanceKm } from '../../src/centres/geography.js'
import { telUri } from '../../src/centres/links.js'
import type { Country, SupportCentre } from '../../src/centres/vocabulary.js'
import { centreReports, legalRequests, outbox } from '../../src/db/schema.js'
import { findSupportCentre, listSupportCentres, replaceSupportCentres } from '../../src/db/support-centres.js'
import { withRef } from '../../src/bot/views/centre-list.js'
import { loadDirectory } from '../../src/db/support-centres.js'
import type { Button } from '../../src/transport/chat-driver.js'
import { htmlToText } from '../../src/transport/local-chat.js'
import { ADMIN_ID, LAWYERS_CHAT_ID, createTestBot, startAs, type TestBot } from '../helpers/bot-harness.js'
import { moscowEntry } from '../helpers/centres.js'
import { fileRequest } from '../helpers/legal-request.js'

const RED_SQUARE = { lat: 55.75, lon: 37.62 }
const BISHKEK = { lat: 42.87, lon: 74.61 }
// 2026-11-25 is a Wednesday: 12:00 in Moscow, when the Civic Assistance Committee (Mon/Wed/Fri 10–17) is open.
const WEDNESDAY_NOON_MOSCOW = new Date('2026-11-25T09:00:00Z')
const TUESDAY_NOON_MOSCOW = new Date('2026-11-24T09:00:00Z')

/** The message on screen with inline buttons (the list or card), whatever venue pins came after it. */
function screen(h: TestBot): string {
  const mine = [...h.telegram.messages.values()].filter((m) => m.chatId === h.driver.chatId && m.fromBot && m.replyMarkup?.inline_keyboard)
  return htmlToText(mine.sort((a, b) => b.messageId - a.messageId)[0]?.text ?? '')
}
const listLines = (text: string) => text.split('\n').filter((l) => /^\d+\. /.test(l))
const entryButtons = (h: TestBot) => h.driver.buttons().filter((b) => b.callbackData?.startsWith('ce:o:'))
const idOf = (b: Button) => b.callbackData!.split(':')[2]!
const venues = (h: TestBot, mark: number) => h.since(mark).filter((c) => c.method === 'sendVenue').map((c) => c.payload)

async function openCentres(h: TestBot, userId: number, lang = 'ru') {
  await startAs(h, userId, lang)
  await h.driver.pressData('menu:centres')
}

describe('find a support centre: by location', () => {
  it('lists Moscow for a location in Moscow: entries with coordinates nearest first, with km and venue pins after the list', async () => {
    const h = await createTestBot()
    const now = new Date()
    replaceSupportCentres(h.db, [...listSupportCentres(h.db), moscowEntry('test-far', 55.8, 37.45), moscowEntry('test-near', 55.752, 37.622)], now)
    await startAs(h, 6000, 'ru')
    const mark = h.mark()
    await h.driver.shareLocation(RED_SQUARE.lat, RED_SQUARE.lon)

    const calls = h.since(mark)
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendVenue', 'sendVenue', 'sendVenue'])
    const text = h.textsSince(mark)[0]!
    // No km to the city: its centre's coordinates are in no reference; km only to entries with sourced ones.
    expect(text.split('\n')[0]).toBe('📍 Ближайший город из нашего списка: Москва.')

    // Order: the three entries with coordinates by distance, then the rest.
    const ids = entryButtons(h).map(idOf)
    const withCoords = ['test-near', 'uz-embassy-moscow', 'test-far']
    expect(ids.slice(0, 3)).toEqual(withCoords)
    expect(ids).toHaveLength(listSupportCentres(h.db).filter((c) => c.city === 'moscow').length)
    const dir = loadDirectory(h.db)
    const km = withCoords.map((id) => distanceKm(RED_SQUARE, findSupportCentre(h.db, id) as { lat: number; lon: number }))
    expect(km).toEqual([...km].sort((a, b) => a - b))
    expect(listLines(text)[1]).toMatch(/^2\. 🏛 Посольство Республики Узбекистан .* — 1,9 км$/)

    // Pins: the same three, in the same order, numbered like the list; none for entries without coordinates.
    const pins = venues(h, mark)
    expect(pins.map((p) => [p.latitude, p.longitude])).toEqual(withCoords.map((id) => [findSupportCentre(h.db, id)!.lat, findSupportCentre(h.db, id)!.lon]))
    expect(pins[1]).toMatchObject({ title: '2. Посольство Республики Узбекистан в Российской Федерации', address: '119017, г. Москва, Погорельский переулок, д. 12' })
    expect(dir.centres.filter((c) => c.city === 'moscow' && c.lat !== null)).toHaveLength(3)
  })

  it('with the shipped data: one pin in Moscow (the only entry there with coordinates), after the list', async () => {
    const h = await createTestBot()
    await startAs(h, 6001, 'en')
    const mark = h.mark()
    await h.driver.shareLocation(RED_SQUARE.lat, RED_SQUARE.lon)
    expect(h.since(mark).map((c) => c.method)).toEqual(['sendMessage', 'sendVenue'])
    expect(entryButtons(h).map(idOf)[0]).toBe('uz-embassy-moscow')
    expect(venues(h, mark)[0]).toMatchObject({ latitude: 55.73268098285613, longitude: 37.62100169840296 })
  })

  it('gives consulates and phone lines for a location in Bishkek, never a "nearest" centre in Russia', async () => {
    const h = await createTestBot()
    await startAs(h, 6002, 'ky')
    const mark = h.mark()
    await h.driver.shareLocation(BISHKEK.lat, BISHKEK.lon)
    expect(h.since(mark).map((c) => c.method)).toEqual(['sendMessage'])
    const text = h.lastText()
    expect(text.startsWith(h.t('ky', 'centres:list.outside'))).toBe(true)
    expect(text).not.toContain(h.t('ky', 'centres:km', { km: '' }).trim())
    const ids = entryButtons(h).map(idOf)
    expect(ids).toEqual(expect.arrayContaining(['kg-mintrud-phone-lines', 'uz-migration-agency-1282', 'kg-embassy-moscow', 'kg-consulate-general-kazan']))
    expect(ids).not.toContain('ru-emergency-112')
    expect(ids).not.toContain('civic-assistance-committee')
  })

  it('says how far the nearest city is for a location in Russia far from every centre (Novosibirsk)', async () => {
    const h = await createTestBot()
    await startAs(h, 6003, 'en')
    await h.driver.shareLocation(55.03, 82.92)
    const first = screen(h).split('\n')[0]!
    expect(first).toMatch(/^📍 Nothing near you in our list\. The nearest city with entries is (Chelyabinsk|Yekaterinburg), and it is far from you\./)
    expect(first).not.toMatch(/\d\s?km/)
  })

  it('asks for the location with a one-time reply keyboard', async () => {
    const h = await createTestBot()
    await openCentres(h, 6004, 'uz')
    await h.driver.pressData('ce:loc')
    const [button] = h.driver.buttons()
    expect(button).toMatchObject({ label: h.t('uz', 'centres:location.button'), requestLocation: true })
    expect(h.telegram.calls.at(-1)!.payload.reply_markup).toMatchObject({ one_time_keyboard: true, resize_keyboard: true })
  })

  it('leaves a location shared inside a conversation to that conversation', async () => {
    const h = await createTestBot()
    await startAs(h, 6005, 'ru')
    await h.driver.send('/lawyer')
    const mark = h.mark()
    await h.driver.shareLocation(RED_SQUARE.lat, RED_SQUARE.lon)
    expect(h.since(mark).filter((c) => c.method === 'sendVenue')).toHaveLength(0)
    expect(h.textsSince(mark).join('\n')).not.toContain('Москва')
  })
})

describe('find a support centre: by city', () => {
  it('lists Kazan in one message with a button per entry, and no map pin unasked', async () => {
    const h = await createTestBot()
    await openCentres(h, 6010, 'ru')
    const menu = h.telegram.calls.at(-1)!
    const mark = h.mark()
    await h.driver.press('Казань')
    const calls = h.since(mark).filter((c) => c.method !== 'answerCallbackQuery')
    expect(calls.map((c) => c.method)).toEqual(['editMessageText'])
    expect(calls[0]!.payload.message_id).toBe((menu.result as any).message_id)
    const kazan = listSupportCentres(h.db).filter((c) => c.city === 'kazan').map((c) => c.id)
    const ids = entryButtons(h).map(idOf)
    expect(ids.slice(0, kazan.length).sort()).toEqual([...kazan].sort())
    expect(ids).toContain('tj-molmep-volga-representative') // the Tajik ministry's representative for the Volga region
    expect(h.textsSince(mark)[0]).toMatch(/^📍 Казань · 5 мест\n/)
    expect(h.textsSince(mark)[0]).toContain('Мы не знаем бесплатной юридической помощи в городе Казань с адресом или телефоном')
    expect(venues(h, mark)).toEqual([])
  })

  it('says plainly there is no sourced legal aid in Chelyabinsk and offers the consulates, the hotlines and a lawyer', async () => {
    const h = await createTestBot()
    await openCentres(h, 6011, 'en')
    await h.driver.press('Chelyabinsk')
    const text = screen(h)
    expect(text).toContain('⚠️ We know of no free legal help in Chelyabinsk with an address or phone.')
    expect(text).toContain("Your country's offices for Chelyabinsk")
    expect(text).toMatch(/Consulate General of the Republic of Uzbekistan in Yekaterinburg — Yekaterinburg, its district includes this region/)
    expect(text).toMatch(/Consulate General of the Kyrgyz Republic in Yekaterinburg — Yekaterinburg, whether it serves this region is not stated/)
    const buttons = h.driver.buttons()
    expect(buttons.map((b) => b.callbackData)).toEqual(expect.arrayContaining(['ce:l:x.a', 'menu:lawyer']))
    await h.driver.press('Hotlines and consulates')
    expect(entryButtons(h).map(idOf)).toEqual(expect.arrayContaining(['rostrud-hotline', 'ru-emergency-112', 'kg-consulate-general-yekaterinburg']))
  })

  it('"Another city" gives the nationwide lines, the consulates and Ask a lawyer', async () => {
    const h = await createTestBot()
    await openCentres(h, 6012, 'tg')
    await h.driver.press(h.t('tg', 'centres:menu.otherCity'))
    expect(h.lastText().startsWith(h.t('tg', 'centres:list.other'))).toBe(true)
    const ids = entryButtons(h).map(idOf)
    expect(ids).toEqual(expect.arrayContaining(['rostrud-hotline', 'psp-fond-hotline', 'kg-embassy-moscow', 'tj-embassy-moscow', 'uz-consulate-general-kazan']))
    expect(ids).not.toContain('civic-assistance-committee')
    expect(h.driver.buttons().map((b) => b.callbackData)).toContain('menu:lawyer')
  })

  it('filters by service: only legal help, and back to all', async () => {
    const h = await createTestBot()
    await openCentres(h, 6013, 'ru')
    await h.driver.press('Москва')
    const all = entryButtons(h).map(idOf)
    await h.driver.press('Только юридическая помощь')
    const legal = entryButtons(h).map(idOf)
    expect(h.lastText()).toContain('Только места, где дают юридическую помощь.')
    expect(legal.length).toBeGreaterThan(0)
    expect(legal.length).toBeLessThan(all.length)
    expect(legal.every((id) => offersLegalHelp(findSupportCentre(h.db, id)!))).toBe(true)
    expect(all.filter((id) => offersLegalHelp(findSupportCentre(h.db, id)!))).toEqual(legal)
    // The filter travels with the card and back.
    await h.driver.press(1)
    await h.driver.press('Назад')
    expect(entryButtons(h).map(idOf)).toEqual(legal)
    await h.driver.press('Показать все')
    expect(entryButtons(h).map(idOf)).toEqual(all)
  })
})

describe('find a support centre: cards', () => {
  it('shows open now in the city time zone, from a fixed clock', async () => {
    const civicHours = findSupportCentre((await createTestBot()).db, 'civic-assistance-committee')!.hours
    const withAddress = moscowEntry('test-open', 55.76, 37.6, { name: { ru: 'Тест приёмная', en: 'Test reception' }, hours: civicHours })
    const h = await createTestBot({ now: WEDNESDAY_NOON_MOSCOW })
    replaceSupportCentres(h.db, [...listSupportCentres(h.db), withAddress], new Date())
    await openCentres(h, 6020, 'ru')
    await h.driver.press('Москва')
    expect(screen(h)).toMatch(/\d+\. ⚖️ Тест приёмная — 🟢 сейчас открыто/)
    await h.driver.press('Тест приёмная')
    expect(h.lastText()).toContain('🕘 пн, ср, пт 10:00–17:00; вт, чт, сб, вс закрыто · 🟢 сейчас открыто (там 12:00)')

    const tuesday = await createTestBot({ now: TUESDAY_NOON_MOSCOW })
    replaceSupportCentres(tuesday.db, [...listSupportCentres(tuesday.db), withAddress], new Date())
    await openCentres(tuesday, 6021, 'en')
    await tuesday.driver.press('Moscow')
    await tuesday.driver.press('Test reception')
    expect(tuesday.lastText()).toContain('· 🔴 closed now (12:00 there)')

    // Round-the-clock lines are open whatever the zone (Russia spans eleven).
    await tuesday.driver.press('Back')
    await tuesday.driver.press('Hotlines and consulates')
    await tuesday.driver.press('Russian emergency numbers')
    expect(tuesday.lastText()).toContain('🕘 round the clock · 🟢 open now\n')
    expect(tuesday.driver.buttons()[0]).toMatchObject({ label: '📞 Call', callbackData: 'ce:p:ru-emergency-112' })
  })

  it('edits the list into a card and back; Call sends the numbers where a full number exists', async () => {
    const h = await createTestBot({ now: WEDNESDAY_NOON_MOSCOW })
    await openCentres(h, 6022, 'ru')
    await h.driver.press('Москва')
    const list = h.telegram.calls.findLast((c) => c.method === 'editMessageText')!
    await h.driver.press('Гражданское содействие')
    const card = h.telegram.calls.at(-1)!
    expect(card.method).toBe('editMessageText')
    expect(card.payload.message_id).toBe(list.payload.message_id)
    expect(card.payload.text).toContain('📞 8-495-681-18-23')
    expect(card.payload.text).not.toContain('tel:')
    const text = h.lastText()
    expect(text).toContain('📍 Адрес неизвестен')
    expect(text).toContain('✅ Проверено: 11.01.2023')
    expect(text).toContain('⚠️ Позвоните или уточните, прежде чем идти: проверено больше 6 месяцев назад, могли переехать или измениться.')
    expect(text).toContain('🗣 Языки не указаны')
    const buttons = h.driver.buttons()
    expect(buttons.map((b) => b.label)).toEqual(['📞 Позвонить', '⚖️ Лучше спросить юриста', '⚠️ Сообщить об ошибке', '⬅️ Назад'])
    await h.driver.press('Позвонить')
    expect(h.lastText().split('\n').slice(0, 2)).toEqual(['📞 +74956811823', '📞 +74956811532'])
    await h.driver.press('Назад')
    expect(h.lastText()).toMatch(/^📍 Москва · 13 мест/)

    // A number published without a city code is text, and there is no Call button; Route goes to the sourced pin.
    await h.driver.send('/centres')
    await h.driver.press('Казань')
    await h.driver.press('Республики Узбе')
    const consulate = h.telegram.calls.at(-1)!.payload.text as string
    expect(consulate).toContain('📞 526-55-64 (в источнике без кода города), 526-55-65 (в источнике без кода города)')
    expect(consulate).not.toContain('tel:')
    expect(h.driver.buttons().map((b) => b.label)).not.toContain('📞 Позвонить')
    expect(h.driver.buttons().find((b) => b.label === '🗺 Маршрут')!.url).toBe('https://yandex.ru/maps/?rtext=~55.79534316988579,49.1072434078705&rtt=mt')

    // No coordinates: Route is a map search for the address text, never a guessed pin.
    await h.driver.press('Назад')
    await h.driver.press('МФЦ')
    const route = h.driver.buttons().find((b) => b.label === '🗺 Маршрут')!.url!
    expect(decodeURIComponent(route)).toBe('https://yandex.ru/maps/?text=г. Казань, ул. Авангардная, 74')
  })

  it('keeps every callback data within 64 bytes, even for a 40-character id at a far-off location', async () => {
    const h = await createTestBot()
    const longId = 'a'.repeat(40)
    replaceSupportCentres(h.db, [...listSupportCentres(h.db), moscowEntry(longId, 55.7512, 37.6184)], new Date())
    const dir = loadDirectory(h.db)
    const data = withRef(`ce:r:${longId}:p:`, { kind: 'near', lat: -54.123, lon: -137.456, filter: 'l' }, dir)
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64)
    await startAs(h, 6023, 'en')
    await h.driver.shareLocation(55.7512, 37.6184)
    const screens: Button[][] = [h.driver.buttons()]
    await h.driver.press(1)
    screens.push(h.driver.buttons())
    await h.driver.press('Report wrong information')
    screens.push(h.driver.buttons())
    for (const b of screens.flat()) if (b.callbackData) expect(Buffer.byteLength(b.callbackData)).toBeLessThanOrEqual(64)
    expect(screens[2]!.map((b) => b.label)).toContain('📞 Wrong phone')
  })

  it('starts a legal aid request from "Ask a lawyer instead", with the topic the entry deals with', async () => {
    const h = await createTestBot()
    await openCentres(h, 6024, 'ru')
    await h.driver.press('Москва')
    await h.driver.press('инспекция труда')
    await h.driver.press('Лучше спросить юриста')
    await fileRequest(h, {}, { start: false, topicPrefilled: true })
    expect(h.db.select().from(legalRequests).all()).toMatchObject([{ topic: 'work' }])
  })
})

describe('find a support centre: reports of wrong information', () => {
  it('stores the report and the lawyers’ outbox event, then thanks the person', async () => {
    const h = await createTestBot()
    await openCentres(h, 6030, 'ky')
    await h.driver.press('Москва')
    await h.driver.press('Гражданское содействие')
    await h.driver.press(h.t('ky', 'centres:card.report'))
    expect(h.driver.buttons().map((b) => b.label)).toEqual(['phone', 'address', 'hours', 'closed', 'other'].map((p) => h.t('ky', `centres:report.${p}`)).concat(h.t('ky', 'buttons.back')))
    await h.driver.press(h.t('ky', 'centres:report.hours'))
    expect(h.lastText()).toBe(h.t('ky', 'centres:report.thanks', { name: 'Комитет «Гражданское содействие»' }))

    const reports = h.db.select().from(centreReports).all()
    expect(reports).toMatchObject([{ centreId: 'civic-assistance-committee', problem: 'hours', language: 'ky', resolvedAt: null }])
    // The news offer (issue 18) follows the first centres list through the outbox too.
    const events = h.db.select().from(outbox).all().filter((e) => e.kind !== 'alert.offer')
    expect(events).toMatchObject([{ kind: 'centre.report', requestId: null }])
    expect(JSON.parse(events[0]!.payload)).toEqual({ reportId: reports[0]!.id, centreId: 'civic-assistance-committee' })

    await h.driver.press(h.t('ky', 'centres:report.backToCard'))
    expect(h.lastText()).toMatch(/^⚖️ Комитет «Гражданское содействие»/)
    await h.flush()
    expect(h.lastText(LAWYERS_CHAT_ID)).toContain('civic-assistance-committee')
  })

  it('answers forged or stale buttons without changing anything', async () => {
    const h = await createTestBot()
    await openCentres(h, 6031, 'ru')
    const forged = [
      'ce:o:no-such-centre:cmoscow.a',
      'ce:o:civic-assistance-committee:bad-ref',
      'ce:l:cnowhere.a',
      'ce:l:n99.5,37.62.a',
      'ce:g:cmoscow.z',
      'ce:w:no-such-centre:cmoscow.a',
      'ce:r:civic-assistance-committee:q:cmoscow.a',
      'ce:r:no-such-centre:p:cmoscow.a',
      'ce:a:no-such-centre',
      `ce:o:${'x'.repeat(60)}:cmoscow.a`,
    ]
    for (const data of forged) {
      const mark = h.mark()
      await h.driver.pressCallback(data)
      expect(h.since(mark), data).toMatchObject([{ method: 'answerCallbackQuery', payload: { text: h.t('ru', 'errors.staleButton') } }])
    }
    expect(h.db.select().from(centreReports).all()).toEqual([])
    expect(h.db.select().from(outbox).all()).toEqual([])
  })
})

describe('find a support centre: menu and admin', () => {
  it.each(['ky', 'ru', 'uz', 'tg', 'en'] as const)('renders the menu in %s, from the main menu and /centres', async (lang) => {
    const h = await createTestBot()
    await openCentres(h, 6040, lang)
    expect(h.lastText()).toBe(h.t(lang, 'centres:menu.title'))
    const labels = h.driver.buttons().map((b) => b.label)
    for (const id of ['moscow', 'kazan', 'chelyabinsk']) expect(labels).toContain(findCity(id)!.name[lang])
    expect(labels).toEqual(expect.arrayContaining([h.t(lang, 'centres:menu.otherCity'), h.t(lang, 'centres:menu.nearMe')]))
    await h.driver.send('/centres')
    expect(h.lastText()).toBe(h.t(lang, 'centres:menu.title'))
    await h.driver.press(findCity('chelyabinsk')!.name[lang])
    expect(screen(h)).toContain(h.t(lang, 'centres:list.noLegalAid', { city: findCity('chelyabinsk')!.name[lang] }))
  })

  it('refuses /centres_reload to non-admins in their language; admins reload (only a changed file, unless forced)', async () => {
    const h = await createTestBot()
    await startAs(h, 6050, 'uz')
    await h.driver.send('/centres_reload')
    expect(h.lastText()).toBe(h.t('uz', 'desk:onlyAdmins'))
    await h.driver.send('/centres_reload force')
    expect(h.lastText()).toBe(h.t('uz', 'desk:onlyAdmins'))

    replaceSupportCentres(h.db, listSupportCentres(h.db).filter((c) => c.id !== 'rostrud-hotline'), new Date())
    await startAs(h, ADMIN_ID, 'en')
    await h.driver.send('/centres_reload')
    expect(h.lastText()).toBe(h.t('en', 'centres:reload.unchanged'))
    expect(findSupportCentre(h.db, 'rostrud-hotline')).toBeUndefined()
    await h.driver.send('/centres_reload force')
    expect(h.lastText()).toBe('List of centres reloaded: 1 added, 0 changed, 0 removed; 31 entries in all.')
    expect(findSupportCentre(h.db, 'rostrud-hotline')).toBeDefined()
  })
})

describe('phone numbers on cards (telUri)', () => {
  it.each<[string, Country, string | null]>([
    ['8-495-681-18-23', 'ru', 'tel:+74956811823'],
    ['+7 (926) 311-52-53', 'ru', 'tel:+79263115253'],
    ['8800-707-88-41', 'ru', 'tel:+78007078841'],
    ['8-499 230-00-76', 'ru', 'tel:+74992300076'],
    ['112', 'ru', 'tel:112'],
    ['526-55-64', 'ru', null],
    ['495 681-18-23', 'ru', null],
    ['1966', 'kg', null],
    ['66-01-07', 'kg', null],
    ['117', 'kg', null],
    ['+996 312 62-52-51', 'kg', 'tel:+996312625251'],
    ['+7 12', 'ru', null],
  ])('%s in %s → %s', (phone, country, uri) => {
    expect(telUri(phone, country)).toBe(uri)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Issue 14: centres without dead ends

/** The first line of the message on screen (a list's header). */
const header = (h: TestBot) => screen(h).split('\n')[0]!
const cityHeader = (h: TestBot, lang: string, city: string) => h.t(lang, 'centres:list.city', { city: h.t(lang, `x`, { defaultValue: city }), count: listSupportCentres(h.db).filter((c) => c.city === CITY_IDS[city]).length })
const CITY_IDS: Record<string, string> = { Москва: 'moscow', Казань: 'kazan', Челябинск: 'chelyabinsk', Moskva: 'moscow', Qozon: 'kazan', Маскав: 'moscow', Kazan: 'kazan', Moscow: 'moscow' }

describe('typed city names open that city’s list (issue 14, item 8)', () => {
  it.each([
    ['ru', 'Казань', 'Казань'],
    ['en', 'kazan', 'Kazan'],
    ['uz', 'Qozon', 'Qozon'],
    ['ru', 'Москва', 'Москва'],
    ['en', 'moskva', 'Moscow'],
    ['ru', 'Челябинск', 'Челябинск'],
    ['ru', 'где центр поддержки мигрантов в Казани', 'Казань'],
    ['ky', 'борбор Казань', 'Казань'],
    ['uz', 'markaz Moskva', 'Moskva'],
    ['tg', 'Маскав', 'Маскав'],
  ])('%s: «%s» right after /centres → the list of %s, not an article', async (lang, typed, city) => {
    const h = await createTestBot()
    await startAs(h, 6100, lang)
    await h.driver.send('/centres')
    const mark = h.mark()
    await h.driver.send(typed)
    expect(h.textsSince(mark)).toHaveLength(1)
    expect(htmlToText(h.textsSince(mark)[0]!).split('\n')[0]).toBe(htmlToText(cityHeader(h, lang, city)))
    expect(entryButtons(h).length).toBeGreaterThan(0)
  })

  it('works as free text at any time too, and a bare centre request opens the menu', async () => {
    const h = await createTestBot()
    await startAs(h, 6101, 'ru')
    await h.driver.send('Казанда')
    expect(header(h)).toBe(htmlToText(cityHeader(h, 'ru', 'Казань')))
    await h.driver.send('центр поддержки мигрантов')
    expect(screen(h)).toBe(htmlToText(h.t('ru', 'centres:menu.title')))
  })

  it('a legal question that mentions a city still goes to search', async () => {
    const h = await createTestBot()
    await startAs(h, 6102, 'en')
    for (const question of ['I lost my passport in Moscow', 'потерял паспорт в Москве', 'Moskvada patent qancha turadi']) {
      const mark = h.mark()
      await h.driver.send(question)
      expect(h.textsSince(mark)[0]).toContain(h.t('en', 'rights:bestMatch'))
      expect(h.driver.buttons().some((b) => b.callbackData?.startsWith('r:a:'))).toBe(true)
      expect(h.driver.buttons().some((b) => b.callbackData?.startsWith('ce:'))).toBe(false)
    }
  })

  it('a city typed inside a legal request is the conversation’s answer, not a list', async () => {
    const h = await createTestBot()
    await startAs(h, 6103, 'ru')
    await h.driver.send('/lawyer')
    const mark = h.mark()
    await h.driver.send('Москва')
    expect(h.textsSince(mark).join('\n')).not.toContain(htmlToText(cityHeader(h, 'ru', 'Москва')))
  })
})

describe('free legal lines wherever there is no local legal help (item 9)', () => {
  it.each(['Казань', 'Челябинск'])('%s lists Rosmigrant 8-800 and the Tajik central hotline under "by phone, from anywhere in Russia"', async (city) => {
    const h = await createTestBot()
    await openCentres(h, 6110, 'ru')
    await h.driver.press(city)
    const text = screen(h)
    expect(text).toContain(h.t('ru', 'centres:list.noLegalAid', { city }))
    expect(text).toContain(h.t('ru', 'centres:list.nationwide'))
    expect(entryButtons(h).map(idOf)).toEqual(expect.arrayContaining(['rosmigrant-dsmr', 'tj-molmep-representation-central']))
    await h.driver.press('Росмигрант')
    expect(h.lastText()).toContain('8-800-550-32-03')
  })

  it('Moscow (it has legal help with contacts) lists them once, in its own entries; the hotlines page has them too', async () => {
    const h = await createTestBot()
    await openCentres(h, 6111, 'en')
    await h.driver.press('Moscow')
    expect(screen(h)).not.toContain(h.t('en', 'centres:list.nationwide'))
    const ids = entryButtons(h).map(idOf)
    expect(ids.filter((id) => id === 'rosmigrant-dsmr')).toHaveLength(1)
    await h.driver.press('Hotlines and consulates')
    expect(entryButtons(h).map(idOf)).toEqual(expect.arrayContaining(['rosmigrant-dsmr', 'tj-molmep-representation-central', 'rostrud-hotline']))
  })
})

describe('home-country offices: never "address unknown" as the last word (item 10)', () => {
  it('Kazan for a Kyrgyz citizen: the consulate says ask the embassy, and its card gives the embassy’s contacts', async () => {
    const h = await createTestBot()
    await openCentres(h, 6120, 'ky')
    await h.driver.press('Казань')
    const kgLine = listLines(screen(h)).find((l) => l.includes('Казан') && l.includes('Кыргыз'))!
    expect(kgLine).toContain(h.t('ky', 'centres:list.askEmbassy'))
    expect(entryButtons(h).map(idOf)).toContain('kg-embassy-moscow')
    const embassyLine = listLines(screen(h))[entryButtons(h).map(idOf).indexOf('kg-embassy-moscow')]
    expect(embassyLine).toContain(h.t('ky', 'centres:coverage.embassyAsk'))
    await h.driver.press('Генеральное консульство Кыргызской')
    expect(h.lastText()).toContain('119017, г. Москва, ул. Большая Ордынка, д. 64, 8-499-237-44-52')
  })

  it('Chelyabinsk for a Tajik citizen: no Tajik office for the region was found, so the embassy, said so', async () => {
    const h = await createTestBot()
    await openCentres(h, 6122, 'tg')
    await h.driver.press('Челябинск')
    const section = screen(h).split(h.t('tg', 'centres:list.coveredBy', { city: 'Челябинск' }))[1]!
    expect(listLines(section)[0]).toContain('Посольство Республики Таджикистан')
    expect(listLines(section)[0]).toContain(h.t('tg', 'centres:coverage.embassy'))
  })

  it.each(['Казань', 'Челябинск', 'Москва'])('%s: every country (Kyrgyzstan, Uzbekistan, Tajikistan) has an office with an address or phone', async (city) => {
    const h = await createTestBot()
    await openCentres(h, 6121, 'ru')
    await h.driver.press(city)
    const dir = loadDirectory(h.db)
    const shown = entryButtons(h).map(idOf).map((id) => findSupportCentre(h.db, id)!)
    const countryOf = (c: SupportCentre): Country | undefined => dir.cities.flatMap((x) => x.coveredBy).find((cov) => cov.centreId === c.id)?.country
    for (const country of ['kg', 'uz', 'tj'] as const) {
      expect(shown.some((c) => countryOf(c) === country && (c.address !== null || c.phones.length > 0)), `${city}: ${country}`).toBe(true)
    }
  })
})

describe('cards say what the reference says (item 11)', () => {
  async function card(lang: string, city: string, label: string, now?: Date) {
    const h = await createTestBot(now ? { now } : {})
    await openCentres(h, 6130, lang)
    await h.driver.press(city)
    await h.driver.press(label)
    return { h, text: h.lastText() }
  }

  it('the Tajik embassy shows the old address and the move announced in 2023', async () => {
    const { text } = await card('tg', 'Маскав', 'Таджикистан')
    expect(text).toContain('Гранатный пер., 13')
    expect(text).toContain('ул. Чаянова, 3')
    expect(text).toContain('24.06.2023')
  })

  it('Civic Assistance: no open/closed from its 2023 hours while its address is unknown', async () => {
    const { h, text } = await card('en', 'Moscow', 'Civic Assistance', WEDNESDAY_NOON_MOSCOW)
    expect(text).not.toMatch(/open now|closed now/)
    await h.driver.press('Back')
    expect(listLines(screen(h)).find((l) => l.includes('Civic Assistance'))).not.toMatch(/🟢|🔴/)
  })

  it('the Tajik ministry hotline says it went unanswered in November 2024, and which numbers answered', async () => {
    const { text } = await card('ru', 'Москва', 'Министерства труда, м')
    expect(text).toContain('21.11.2024')
    expect(text).toContain('никто не ответил')
  })

  it('1966 and 117 work only inside Kyrgyzstan (not "no city code")', async () => {
    const h = await createTestBot()
    await startAs(h, 6131, 'en')
    await h.driver.shareLocation(BISHKEK.lat, BISHKEK.lon)
    await h.driver.press('Kyrgyz Ministry of Labour')
    expect(h.lastText()).toContain('📞 1966 (works only inside Kyrgyzstan), 66-01-07 (no city code in the source)')
    await h.driver.press('Back')
    await h.driver.press('117 helpline')
    expect(h.lastText()).toContain('📞 117 (works only inside Kyrgyzstan)')
  })

  it('Kazan’s adaptation centre (lectures, no legal help) does not carry the ⚖️ icon', async () => {
    const h = await createTestBot()
    await openCentres(h, 6132, 'ru')
    await h.driver.press('Казань')
    const line = listLines(screen(h)).find((l) => l.includes('адаптации'))!
    expect(line).not.toContain('⚖️')
    expect(h.driver.buttons().find((b) => b.callbackData === withRef('ce:o:kazan-adaptation-centre:', { kind: 'city', cityId: 'kazan', filter: 'a' }, loadDirectory(h.db)))!.label).not.toContain('⚖️')
  })
})

describe('locations that are not real places (item 12)', () => {
  it.each([
    [0, 0],
    [91, 10],
    [10, 181],
  ])('/location %d %d gets a clear message and the city buttons, not a list or "I understand only text"', async (lat, lon) => {
    const h = await createTestBot()
    await startAs(h, 6140, 'ky')
    const mark = h.mark()
    await h.driver.shareLocation(lat, lon)
    expect(h.textsSince(mark)).toEqual([h.t('ky', 'centres:location.invalid', { button: h.t('ky', 'centres:menu.nearMe') })])
    expect(venues(h, mark)).toEqual([])
    expect(h.driver.buttons().map((b) => b.callbackData)).toContain('ce:loc')
  })
})

describe('map pins only when asked; own country first (item 13)', () => {
  it('Moscow’s list sends no pin; the card of an entry with coordinates has "Show on the map"', async () => {
    const h = await createTestBot()
    await openCentres(h, 6150, 'tg')
    const mark = h.mark()
    await h.driver.press('Маскав')
    expect(venues(h, mark)).toEqual([])
    await h.driver.press('Республики Узбекистан')
    const pinMark = h.mark()
    await h.driver.press(h.t('tg', 'centres:card.pin'))
    expect(venues(h, pinMark)).toEqual([expect.objectContaining({ latitude: 55.73268098285613, longitude: 37.62100169840296 })])
    // An entry without coordinates has no such button.
    await h.driver.press(h.t('tg', 'buttons.back'))
    await h.driver.press('Таджикистан')
    expect(h.driver.buttons().map((b) => b.label)).not.toContain(h.t('tg', 'centres:card.pin'))
  })

  it('an old "ce:g" button (list, then pins) now opens the list without pins', async () => {
    const h = await createTestBot()
    await openCentres(h, 6151, 'ru')
    const mark = h.mark()
    await h.driver.pressCallback('ce:g:cmoscow.a', h.telegram.calls.findLast((c) => c.method === 'sendMessage' || c.method === 'editMessageText')!.payload.message_id as number)
    expect(header(h)).toBe(htmlToText(cityHeader(h, 'ru', 'Москва')))
    expect(venues(h, mark)).toEqual([])
  })

  it.each([
    ['ky', 'kg-embassy-moscow'],
    ['uz', 'uz-embassy-moscow'],
    ['tg', 'tj-embassy-moscow'],
  ])('%s: the embassies in Moscow’s list start with %s', async (lang, first) => {
    const h = await createTestBot()
    await openCentres(h, 6152, lang)
    await h.driver.press(h.t(lang, 'x', { defaultValue: loadDirectory(h.db).cities.find((c) => c.id === 'moscow')!.name[lang as 'ky'] }))
    const embassies = entryButtons(h).map(idOf).filter((id) => /-embassy-/.test(id))
    expect(embassies[0]).toBe(first)
    await h.driver.press(h.t(lang, 'centres:list.hotlines'))
    expect(entryButtons(h).map(idOf).find((id) => findSupportCentre(h.db, id)!.kind === 'consulate' && !id.startsWith('kg-mintrud'))).toMatch(new RegExp(`^${first.slice(0, 2)}-`))
  })
})

describe('off the happy path: a restart and the same press twice', () => {
  it('a list and a card opened before a restart still work after it; pressing the same card or pin twice is harmless', async () => {
    const h = await createTestBot()
    await startAs(h, 6160, 'uz')
    await h.driver.send('Moskva')
    const listMessage = h.telegram.calls.findLast((c) => c.method === 'sendMessage')!
    const listId = (listMessage.result as { message_id: number }).message_id
    await h.restart()
    const card = withRef('ce:o:uz-embassy-moscow:', { kind: 'city', cityId: 'moscow', filter: 'a' }, loadDirectory(h.db))
    await h.driver.pressCallback(card, listId)
    await h.driver.pressCallback(card, listId) // "message is not modified": no error, no second message
    expect(h.lastText()).toContain('📍 119017, г. Москва, Погорельский переулок, д. 12')
    expect(h.telegram.calls.filter((c) => c.method === 'sendMessage' && c.payload.text === h.t('uz', 'errors.generic'))).toHaveLength(0)
    const mark = h.mark()
    await h.driver.pressCallback('ce:v:uz-embassy-moscow', listId)
    await h.driver.pressCallback('ce:v:no-such-centre', listId)
    expect(venues(h, mark)).toHaveLength(1)
    await h.driver.pressCallback(withRef('ce:l:', { kind: 'city', cityId: 'moscow', filter: 'a' }, loadDirectory(h.db)), listId)
    expect(header(h)).toBe(htmlToText(cityHeader(h, 'uz', 'Moskva')))
  })
})
