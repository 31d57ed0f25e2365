/**
 * What the support-centre feature shows: the menu, one compact list message per city (or per shared
 * location), an entry card, and the report choice. Plain functions from the directory to text and
 * buttons; the handlers in features/centres.ts decide where they go.
 *
 * Callback data (≤ 64 bytes, Telegram's limit) carries where to go back to, so no state is kept:
 *   ce:home · ce:loc · ce:l:<ref> (list) · ce:g:<ref> (list, then venue pins) · ce:o:<id>:<ref> (card)
 *   ce:w:<id>:<ref> (what is wrong?) · ce:r:<id>:<problem>:<ref> (record) · ce:a:<id> (ask a lawyer)
 * (`ce:`, as `c:` belongs to the legal request conversation)
 * where <ref> is `c<city>.<f>`, `n<lat>,<lon>.<f>` (a shared location, 3 decimals ≈ 100 m) or `x.<f>`
 * (another city), and <f> is `a` (all) or `l` (only legal help).
 */
import { InlineKeyboard } from 'grammy'
import {
  WEEKDAYS,
  callFirstReasons,
  centreCountry,
  centreName,
  centreTimeZone,
  centresInCity,
  coverageFor,
  distanceKm,
  findArea,
  findCity,
  hasCoordinates,
  localClock,
  mapSearchUrl,
  nearestCity,
  offersLegalHelp,
  openNow,
  routeUrl,
  telUri,
  type CentreKind,
  type City,
  type Coverage,
  type LatLon,
  type SupportCentre,
} from '../../centres/support-centres.js'
import type { Language } from '../../config.js'
import type { CentreProblem, LiveDirectory } from '../../db/support-centres.js'
import { escapeHtml, type TFunction } from '../../i18n.js'
import type { RequestTopic } from '../../requests/lifecycle.js'
import { clip } from '../format.js'

export type Filter = 'a' | 'l'
export type ListRef = { kind: 'city'; cityId: string; filter: Filter } | { kind: 'near'; lat: number; lon: number; filter: Filter } | { kind: 'other'; filter: Filter }

export interface ViewContext {
  t: TFunction
  locale: Language
  clock: () => Date
}

export interface Venue {
  lat: number
  lon: number
  title: string
  address: string
}

export interface View {
  text: string
  keyboard: InlineKeyboard
  venues: Venue[]
}

/** The programme's cities come first in the menu, then any other Russian city with entries. */
const PROGRAMME_CITIES = ['moscow', 'kazan', 'chelyabinsk']
const MAX_VENUES = 5
const CALLBACK_MAX_BYTES = 64

export const KIND_ICONS: Record<CentreKind, string> = {
  'ngo-legal-aid': '⚖️',
  'international-organisation': '🌐',
  hotline: '☎️',
  diaspora: '🤝',
  consulate: '🏛',
  'state-migration-centre': '🏢',
  'social-office': '🏢',
}
/** Within a list, where a person cheated by an employer should look first. */
const KIND_ORDER = Object.keys(KIND_ICONS) as CentreKind[]

export const PROBLEM_CODES: Record<CentreProblem, string> = { phone: 'p', address: 'a', hours: 'h', closed: 'c', other: 'x' }

// ---------------------------------------------------------------------------------------------------------------
// References in callback data

const num = (n: number, digits: number) => String(Number(n.toFixed(digits)))

/** A list as it travels in callback data (`digits`: decimals kept of a shared location). */
export function encodeRef(ref: ListRef, digits = 3): string {
  if (ref.kind === 'city') return `c${ref.cityId}.${ref.filter}`
  if (ref.kind === 'near') return `n${num(ref.lat, digits)},${num(ref.lon, digits)}.${ref.filter}`
  return `x.${ref.filter}`
}

const REF_RE = /^(?:c([a-z0-9-]{1,40})|n(-?\d{1,2}(?:\.\d{1,3})?),(-?\d{1,3}(?:\.\d{1,3})?)|(x))\.([al])$/
export const REF_PATTERN = '[a-z0-9.,-]{3,60}'

/** The list a button points to; undefined for forged or malformed data. */
export function decodeRef(text: string): ListRef | undefined {
  const m = REF_RE.exec(text)
  if (!m) return undefined
  const filter = m[5] as Filter
  if (m[1] !== undefined) return { kind: 'city', cityId: m[1], filter }
  if (m[4] !== undefined) return { kind: 'other', filter }
  const lat = Number(m[2])
  const lon = Number(m[3])
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { kind: 'near', lat, lon, filter } : undefined
}

