import type { SupportCentre } from '../../src/centres/vocabulary.js'

/** A Moscow test entry with sourced-looking coordinates, to see more than the one real pin sorted. */
export function moscowEntry(id: string, lat: number | null, lon: number | null, overrides: Partial<SupportCentre> = {}): SupportCentre {
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
