/**
 * What the support-centre feature shows: the menu, one compact list message per city (or per shared
 * location), and the references in callback data; the card and the report choice are in centre-card.ts. Plain
 * functions from the directory to text and buttons; the handlers in features/centres.ts decide where they go.
 *
 * Callback data (≤ 64 bytes, Telegram's limit) carries where to go back to, so no state is kept:
 *   ce:home · ce:loc · ce:l:<ref> (list; ce:g:<ref> from older menus is the same) · ce:o:<id>:<ref> (card)
 *   ce:v:<id> (the card's entry as a map pin)
 *   ce:w:<id>:<ref> (what is wrong?) · ce:r:<id>:<problem>:<ref> (record) · ce:a:<id> (ask a lawyer)
 * (`ce:`, as `c:` belongs to the legal request conversation)
 * where <ref> is `c<city>.<f>`, `n<lat>,<lon>.<f>` (a shared location, 3 decimals ≈ 100 m) or `x.<f>`
 * (another city), and <f> is `a` (all) or `l` (only legal help).
 */
import { InlineKeyboard } from 'grammy'
import { findArea, findCity, offersLegalHelp } from '../../centres/directory.js'
import { centresInCity, coverageFor, hasCoordinates, nearestCity } from '../../centres/geography.js'
import { askEmbassyFor, countryOfLanguage, embassyOf, HOME_COUNTRIES, homeCountryOf, nationwideLegalLines, ownCountryFirst, reachable } from '../../centres/home-country.js'
import { openNow, type OpenState } from '../../centres/opening-hours.js'
import type { CentreKind, City, Coverage, LatLon, SupportCentre } from '../../centres/vocabulary.js'
import type { LiveDirectory } from '../../db/support-centres.js'
import { escapeHtml } from '../../i18n.js'
import { clip } from '../format.js'
import { iconOf, KIND_ICONS, kmText, nameOf, placeName, type Venue, type View, type ViewContext } from './centre-view.js'

export type Filter = 'a' | 'l'
export type ListRef = { kind: 'city'; cityId: string; filter: Filter } | { kind: 'near'; lat: number; lon: number; filter: Filter } | { kind: 'other'; filter: Filter }

/** The programme's cities come first in the menu, then any other Russian city with entries. */
const PROGRAMME_CITIES = ['moscow', 'kazan', 'chelyabinsk']
const MAX_VENUES = 5
const CALLBACK_MAX_BYTES = 64
/** Within a list, where a person cheated by an employer should look first. */
const KIND_ORDER = Object.keys(KIND_ICONS) as CentreKind[]

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
// Sorting and filtering

/** By kind; within a kind, the person's own country's offices first (from their language). */
function byKind(v: ViewContext, dir: LiveDirectory, centres: readonly SupportCentre[]): SupportCentre[] {
  const own = countryOfLanguage(v.locale)
  const mine = (c: SupportCentre) => (own !== undefined && homeCountryOf(c, dir) === own ? 0 : 1)
  return centres
    .map((c, i) => ({ c, i }))
    .sort((a, b) => KIND_ORDER.indexOf(a.c.kind) - KIND_ORDER.indexOf(b.c.kind) || mine(a.c) - mine(b.c) || a.i - b.i)
    .map(({ c }) => c)
}

const keep = (filter: Filter) => (c: SupportCentre) => filter === 'a' || offersLegalHelp(c)

// ---------------------------------------------------------------------------------------------------------------
// Menu

/** The menu for each directory copy and language, made once (as the lists below). */
const madeMenus = new WeakMap<LiveDirectory, WeakMap<ViewContext['t'], Map<string, View>>>()

/**
 * What was made for a directory copy and a translator (one per language and i18next instance; translations are
 * fixed after start, src/i18n.ts).
 */
function madeFor<T>(made: WeakMap<LiveDirectory, WeakMap<ViewContext['t'], Map<string, T>>>, dir: LiveDirectory, t: ViewContext['t']): Map<string, T> {
  let byT = made.get(dir)
  if (!byT) made.set(dir, (byT = new WeakMap()))
  let views = byT.get(t)
  if (!views) byT.set(t, (views = new Map()))
  return views
}

/** The cities (typed names work too, see features/centres.ts), another city, and the location button. */
export function menuView(v: ViewContext, dir: LiveDirectory): View {
  const menus = madeFor(madeMenus, dir, v.t)
  let menu = menus.get(v.locale)
  if (!menu) menus.set(v.locale, (menu = freezeView(makeMenuView(v, dir))))
  return menu
}