/**
 * `prefix` + a ref that fits in 64 bytes: a shared location loses decimals before it would overflow, and
 * in the end becomes the list of its nearest city (only with ids near the 40-character limit).
 */
export function withRef(prefix: string, ref: ListRef, dir: LiveDirectory): string {
  const fits = (s: string) => Buffer.byteLength(s) <= CALLBACK_MAX_BYTES
  for (const digits of [3, 2, 1]) {
    const data = prefix + encodeRef(ref, digits)
    if (fits(data) || ref.kind !== 'near') return data
  }
  const near = ref.kind === 'near' ? nearestCity(ref, dir.cities, dir.centres) : undefined
  return prefix + encodeRef(near?.kind === 'city' ? { kind: 'city', cityId: near.city.id, filter: ref.filter } : { kind: 'other', filter: ref.filter })
}

// ---------------------------------------------------------------------------------------------------------------
// Small formatting helpers

function kmText(v: ViewContext, km: number): string {
  const value = km < 10 ? Number(km.toFixed(1)) : Math.round(km)
  return v.t('centres:km', { km: new Intl.NumberFormat(v.locale === 'en' ? 'en' : 'ru').format(value) })
}

const nameOf = (v: ViewContext, c: SupportCentre) => centreName(c.name, v.locale)
const placeName = (v: ViewContext, dir: LiveDirectory, id: string) => {
  const place = findCity(id, dir.cities) ?? findArea(id, dir.areas)
  return place ? place.name[v.locale] : id
}

function byKind(centres: readonly SupportCentre[]): SupportCentre[] {
  return centres
    .map((c, i) => ({ c, i }))
    .sort((a, b) => KIND_ORDER.indexOf(a.c.kind) - KIND_ORDER.indexOf(b.c.kind) || a.i - b.i)
    .map(({ c }) => c)
}

const keep = (filter: Filter) => (c: SupportCentre) => filter === 'a' || offersLegalHelp(c)

/** 11.01.2023, 12.2021 or 2024, as precise as the source. */
export function formatPartialDate(value: string): string {
  return value.split('-').reverse().join('.')
}

function hoursText(v: ViewContext, c: SupportCentre): string | undefined {
  const hours = c.hours
  if (!hours) return undefined
  const groups = new Map<string, string[]>()
  for (const day of WEEKDAYS) {
    const ranges = hours[day]
    if (ranges === undefined) continue
    const key = ranges.length === 0 ? v.t('centres:card.closedDay') : ranges.map(([s, e]) => (s === '00:00' && e === '24:00' ? v.t('centres:card.roundTheClock') : `${s}–${e}`)).join(', ')
    groups.set(key, [...(groups.get(key) ?? []), v.t(`centres:days.${day}`)])
  }
  if (groups.size === 1 && groups.get(v.t('centres:card.roundTheClock'))?.length === 7) return v.t('centres:card.roundTheClock')
  return [...groups].map(([time, days]) => `${days.join(', ')} ${time}`).join('; ')
}

// ---------------------------------------------------------------------------------------------------------------
// Menu

/** The cities (buttons, not typed names: free text is an article search), another city, and the location button. */
export function menuView(v: ViewContext, dir: LiveDirectory): View {
  const withEntries = new Set(dir.centres.map((c) => c.city))
  const russian = dir.cities.filter((c) => c.country === 'ru' && withEntries.has(c.id))
  const cities = [...PROGRAMME_CITIES.flatMap((id) => russian.filter((c) => c.id === id)), ...russian.filter((c) => !PROGRAMME_CITIES.includes(c.id))]
  const kb = new InlineKeyboard()
  cities.forEach((city, i) => {
    kb.text(city.name[v.locale], `ce:g:${encodeRef({ kind: 'city', cityId: city.id, filter: 'a' })}`)
    if (i % 2 === 1) kb.row()
  })
  kb.text(v.t('centres:menu.otherCity'), `ce:l:${encodeRef({ kind: 'other', filter: 'a' })}`).row()
  kb.text(v.t('centres:menu.nearMe'), 'ce:loc').row()
  kb.text(v.t('buttons.mainMenu'), 'menu:main')
  return { text: v.t('centres:menu.title'), keyboard: kb, venues: [] }
}

// ---------------------------------------------------------------------------------------------------------------
// Lists

interface Entry {
  centre: SupportCentre
  distanceKm: number | null
  /** Extra words on the line: the city, or how sure we are that a consulate serves this city. */
  note?: string
}

