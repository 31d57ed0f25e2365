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
import { fileRequest } from '../helpers/legal-request.js'

const RED_SQUARE = { lat: 55.75, lon: 37.62 }
const BISHKEK = { lat: 42.87, lon: 74.61 }
// 2026-11-25 is a Wednesday: 12:00 in Moscow, when the Civic Assistance Committee (Mon/Wed/Fri 10–17) is open.
const WEDNESDAY_NOON_MOSCOW = new Date('2026-11-25T09:00:00Z')
const TUESDAY_NOON_MOSCOW = new Date('2026-11-24T09:00:00Z')

/** A Moscow test entry with sourced-looking coordinates, to see more than the one real pin sorted. */
function moscowEntry(id: string, lat: number, lon: number, overrides: Partial<SupportCentre> = {}): SupportCentre {
  return {
    id,
    city: 'moscow',
    kind: 'ngo-legal-aid',
    name: { ru: `Тест ${id}`, en: `Test ${id}` },
    address: `г. Москва, ул. Тестовая, ${id.length}`,
    lat,
    lon,
    phones: ['+7 (495) 000-00-00'],
    hours: null,
    hoursText: null,
    services: ['legal-advice'],
    servicesText: [],
    languages: ['ru', 'ky'],
    website: null,
    source: { title: 'test', url: 'https://example.org/' },
    verifiedAt: '2026-10-01',
    confidence: 'medium',
    outdated: false,
    notes: '',
    ...overrides,
  }
}

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
    expect(text).toMatch(/^📍 Ближайший город из нашего списка: Москва, 0,\d км от вас\./)

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
    expect(screen(h)).toMatch(/^📍 Nothing near you in our list\. The nearest city with entries is (Chelyabinsk|Yekaterinburg), about 1,\d{3} km away/)
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
  it('lists Kazan in one message with a button per entry, then the pin of the one entry with coordinates', async () => {
    const h = await createTestBot()
    await openCentres(h, 6010, 'ru')
    const menu = h.telegram.calls.at(-1)!
    const mark = h.mark()
    await h.driver.press('Казань')
    const calls = h.since(mark).filter((c) => c.method !== 'answerCallbackQuery')
    expect(calls.map((c) => c.method)).toEqual(['editMessageText', 'sendVenue'])
    expect(calls[0]!.payload.message_id).toBe((menu.result as any).message_id)
    const kazan = listSupportCentres(h.db).filter((c) => c.city === 'kazan').map((c) => c.id)
    const ids = entryButtons(h).map(idOf)
    expect(ids.slice(0, kazan.length).sort()).toEqual([...kazan].sort())
    expect(ids).toContain('tj-molmep-volga-representative') // the Tajik ministry's representative for the Volga region
    expect(h.textsSince(mark)[0]).toMatch(/^📍 Казань · 5 мест\n/)
    expect(h.textsSince(mark)[0]).toContain('Мы не знаем бесплатной юридической помощи в городе Казань с адресом или телефоном')
    expect(venues(h, mark)).toEqual([expect.objectContaining({ latitude: 55.79534316988579, longitude: 49.1072434078705 })])
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
    const h = await createTestBot({ now: WEDNESDAY_NOON_MOSCOW })
    await openCentres(h, 6020, 'ru')
    await h.driver.press('Москва')
    expect(screen(h)).toMatch(/\d+\. ⚖️ Комитет «Гражданское содействие» — 🟢 сейчас открыто/)
    await h.driver.press('Гражданское содействие')
    expect(h.lastText()).toContain('🕘 пн, ср, пт 10:00–17:00; вт, чт, сб, вс закрыто · 🟢 сейчас открыто (там 12:00)')

    const tuesday = await createTestBot({ now: TUESDAY_NOON_MOSCOW })
    await openCentres(tuesday, 6021, 'en')
    await tuesday.driver.press('Moscow')
    await tuesday.driver.press('Civic Assistance')
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
    const list = h.telegram.calls.at(-2)!
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
    const events = h.db.select().from(outbox).all()
    expect(events).toMatchObject([{ kind: 'centre.report', requestId: null }])
    expect(JSON.parse(events[0]!.payload)).toEqual({ reportId: reports[0]!.id, centreId: 'civic-assistance-committee' })

    await h.flush()
    expect(h.lastText(LAWYERS_CHAT_ID)).toContain('civic-assistance-committee')
    await h.driver.press(h.t('ky', 'centres:report.backToCard'))
    expect(h.lastText()).toMatch(/^⚖️ Комитет «Гражданское содействие»/)
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
