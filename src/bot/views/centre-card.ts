/**
 * The support-centre entry card and the report choice ("what is wrong?"). Callback data and the menu and
 * lists: centre-list.ts.
 */
import { InlineKeyboard } from 'grammy'
import { callFirstReasons } from '../../centres/data-quality.js'
import { findArea, findCity } from '../../centres/directory.js'
import { askEmbassyFor } from '../../centres/home-country.js'
import { distanceKm, hasCoordinates } from '../../centres/geography.js'
import { centreCountry, mapSearchUrl, routeUrl, telUri } from '../../centres/links.js'
import { centreTimeZone, localClock, openNow } from '../../centres/opening-hours.js'
import { WEEKDAYS, type SupportCentre } from '../../centres/vocabulary.js'
import type { CentreProblem, LiveDirectory } from '../../db/support-centres.js'
import { escapeHtml } from '../../i18n.js'
import type { RequestTopic } from '../../requests/lifecycle.js'
import { clip } from '../format.js'
import { withRef, type ListRef } from './centre-list.js'
import { iconOf, kmText, nameOf, placeName, type View, type ViewContext } from './centre-view.js'

export const PROBLEM_CODES: Record<CentreProblem, string> = { phone: 'p', address: 'a', hours: 'h', closed: 'c', other: 'x' }

// ---------------------------------------------------------------------------------------------------------------
// Small formatting helpers

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
// Card

/** A lawyer's topic from what the entry does: employer trouble is "work", consulate paperwork "documents". */
export function topicFor(centre: SupportCentre): RequestTopic | undefined {
  if (centre.services.includes('labour-disputes')) return 'work'
  if (centre.services.length > 0 && centre.services.every((s) => s === 'documents')) return 'documents'
  return undefined
}

/**
 * Why a number cannot be dialled as written: a home-country short number (1966, 117, 12-82) works only inside that
 * country (contacts.md); any other lacks the city code.
 */
function phoneCaveat(v: ViewContext, dir: LiveDirectory, centre: SupportCentre, phone: string): string {
  const area = findArea(centre.city, dir.areas)
  const short = phone.replace(/\D/g, '').length <= 4
  return short && area && area.country !== 'ru' ? v.t('centres:card.onlyInside', { country: area.name[v.locale] }) : v.t('centres:card.noCode')
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
  const lines = [`<b>${iconOf(centre)} ${escapeHtml(nameOf(v, centre))}</b>`, `${t(`centres:kinds.${centre.kind}`)} · ${escapeHtml(placeName(v, dir, centre.city))}`, '']

  if (centre.address) {
    const map = hasCoordinates(centre) ? routeUrl(centre, city) : mapSearchUrl(centre.address, city)
    lines.push(`📍 ${escapeHtml(centre.address)}${map ? ` (${link(map, t('centres:card.map'))})` : ''}`)
  } else if (city) lines.push(t('centres:card.noAddress'))
  // An office known to exist without address or phone: the embassy to ask, with its contacts (contacts.md).
  const embassy = askEmbassyFor(centre, dir)
  if (embassy) lines.push(t('centres:card.askEmbassy', { name: nameOf(v, embassy), contacts: [embassy.address, ...embassy.phones].filter(Boolean).join(', ') }))
  // What the reference says about this entry that the fields cannot (a move, an unanswered line), per language.
  const caveat = t(`centres:caveats.${centre.id}`, { defaultValue: '' })
  if (caveat) lines.push(caveat)
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
    const phones = centre.phones.map((p) => (telUri(p, country) ? escapeHtml(p) : `${escapeHtml(p)} ${phoneCaveat(v, dir, centre, p)}`))
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
  if (hasCoordinates(centre)) kb.text(t('centres:card.pin'), `ce:v:${centre.id}`)
  if (call || route || hasCoordinates(centre)) kb.row()
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