interface Section {
  title?: string
  entries: Entry[]
  /** Pins for entries with coordinates: in a city's lists, not for consulates thousands of km away. */
  pins?: boolean
}

function line(v: ViewContext, dir: LiveDirectory, n: number, e: Entry): string {
  const c = e.centre
  const state = openNow(c, v.clock(), dir)
  const details = [
    e.distanceKm !== null ? kmText(v, e.distanceKm) : '',
    state === 'open' ? v.t('centres:list.open') : state === 'closed' ? v.t('centres:list.closed') : '',
    e.note ?? '',
    c.address === null && c.phones.length === 0 ? v.t('centres:list.noContacts') : '',
  ].filter(Boolean)
  return `<b>${n}.</b> ${KIND_ICONS[c.kind]} ${escapeHtml(clip(nameOf(v, c), 70))}${details.length ? ` — ${details.join(' · ')}` : ''}`
}

function coverageNote(v: ViewContext, dir: LiveDirectory, cov: Coverage, centre: SupportCentre): string {
  const where = findCity(centre.city, dir.cities) ? escapeHtml(placeName(v, dir, centre.city)) : ''
  return [where, v.t(`centres:coverage.${cov.basis}`)].filter(Boolean).join(', ')
}

function cityView(v: ViewContext, dir: LiveDirectory, city: City, ref: ListRef, from?: LatLon): { header: string[]; sections: Section[] } {
  const own = byKind(dir.centres.filter((c) => c.city === city.id))
  const hits = from
    ? centresInCity(city.id, { from, centres: own.filter(keep(ref.filter)) })
    : own.filter(keep(ref.filter)).map((centre) => ({ centre, distanceKm: null }))
  // Consulates elsewhere that serve this city (those in the city are listed already), each once.
  const seen = new Set(own.map((c) => c.id))
  const coverage = coverageFor(city.id, undefined, dir).filter(({ centre }) => !seen.has(centre.id) && seen.add(centre.id))
  const reachableLegal = own.some((c) => offersLegalHelp(c) && (c.address !== null || c.phones.length > 0))
  const header = [v.t('centres:list.city', { city: city.name[v.locale], count: own.length })]
  if (!reachableLegal) header.push(v.t('centres:list.noLegalAid', { city: city.name[v.locale] }))
  if (ref.filter === 'l') header.push(v.t('centres:list.filterOn'))
  return {
    header,
    sections: [
      { entries: hits, pins: true },
      { title: v.t('centres:list.coveredBy', { city: city.name[v.locale] }), pins: true, entries: coverage.map(({ coverage: cov, centre }) => ({ centre, distanceKm: null, note: coverageNote(v, dir, cov, centre) })) },
    ],
  }
}

/** The phone lines of the areas `areas` picks (by country), then the consulates in Russian cities, each with its place. */
function linesAndConsulates(v: ViewContext, dir: LiveDirectory, filter: Filter, areas: (country: string) => boolean): Section[] {
  const inRussia = (c: SupportCentre) => findCity(c.city, dir.cities)?.country === 'ru'
  const lines = byKind(dir.centres.filter((c) => findArea(c.city, dir.areas) && areas(findArea(c.city, dir.areas)!.country)).filter(keep(filter)))
  const consulates = dir.centres.filter((c) => c.kind === 'consulate' && inRussia(c)).filter(keep(filter))
  return [
    { title: v.t('centres:list.lines'), entries: lines.map((centre) => ({ centre, distanceKm: null, note: escapeHtml(placeName(v, dir, centre.city)) })) },
    { title: v.t('centres:list.consulates'), entries: consulates.map((centre) => ({ centre, distanceKm: null, note: escapeHtml(placeName(v, dir, centre.city)) })) },
  ]
}

