import { describe, expect, it } from 'vitest'
import { createRateLimiter, OKTOPOST_RATE_WINDOWS, type Lane, type RateWindow } from '../../../../src/main/api/rateLimiter'
import { FakeClock } from './fakeClock'

/** Queues `count` calls on a lane and records the clock time each one was let through. */
function queueCalls(limiter: ReturnType<typeof createRateLimiter>, clock: FakeClock, lane: Lane, count: number, log: Array<{ lane: Lane; at: number }>) {
  for (let index = 0; index < count; index += 1) {
    void limiter.acquire(lane).then(() => log.push({ lane, at: clock.now() }))
  }
}

function maxInAnyWindow(starts: readonly number[], windowMs: number): number {
  let max = 0
  for (const start of starts) {
    const inWindow = starts.filter((time) => time >= start && time < start + windowMs).length
    max = Math.max(max, inWindow)
  }
  return max
}

describe('rate limiter', () => {
  it('never lets more than 60 calls start in any 60 s, nor 120 in any 5 s, with the default windows', async () => {
    const clock = new FakeClock()
    const limiter = createRateLimiter({ windows: OKTOPOST_RATE_WINDOWS, clock })
    const log: Array<{ lane: Lane; at: number }> = []
    queueCalls(limiter, clock, 'background', 400, log)
    for (let minute = 0; minute < 10; minute += 1) await clock.advance(60_000)
    const starts = log.map((entry) => entry.at)
    expect(starts.length).toBeGreaterThan(300)
    expect(maxInAnyWindow(starts, 60_000)).toBeLessThanOrEqual(60)
    expect(maxInAnyWindow(starts, 5_000)).toBeLessThanOrEqual(120)
  })

  it('enforces a short window too when it is the tighter one', async () => {
    const clock = new FakeClock()
    const windows: RateWindow[] = [
      { limit: 120, windowMs: 5_000 },
      { limit: 1_000, windowMs: 60_000 },
    ]
    const limiter = createRateLimiter({ windows, clock })
    const log: Array<{ lane: Lane; at: number }> = []
    queueCalls(limiter, clock, 'user', 300, log)
    await clock.settle()
    expect(log).toHaveLength(120)
    await clock.advance(4_999)
    expect(log).toHaveLength(120)
    await clock.advance(1)
    expect(log).toHaveLength(240)
    expect(maxInAnyWindow(log.map((entry) => entry.at), 5_000)).toBe(120)
  })

  it('lets calls through at once while under the limits', async () => {
    const clock = new FakeClock()
    const limiter = createRateLimiter({ windows: [{ limit: 3, windowMs: 1_000 }], clock })
    const log: Array<{ lane: Lane; at: number }> = []
    queueCalls(limiter, clock, 'user', 3, log)
    await clock.settle()
    expect(log.map((entry) => entry.at)).toEqual([clock.now(), clock.now(), clock.now()])
  })

  it('serves a waiting user action before waiting background refresh', async () => {
    const clock = new FakeClock()
    const limiter = createRateLimiter({ windows: [{ limit: 2, windowMs: 1_000 }], clock })
    const log: Array<{ lane: Lane; at: number }> = []
    queueCalls(limiter, clock, 'background', 5, log)
    await clock.settle()
    queueCalls(limiter, clock, 'user', 2, log)
    await clock.settle()
    expect(limiter.waiting()).toEqual({ user: 2, background: 3 })
    await clock.advance(1_000)
    expect(log.slice(2).map((entry) => entry.lane)).toEqual(['user', 'user'])
    await clock.advance(1_000)
    expect(log.slice(4).map((entry) => entry.lane)).toEqual(['background', 'background'])
  })

  it('leaves a quarter of each window to the agent: background refresh waits while user actions still start', async () => {
    const clock = new FakeClock()
    const limiter = createRateLimiter({ windows: [{ limit: 8, windowMs: 1_000 }], clock })
    const log: Array<{ lane: Lane; at: number }> = []
    queueCalls(limiter, clock, 'background', 10, log)
    await clock.settle()
    expect(log).toHaveLength(6)
    queueCalls(limiter, clock, 'user', 3, log)
    await clock.settle()
    // Two of the reserved starts go at once; the third user call waits for the window like any call.
    expect(log.slice(6).map((entry) => [entry.lane, entry.at])).toEqual([
      ['user', clock.now()],
      ['user', clock.now()],
    ])
    expect(limiter.waiting()).toEqual({ user: 1, background: 4 })
    await clock.advance(1_000)
    expect(log.slice(8).map((entry) => entry.lane)).toEqual(['user', 'background', 'background', 'background', 'background'])
  })

  it('keeps the reserve in Oktopost’s own windows: background alone starts at most 43 calls a minute', async () => {
    const clock = new FakeClock()
    const limiter = createRateLimiter({ windows: OKTOPOST_RATE_WINDOWS, clock })
    const log: Array<{ lane: Lane; at: number }> = []
    queueCalls(limiter, clock, 'background', 200, log)
    await clock.settle()
    expect(log).toHaveLength(43)
    queueCalls(limiter, clock, 'user', 20, log)
    await clock.settle()
    expect(log.filter((entry) => entry.lane === 'user')).toHaveLength(14)
  })

  it('holds every call until a Retry-After pause is over', async () => {
    const clock = new FakeClock()
    const limiter = createRateLimiter({ windows: OKTOPOST_RATE_WINDOWS, clock })
    const log: Array<{ lane: Lane; at: number }> = []
    const pausedAt = clock.now()
    limiter.pauseFor(30_000)
    queueCalls(limiter, clock, 'user', 1, log)
    queueCalls(limiter, clock, 'background', 1, log)
    await clock.advance(29_999)
    expect(log).toHaveLength(0)
    await clock.advance(1)
    expect(log.map((entry) => entry.at - pausedAt)).toEqual([30_000, 30_000])
  })

  it('keeps the longer of two pauses', async () => {
    const clock = new FakeClock()
    const limiter = createRateLimiter({ windows: OKTOPOST_RATE_WINDOWS, clock })
    const log: Array<{ lane: Lane; at: number }> = []
    limiter.pauseFor(10_000)
    limiter.pauseFor(2_000)
    queueCalls(limiter, clock, 'user', 1, log)
    await clock.advance(9_999)
    expect(log).toHaveLength(0)
    await clock.advance(1)
    expect(log).toHaveLength(1)
  })

  it('refuses windows that could never let a call through', () => {
    expect(() => createRateLimiter({ windows: [{ limit: 0, windowMs: 1_000 }], clock: new FakeClock() })).toThrow(RangeError)
  })
})
