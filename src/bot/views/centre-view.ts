/** What the support-centre views share: the shape of a view, the kind icons, distances and names as shown. */
import type { InlineKeyboard } from 'grammy'
import { centreName, findArea, findCity, offersLegalHelp } from '../../centres/directory.js'
import type { CentreKind, SupportCentre } from '../../centres/vocabulary.js'
import type { Language } from '../../config.js'
import type { LiveDirectory } from '../../db/support-centres.js'
import type { TFunction } from '../../i18n.js'

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

export const KIND_ICONS: Record<CentreKind, string> = {
  'ngo-legal-aid': '⚖️',
  'international-organisation': '🌐',
  hotline: '☎️',
  diaspora: '🤝',
  consulate: '🏛',
  'state-migration-centre': '🏢',
  'social-office': '🏢',
}

/**
 * The icon an entry is shown with: its kind's, except that ⚖️ is kept for entries that give legal help (Kazan's
 * adaptation centre is filed as an NGO but gives lectures, not legal help).
 */
export function iconOf(c: SupportCentre): string {
  return c.kind === 'ngo-legal-aid' && !offersLegalHelp(c) ? 'ℹ️' : KIND_ICONS[c.kind]
}

export function kmText(v: ViewContext, km: number): string {
  const value = km < 10 ? Number(km.toFixed(1)) : Math.round(km)
  return v.t('centres:km', { km: new Intl.NumberFormat(v.locale === 'en' ? 'en' : 'ru').format(value) })
}

export const nameOf = (v: ViewContext, c: SupportCentre) => centreName(c.name, v.locale)
export const placeName = (v: ViewContext, dir: LiveDirectory, id: string) => {
  const place = findCity(id, dir.cities) ?? findArea(id, dir.areas)
  return place ? place.name[v.locale] : id
}