/** One message for a city, a shared location or "another city"; undefined for an unknown city. */
export function listView(v: ViewContext, dir: LiveDirectory, ref: ListRef): View | undefined {
  let header: string[]
  let sections: Section[]
  let showOther = true
  if (ref.kind === 'city') {
    const city = findCity(ref.cityId, dir.cities)
    if (!city || !dir.centres.some((c) => c.city === city.id)) return undefined
    ;({ header, sections } = cityView(v, dir, city, ref))
  } else if (ref.kind === 'near') {
    const near = nearestCity(ref, dir.cities, dir.centres)
    if (near.kind === 'outside-russia') {
      header = [v.t('centres:list.outside')]
      sections = linesAndConsulates(v, dir, ref.filter, (country) => country !== 'ru')
      showOther = false
    } else {
      const city = cityView(v, dir, near.city, ref, ref)
      const where = v.t(near.nearby ? 'centres:list.nearby' : 'centres:list.far', { city: near.city.name[v.locale], distance: kmText(v, near.distanceKm) })
      header = [where, ...city.header.slice(1)]
      sections = city.sections
    }
  } else {
    header = [v.t('centres:list.other')]
    sections = linesAndConsulates(v, dir, ref.filter, (country) => country === 'ru')
    showOther = false
  }

  const body: string[] = []
  const kb = new InlineKeyboard()
  const venues: Venue[] = []
  let n = 0
  for (const section of sections) {
    if (section.entries.length === 0) continue
    if (section.title) body.push('', `<b>${section.title}</b>`)
    for (const e of section.entries) {
      n++
      body.push(line(v, dir, n, e))
      kb.text(`${n}. ${KIND_ICONS[e.centre.kind]} ${clip(nameOf(v, e.centre), 40)}`, withRef(`ce:o:${e.centre.id}:`, ref, dir)).row()
      if (section.pins && hasCoordinates(e.centre) && venues.length < MAX_VENUES) {
        venues.push({ lat: e.centre.lat, lon: e.centre.lon, title: clip(`${n}. ${nameOf(v, e.centre)}`, 100), address: e.centre.address ?? placeName(v, dir, e.centre.city) })
      }
    }
  }
  if (n === 0) body.push('', v.t('centres:list.empty'))
  else body.push('', `<i>${v.t('centres:list.hint')}</i>`)

  const toggled = { ...ref, filter: ref.filter === 'a' ? 'l' : 'a' } as ListRef
  kb.text(v.t(ref.filter === 'a' ? 'centres:list.filterLegal' : 'centres:list.filterAll'), withRef('ce:l:', toggled, dir)).row()
  if (showOther) kb.text(v.t('centres:list.hotlines'), `ce:l:${encodeRef({ kind: 'other', filter: ref.filter })}`)
  kb.text(v.t('centres:list.askLawyer'), 'menu:lawyer').row()
  kb.text(v.t('buttons.back'), 'ce:home')
  return { text: [...header, ...body].join('\n'), keyboard: kb, venues }
}

// ---------------------------------------------------------------------------------------------------------------
// Card

/** A lawyer's topic from what the entry does: employer trouble is "work", consulate paperwork "documents". */
export function topicFor(centre: SupportCentre): RequestTopic | undefined {
  if (centre.services.includes('labour-disputes')) return 'work'
  if (centre.services.length > 0 && centre.services.every((s) => s === 'documents')) return 'documents'
  return undefined
}

function link(url: string, label: string): string {
  return /^https?:\/\//.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : escapeHtml(url)
}

/**
 * The entry card. Phones are plain text, which Telegram's apps make tappable; Telegram accepts only
 * http(s) and tg:// links in buttons, so Call sends the dialable numbers as a message instead.
 */
