import { describe, expect, it } from 'vitest'
import { backoffMs, RateLimiter } from '../../src/desk/rate-limiter.js'

describe('rate limiter', () => {
  it('lets one message a second into a private chat', () => {
    const r = new RateLimiter()
    expect(r.waitFor(5, 0)).toBe(0)
    r.record(5, 0)
    expect(r.waitFor(5, 400)).toBe(600)
    expect(r.waitFor(6, 400)).toBe(0)
    expect(r.waitFor(5, 1000)).toBe(0)
  })

  it('lets twenty messages a minute into a group', () => {
    const r = new RateLimiter()
    for (let i = 0; i < 20; i++) r.record(-100, i * 100)
    expect(r.waitFor(-100, 2500)).toBe(60_000 - 2500)
    expect(r.waitFor(-100, 60_001)).toBe(0)
  })

  it('keeps to thirty messages a second overall', () => {
    const r = new RateLimiter()
    for (let i = 0; i < 30; i++) r.record(1000 + i, 10)
    expect(r.waitFor(9999, 500)).toBe(510)
  })

  it('can be switched off for the local chat', () => {
    const r = new RateLimiter(null)
    r.record(5, 0)
    expect(r.waitFor(5, 1)).toBe(0)
  })

  it('backs off exponentially up to an hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([5000, 10_000, 20_000, 40_000])
    expect(backoffMs(30)).toBe(3_600_000)
  })
})
