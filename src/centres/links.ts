/** Links for an entry: a map search or route, and `tel:` numbers dialled from a Russian phone. */
import { directory, findArea, findCity } from './directory.js'
import { hasCoordinates } from './geography.js'
import type { City, Country, Directory, SupportCentre } from './vocabulary.js'

// ---------------------------------------------------------------------------------------------------------------
// Maps

/**
 * A Yandex Maps *search* link for the address text (the map shows what it finds; we never place a pin
 * ourselves). The city's Russian name is prepended when the address does not mention it. null without address.
 */
export function mapSearchUrl(address: string | null, city?: Pick<City, 'name'> | null): string | null {
  const text = address?.trim()
  if (!text) return null
  const cityName = city?.name.ru
  const mentionsCity = cityName !== undefined && text.toLocaleLowerCase('ru').includes(cityName.toLocaleLowerCase('ru'))
  const query = cityName !== undefined && !mentionsCity ? `${cityName}, ${text}` : text
  return `https://yandex.ru/maps/?text=${encodeURIComponent(query)}`
}

/**
 * A route from wherever the user is to the entry: to its sourced coordinates when it has them, otherwise a
 * search for its address (mapSearchUrl). null without either.
 */
export function routeUrl(centre: SupportCentre, city?: Pick<City, 'name'> | null): string | null {
  if (hasCoordinates(centre)) return `https://yandex.ru/maps/?rtext=~${centre.lat},${centre.lon}&rtt=mt`
  return mapSearchUrl(centre.address, city)
}

// ---------------------------------------------------------------------------------------------------------------
// Phones

/** Russian emergency numbers: complete as they are, with no city code to miss. */
const RU_EMERGENCY = new Set(['112', '101', '102', '103', '104'])

/**
 * A `tel:` URI built only from the published digits, or null when the number cannot be dialled as written
 * from a Russian phone: numbers without a city code ("526-55-64"), home-country short numbers ("1966").
 * "+..." with 10–15 digits is kept; in Russia "8 495 …"/"7 495 …" (11 digits) becomes +7 495 …, and the
 * emergency numbers 112, 101–104 stay short.
 */
export function telUri(phone: string, country: Country | null): string | null {
  const written = phone.trim()
  const digits = written.replace(/\D/g, '')
  if (written.startsWith('+')) return digits.length >= 10 && digits.length <= 15 ? `tel:+${digits}` : null
  if (country !== 'ru') return null
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) return `tel:+7${digits.slice(1)}`
  if (written === digits && RU_EMERGENCY.has(digits)) return `tel:${digits}`
  return null
}

/** The country an entry's phones are dialled in: that of its city or area. */
export function centreCountry(centre: SupportCentre, dir: Pick<Directory, 'cities' | 'areas'> = directory): Country | null {
  return findCity(centre.city, dir.cities)?.country ?? findArea(centre.city, dir.areas)?.country ?? null
}