export function cardView(v: ViewContext, dir: LiveDirectory, centre: SupportCentre, ref: ListRef): View {
  const t = v.t
  const now = v.clock()
  const city = findCity(centre.city, dir.cities)
  const country = centreCountry(centre, dir)
  const from = ref.kind === 'near' ? ref : undefined
  const lines = [`<b>${KIND_ICONS[centre.kind]} ${escapeHtml(nameOf(v, centre))}</b>`, `${t(`centres:kinds.${centre.kind}`)} · ${escapeHtml(placeName(v, dir, centre.city))}`, '']

  if (centre.address) {
    const map = hasCoordinates(centre) ? routeUrl(centre, city) : mapSearchUrl(centre.address, city)
    lines.push(`📍 ${escapeHtml(centre.address)}${map ? ` (${link(map, t('centres:card.map'))})` : ''}`)
  } else if (city) lines.push(t('centres:card.noAddress'))
  if (from && hasCoordinates(centre)) lines.push(t('centres:card.distance', { distance: kmText(v, distanceKm(from, centre)) }))

  const hours = hoursText(v, centre)
  const state = openNow(centre, now, dir)
  const tz = centreTimeZone(centre, dir)
  if (hours) {
    // With the local time, so someone in another zone sees why (round-the-clock lines have no zone).
    const local = tz ? localClock(now, tz) : undefined
    const time = local && `${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:${String(local.minutes % 60).padStart(2, '0')}`
    const key = time ? (state === 'open' ? 'centres:card.openNow' : 'centres:card.closedNow') : state === 'open' ? 'centres:list.open' : 'centres:list.closed'
    const stateText = state === 'unknown' ? '' : ` · ${t(key, { time })}`
    lines.push(`🕘 ${escapeHtml(hours)}${stateText}`)
  } else if (centre.hoursText) lines.push(t('centres:card.hoursSource', { hours: centre.hoursText }))
  else lines.push(t('centres:card.noHours'))

  if (centre.phones.length > 0) {
    const phones = centre.phones.map((p) => (telUri(p, country) ? escapeHtml(p) : `${escapeHtml(p)} ${t('centres:card.noCode')}`))
    lines.push(`📞 ${phones.join(', ')}`)
  } else lines.push(t('centres:card.noPhone'))

  if (centre.services.length > 0) lines.push(`🧾 ${centre.services.map((s) => t(`centres:services.${s}`)).join(', ')}`)
  else if (centre.servicesText.length > 0) lines.push(t('centres:card.servicesSource', { services: clip(centre.servicesText.slice(0, 2).join('; '), 200) }))
  lines.push(
    centre.languages.length > 0
      ? t('centres:card.languages', { languages: centre.languages.map((l) => t(`centres:languages.${l}`, { defaultValue: l })).join(', ') })
      : t('centres:card.noLanguages'),
  )
  lines.push(centre.verifiedAt ? t('centres:card.verified', { date: formatPartialDate(centre.verifiedAt) }) : t('centres:card.notVerified'))
  // Missing address, phone, hours or date are on the lines above; say only what is not visible there.
  const reasons = callFirstReasons(centre, now, dir.cities)
  const hidden = reasons.filter((r) => r === 'verified-long-ago' || r === 'outdated')
  if (hidden.length > 0) lines.push(t('centres:card.callFirstBecause', { reasons: hidden.map((r) => t(`centres:reasons.${r}`)).join(', ') }))
  else if (reasons.length > 0) lines.push(t('centres:card.callFirst'))
  const links = [centre.website ? `🌐 ${link(centre.website, t('centres:card.website'))}` : '', centre.source.url ? `📚 ${link(centre.source.url, t('centres:card.source'))}` : '']
  if (links.some(Boolean)) lines.push(links.filter(Boolean).join(' · '))

  const kb = new InlineKeyboard()
  const call = dialableNumbers(centre, dir).length > 0
  const route = routeUrl(centre, city)
  if (call) kb.text(t('centres:card.call'), `ce:p:${centre.id}`)
  if (route) kb.url(t('centres:card.route'), route)
  if (call || route) kb.row()
  kb.text(t('centres:card.askLawyer'), `ce:a:${centre.id}`).row()
  kb.text(t('centres:card.report'), withRef(`ce:w:${centre.id}:`, ref, dir)).row()
  kb.text(t('buttons.back'), withRef('ce:l:', ref, dir))
  return { text: lines.join('\n'), keyboard: kb, venues: [] }
}

/** Numbers in international form ("+74956811823", "112") where the source gives a full number. */
export function dialableNumbers(centre: SupportCentre, dir: LiveDirectory): string[] {
  const country = centreCountry(centre, dir)
  return centre.phones.map((p) => telUri(p, country)?.replace(/^tel:/, '')).filter((n): n is string => Boolean(n))
}

// ---------------------------------------------------------------------------------------------------------------
// Report wrong information

/** "What is wrong?": the problems `centre_reports` knows, and Back to the card. */
export function reportChoiceView(v: ViewContext, dir: LiveDirectory, centre: SupportCentre, ref: ListRef): View {
  const kb = new InlineKeyboard()
  for (const [problem, code] of Object.entries(PROBLEM_CODES)) kb.text(v.t(`centres:report.${problem}`), withRef(`ce:r:${centre.id}:${code}:`, ref, dir)).row()
  kb.text(v.t('buttons.back'), withRef(`ce:o:${centre.id}:`, ref, dir))
  return { text: v.t('centres:report.question', { name: nameOf(v, centre) }), keyboard: kb, venues: [] }
}

/** After a report: thanks, and the card or a lawyer, since the entry may well be wrong. */
export function reportThanksView(v: ViewContext, dir: LiveDirectory, centre: SupportCentre, ref: ListRef): View {
  const kb = new InlineKeyboard().text(v.t('centres:report.backToCard'), withRef(`ce:o:${centre.id}:`, ref, dir)).row().text(v.t('centres:card.askLawyer'), `ce:a:${centre.id}`)
  return { text: v.t('centres:report.thanks', { name: nameOf(v, centre) }), keyboard: kb, venues: [] }
}
