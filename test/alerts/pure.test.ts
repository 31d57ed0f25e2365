import { describe, expect, it } from 'vitest'
import { EVERYONE, matchesAudience, normaliseAudience, toggleAudience, type Follower } from '../../src/alerts/audience.js'
import { readMoscowDateTime } from '../../src/alerts/schedule.js'
import { alertMayGo, progressDue } from '../../src/alerts/throttle.js'

const person = (over: Partial<Follower> = {}): Follower => ({ userId: 1, language: 'uz', citizenship: null, city: null, topics: ['work'], ...over })

describe('audience rules', () => {
  it('an empty field means anyone; a field that asks leaves out people who did not say', () => {
    expect(matchesAudience(person(), EVERYONE)).toBe(true)
    expect(matchesAudience(person({ topics: [] }), EVERYONE)).toBe(false)
    const uzMoscow = { ...EVERYONE, languages: ['uz'], cities: ['moscow'] }
    expect(matchesAudience(person({ city: 'moscow' }), uzMoscow)).toBe(true)
    expect(matchesAudience(person(), uzMoscow)).toBe(false)
    expect(matchesAudience(person({ city: 'moscow', language: 'ru' }), uzMoscow)).toBe(false)
    expect(matchesAudience(person(), { ...EVERYONE, citizenships: ['uz'] })).toBe(false)
    expect(matchesAudience(person(), { ...EVERYONE, topics: ['family', 'work'] })).toBe(true)
    expect(matchesAudience(person(), { ...EVERYONE, topics: ['family'] })).toBe(false)
  })

  it('toggles keep the buttons’ order, refuse unknown values, and a stored audience never widens', () => {
    expect(toggleAudience(toggleAudience(EVERYONE, 'languages', 'tg'), 'languages', 'ky').languages).toEqual(['ky', 'tg'])
    expect(toggleAudience(EVERYONE, 'languages', 'xx')).toBe(EVERYONE)
    expect(normaliseAudience({ languages: ['uz', 'zz'], cities: 'moscow' })).toEqual({ ...EVERYONE, languages: ['uz'] })
  })
})

describe('schedule and pace', () => {
  it('reads Moscow time (UTC+3) and refuses impossible dates', () => {
    expect(readMoscowDateTime('05.12.2026 10:00')).toEqual(new Date('2026-12-05T07:00:00Z'))
    expect(readMoscowDateTime('2026-12-05 9:30')).toEqual(new Date('2026-12-05T06:30:00Z'))
    for (const bad of ['31.02.2026 10:00', '05.12.2026 24:00', 'завтра', '05.12.2026']) expect(readMoscowDateTime(bad)).toBeUndefined()
  })

  it('alerts stop at 25 sends a second; progress is edited only when it changed and 5 s have passed', () => {
    expect(alertMayGo(24)).toBe(true)
    expect(alertMayGo(25)).toBe(false)
    const at = new Date('2026-11-25T09:00:00Z')
    const later = (ms: number) => new Date(at.getTime() + ms)
    expect(progressDue('1/0/9', { sent: 1, failed: 0, left: 9 }, at, later(60_000))).toBe(false)
    expect(progressDue('1/0/9', { sent: 5, failed: 0, left: 5 }, at, later(4999))).toBe(false)
    expect(progressDue('1/0/9', { sent: 5, failed: 0, left: 5 }, at, later(5000))).toBe(true)
  })
})