function makeMenuView(v: ViewContext, dir: LiveDirectory): View {
  const withEntries = new Set(dir.centres.map((c) => c.city))
  const russian = dir.cities.filter((c) => c.country === 'ru' && withEntries.has(c.id))
  const cities = [...PROGRAMME_CITIES.flatMap((id) => russian.filter((c) => c.id === id)), ...russian.filter((c) => !PROGRAMME_CITIES.includes(c.id))]
  const kb = new InlineKeyboard()
  cities.forEach((city, i) => {
    kb.text(city.name[v.locale], `ce:l:${encodeRef({ kind: 'city', cityId: city.id, filter: 'a' })}`)
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
  /** Pins for entries with coordinates ("nearest to me" only): not for consulates thousands of km away. */
  pins?: boolean
}

function line(v: ViewContext, dir: LiveDirectory, n: number, e: Entry, stateOf: (c: SupportCentre) => OpenState): string {
  const c = e.centre
  const state = stateOf(c)
  const details = [
    e.distanceKm !== null ? kmText(v, e.distanceKm) : '',
    state === 'open' ? v.t('centres:list.open') : state === 'closed' ? v.t('centres:list.closed') : '',
    e.note ?? '',
    reachable(c) ? '' : v.t(askEmbassyFor(c, dir) ? 'centres:list.askEmbassy' : 'centres:list.noContacts'),
  ].filter(Boolean)
  return `<b>${n}.</b> ${iconOf(c)} ${escapeHtml(clip(nameOf(v, c), 70))}${details.length ? ` — ${details.join(' · ')}` : ''}`
}

function coverageNote(v: ViewContext, dir: LiveDirectory, cov: Coverage, centre: SupportCentre): string {
  const where = findCity(centre.city, dir.cities) ? escapeHtml(placeName(v, dir, centre.city)) : ''
  return [where, v.t(`centres:coverage.${cov.basis}`)].filter(Boolean).join(', ')
}

function cityView(v: ViewContext, dir: LiveDirectory, city: City, ref: ListRef, from?: LatLon): { header: string[]; sections: Section[] } {
  const own = byKind(v, dir, dir.centres.filter((c) => c.city === city.id))
  const hits = from
    ? centresInCity(city.id, { from, centres: own.filter(keep(ref.filter)) })
    : own.filter(keep(ref.filter)).map((centre) => ({ centre, distanceKm: null }))
  // Consulates elsewhere that serve this city (those in the city are listed already), each once.
  const seen = new Set(own.map((c) => c.id))
  const coverage: Entry[] = coverageFor(city.id, undefined, dir)
    .filter(({ centre }) => !seen.has(centre.id) && seen.add(centre.id))
    .map(({ coverage: cov, centre }) => ({ centre, distanceKm: null, note: coverageNote(v, dir, cov, centre) }))
  // Every country gets an office with an address or phone: where the city has none for it, its embassy (to ask
  // for the address of an office known only to exist, or because no office for the region was found).
  const served = [...own, ...coverage.map((e) => e.centre)]
  for (const country of HOME_COUNTRIES) {
    const offices = served.filter((c) => homeCountryOf(c, dir) === country)
    if (offices.some(reachable)) continue
    const embassy = embassyOf(country, dir)
    const why = v.t(offices.length > 0 ? 'centres:coverage.embassyAsk' : 'centres:coverage.embassy')
    if (embassy && !seen.has(embassy.id) && seen.add(embassy.id)) coverage.push({ centre: embassy, distanceKm: null, note: `${escapeHtml(placeName(v, dir, embassy.city))}, ${why}` })
  }
  const reachableLegal = own.some((c) => offersLegalHelp(c) && reachable(c))
  const header = [v.t('centres:list.city', { city: city.name[v.locale], count: own.length })]
  if (!reachableLegal) header.push(v.t('centres:list.noLegalAid', { city: city.name[v.locale] }))
  if (ref.filter === 'l') header.push(v.t('centres:list.filterOn'))
  const lines = reachableLegal ? [] : nationwideLegalLines(dir).filter((c) => !seen.has(c.id))
  return {
    header,
    sections: [
      { entries: hits, pins: true },
      { title: v.t('centres:list.nationwide'), entries: lines.map((centre) => ({ centre, distanceKm: null })) },
      {
        title: v.t('centres:list.coveredBy', { city: city.name[v.locale] }),
        entries: ownCountryFirst(coverage.filter((e) => keep(ref.filter)(e.centre)), countryOfLanguage(v.locale), (e) => homeCountryOf(e.centre, dir)),
      },
    ],
  }
}

/** The phone lines of the areas `areas` picks (by country), then the consulates in Russian cities, each with its place. */
function linesAndConsulates(v: ViewContext, dir: LiveDirectory, filter: Filter, areas: (country: string) => boolean): Section[] {
  const inRussia = (c: SupportCentre) => findCity(c.city, dir.cities)?.country === 'ru'
  const areaLines = byKind(v, dir, dir.centres.filter((c) => findArea(c.city, dir.areas) && areas(findArea(c.city, dir.areas)!.country)))
  // In Russia, the free legal lines filed under Moscow (Rosmigrant 8-800, the Tajik central hotline) come first.
  const national = areas('ru') ? nationwideLegalLines(dir).filter((c) => !areaLines.includes(c)) : []
  const lines = [...national, ...areaLines].filter(keep(filter))
  const own = countryOfLanguage(v.locale)
  const consulates = ownCountryFirst(dir.centres.filter((c) => c.kind === 'consulate' && inRussia(c)).filter(keep(filter)), own, (c) => homeCountryOf(c, dir))
  return [
    { title: v.t('centres:list.lines'), entries: lines.map((centre) => ({ centre, distanceKm: null, note: escapeHtml(placeName(v, dir, centre.city)) })) },
    { title: v.t('centres:list.consulates'), entries: consulates.map((centre) => ({ centre, distanceKm: null, note: escapeHtml(placeName(v, dir, centre.city)) })) },
  ]
}

/**
 * A city's list and "another city" are the same for everyone reading one language until the directory changes
 * (loadDirectory then returns a new frozen copy, and the copies made from the old one go with it) or an entry
 * with opening hours opens or closes: they are made once per directory copy, translator (language), list and
 * "open now" states of the entries shown, and shared (frozen). Lists near a shared location are made each time.
 */
const madeLists = new WeakMap<LiveDirectory, WeakMap<ViewContext['t'], Map<string, MadeList>>>()
interface MadeList {
  /** The entries shown whose "open now" can change with the clock. */
  timed: readonly SupportCentre[]
  byStates: Map<string, View>
}
/** Per list: views for different "open now" states (only a handful of entries have hours). */
const MAX_STATES = 16

/** One message for a city, a shared location or "another city"; undefined for an unknown city. */
export function listView(v: ViewContext, dir: LiveDirectory, ref: ListRef): View | undefined {
  const now = v.clock()
  const stateOf = (c: SupportCentre) => openNow(c, now, dir)
  if (ref.kind === 'near') return makeListView(v, dir, ref, stateOf)
  const lists = madeFor(madeLists, dir, v.t)
  const key = `${v.locale}:${encodeRef(ref)}`
  const made = lists.get(key)
  const states = made?.timed.map(stateOf).join()
  const known = made && made.byStates.get(states!)
  if (known) return known
  const timed: SupportCentre[] = []
  const view = makeListView(v, dir, ref, (c) => {
    if (c.hours !== null) timed.push(c)
    return stateOf(c)
  })
  // An unknown city is not kept: forged buttons could name any number of them.
  if (!view) return view
  if (!made || made.byStates.size >= MAX_STATES) lists.set(key, { timed, byStates: new Map([[timed.map(stateOf).join(), freezeView(view)]]) })
  else made.byStates.set(states!, freezeView(view))
  return view
}

/** Shared between updates: a handler that tried to change it would fail loudly instead of changing others' lists. */
function freezeView(view: View): View {
  for (const row of view.keyboard.inline_keyboard) {
    for (const button of row) Object.freeze(button)
    Object.freeze(row)
  }
  Object.freeze(view.keyboard.inline_keyboard)
  Object.freeze(view.keyboard)
  Object.freeze(view.venues)
  return Object.freeze(view)
}

function makeListView(v: ViewContext, dir: LiveDirectory, ref: ListRef, stateOf: (c: SupportCentre) => OpenState): View | undefined {
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
      // No km to a city: its centre's coordinates are in no reference (km are shown only to sourced entries).
      const where = v.t(near.nearby ? 'centres:list.nearby' : 'centres:list.far', { city: near.city.name[v.locale] })
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
      body.push(line(v, dir, n, e, stateOf))
      kb.text(`${n}. ${iconOf(e.centre)} ${clip(nameOf(v, e.centre), 40)}`, withRef(`ce:o:${e.centre.id}:`, ref, dir)).row()
      if (ref.kind === 'near' && section.pins && hasCoordinates(e.centre) && venues.length < MAX_VENUES) {
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
