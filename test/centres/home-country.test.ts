import { describe, expect, it } from 'vitest'
import { directory, findCentre } from '../../src/centres/directory.js'
import { isRealLocation } from '../../src/centres/geography.js'
import { askEmbassyFor, countryOfLanguage, embassyOf, homeCountryOf, nationwideLegalLines, ownCountryFirst } from '../../src/centres/home-country.js'

const centre = (id: string) => findCentre(id)!

describe('home-country offices', () => {
  it('takes the country from the language (the bot stores no citizenship)', () => {
    expect(['ky', 'uz', 'tg', 'ru', 'en'].map(countryOfLanguage)).toEqual(['kg', 'uz', 'tj', undefined, undefined])
  })

  it('knows whose office an entry is from the coverage of the cities and the home-country areas', () => {
    expect(homeCountryOf(centre('kg-consulate-general-kazan'), directory)).toBe('kg')
    expect(homeCountryOf(centre('uz-consulate-general-yekaterinburg'), directory)).toBe('uz')
    expect(homeCountryOf(centre('tj-molmep-volga-representative'), directory)).toBe('tj')
    expect(homeCountryOf(centre('kg-line-117'), directory)).toBe('kg')
    expect(homeCountryOf(centre('civic-assistance-committee'), directory)).toBeUndefined()
  })

  it('sends people to the embassy when an office has neither address nor phone, with the embassy’s contacts', () => {
    expect(embassyOf('kg', directory)?.id).toBe('kg-embassy-moscow')
    expect(embassyOf('tj', directory)?.id).toBe('tj-embassy-moscow')
    expect(askEmbassyFor(centre('kg-consulate-general-kazan'), directory)?.id).toBe('kg-embassy-moscow')
    expect(askEmbassyFor(centre('kg-consulate-general-yekaterinburg'), directory)?.id).toBe('kg-embassy-moscow')
    expect(askEmbassyFor(centre('kg-mintrud-representation-moscow'), directory)?.id).toBe('kg-embassy-moscow')
    expect(askEmbassyFor(centre('uz-consulate-general-kazan'), directory)).toBeUndefined() // it has an address
    expect(askEmbassyFor(centre('chelyabinsk-adaptation-centre'), directory)).toBeUndefined() // not a home-country office
  })

  it('puts the own country first and keeps the rest in order', () => {
    const items = ['kg1', 'uz1', 'tj1', 'kg2']
    const of = (s: string) => s.slice(0, 2) as 'kg' | 'uz' | 'tj'
    expect(ownCountryFirst(items, 'tj', of)).toEqual(['tj1', 'kg1', 'uz1', 'kg2'])
    expect(ownCountryFirst(items, 'kg', of)).toEqual(['kg1', 'kg2', 'uz1', 'tj1'])
    expect(ownCountryFirst(items, undefined, of)).toEqual(items)
  })

  it('lists the free legal lines that work from anywhere in Russia, and only those present', () => {
    expect(nationwideLegalLines(directory).map((c) => c.id)).toEqual(['rosmigrant-dsmr', 'tj-molmep-representation-central', 'rostrud-hotline'])
    const without = { ...directory, centres: directory.centres.filter((c) => c.id !== 'rosmigrant-dsmr') }
    expect(nationwideLegalLines(without).map((c) => c.id)).not.toContain('rosmigrant-dsmr')
  })
})

describe('isRealLocation', () => {
  it.each([
    [0, 0, false],
    [91, 0, false],
    [0, 181, false],
    [Number.NaN, 37, false],
    [55.75, 37.62, true],
    [0, 37.62, true],
    [-33.9, 18.4, true],
  ])('%d, %d → %s', (lat, lon, real) => {
    expect(isRealLocation(lat, lon)).toBe(real)
  })
})
