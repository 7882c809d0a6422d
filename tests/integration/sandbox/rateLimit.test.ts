import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SlidingWindowLimiter } from '../../../src/sandbox/rateLimit'
import { ManualClock, startClient, type SandboxClient } from './support'

describe('Oktopost rate limits over HTTP (--rate-limit)', () => {
  const clock = new ManualClock()
  let api: SandboxClient

  beforeAll(async () => {
    api = await startClient({ conversations: 10, rateLimit: true, now: clock.now })
  })
  afterAll(() => api.close())

  it('allows 60 requests per rolling minute, then answers 429 with Retry-After until the window rolls', async () => {
    for (let request = 0; request < 60; request += 1) {
      expect((await api.get('/me')).status).toBe(200)
      clock.advance(500)
    }
    const limited = await api.get('/me')
    expect(limited.status).toBe(429)
    expect(limited.body.Result).toBe(false)
    expect(limited.body.Errors.API.Error).toMatch(/Rate limit/)
    // The first request was at t=0 and it is now t=30 s: it leaves the window in 30 s.
    expect(limited.headers.get('retry-after')).toBe('30')
    expect((await api.commbox({ data: { Name: 'CommBox is not limited here' } })).status).toBe(200)

    clock.advance(30_000)
    expect((await api.get('/me')).status).toBe(200)
    expect((await api.get('/me')).status).toBe(429)
  })

  it('does not count requests that failed authentication against the account', async () => {
    await api.control('POST', '/reset')
    for (let request = 0; request < 70; request += 1) await api.get('/me', {}, null)
    expect((await api.get('/me')).status).toBe(200)
  })
})

describe('sliding window limiter', () => {
  it('enforces every window at once: 120 per 5 s as well as 60 per minute', () => {
    const clock = new ManualClock(0)
    const limiter = new SlidingWindowLimiter([{ limit: 120, windowMs: 5_000 }, { limit: 200, windowMs: 60_000 }], clock.now)
    for (let request = 0; request < 120; request += 1) expect(limiter.take('acct').isAllowed).toBe(true)
    expect(limiter.take('acct')).toEqual({ isAllowed: false, retryAfterSeconds: 5 })
    expect(limiter.take('other').isAllowed).toBe(true)
    clock.advance(5_000)
    for (let request = 0; request < 80; request += 1) expect(limiter.take('acct').isAllowed).toBe(true)
    expect(limiter.take('acct')).toEqual({ isAllowed: false, retryAfterSeconds: 55 })
  })
})
