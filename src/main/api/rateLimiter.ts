import type { Cancel, Clock } from './clock'

/** User actions are served before background refresh whenever both wait. */
export type Lane = 'user' | 'background'

/** At most `limit` calls start within any `windowMs` span. */
export interface RateWindow {
  limit: number
  windowMs: number
}

/**
 * Oktopost's documented limits (60 per minute, 120 per 5 s, 20,000 per day) with a margin:
 * fewer calls, and windows a little longer, because the server counts arrivals and our clock
 * counts departures, and overrunning blocks the key for about 15 minutes. The daily window
 * only counts this process's calls; it keeps a runaway refresh from spending the whole budget.
 */
export const OKTOPOST_RATE_WINDOWS: readonly RateWindow[] = [
  { limit: 57, windowMs: 61_000 },
  { limit: 114, windowMs: 5_500 },
  { limit: 19_500, windowMs: 86_400_000 },
]

/**
 * The share of every window that background refresh leaves to the agent's own actions, so a
 * reply or an opened conversation never queues behind the app's refresh of views nobody is
 * looking at. User actions may use the whole window.
 */
export const USER_RESERVE_SHARE = 0.25

function laneLimit(window: RateWindow, lane: Lane): number {
  return lane === 'user' ? window.limit : Math.max(1, window.limit - Math.floor(window.limit * USER_RESERVE_SHARE))
}

export interface RateLimiter {
  /** Resolves when this call may start; the start is counted at that moment. */
  acquire(lane: Lane): Promise<void>
  /** Holds every waiting and future call for `delayMs` (after a 429's Retry-After). */
  pauseFor(delayMs: number): void
  /** How much longer the current pause lasts; 0 when not paused. */
  pausedForMs(): number
  waiting(): Record<Lane, number>
}

/**
 * A sliding-window log: the start time of every recent call, checked against each window before
 * the next one starts. Exact (no bucket edges to burst across) and cheap at these volumes.
 */
export function createRateLimiter(options: { windows: readonly RateWindow[]; clock: Clock }): RateLimiter {
  const { windows, clock } = options
  if (windows.length === 0 || windows.some((window) => window.limit < 1 || window.windowMs <= 0)) {
    throw new RangeError('Every rate window needs a limit of at least 1 and a positive length')
  }
  const longestWindowMs = Math.max(...windows.map((window) => window.windowMs))
  const starts: number[] = []
  const queues: Record<Lane, Array<() => void>> = { user: [], background: [] }
  let pausedUntil = Number.NEGATIVE_INFINITY
  let cancelWake: Cancel | undefined

  /** Index of the first start later than `time` (starts are in ascending order). */
  function firstStartAfter(time: number): number {
    let low = 0
    let high = starts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((starts[middle] ?? Number.POSITIVE_INFINITY) > time) high = middle
      else low = middle + 1
    }
    return low
  }

  function delayUntilFree(now: number, lane: Lane): number {
    let delay = Math.max(0, pausedUntil - now)
    for (const window of windows) {
      const limit = laneLimit(window, lane)
      const startedInWindow = starts.length - firstStartAfter(now - window.windowMs)
      if (startedInWindow < limit) continue
      // The window frees up (for this lane) when the start `limit` places from the end leaves it.
      const blockingStart = starts[starts.length - limit] ?? now
      delay = Math.max(delay, blockingStart + window.windowMs - now)
    }
    return delay
  }

  /** The lane whose next call may start now: a waiting user action first. */
  function nextFreeLane(now: number): Lane | null {
    if (queues.user.length > 0 && delayUntilFree(now, 'user') === 0) return 'user'
    if (queues.background.length > 0 && delayUntilFree(now, 'background') === 0) return 'background'
    return null
  }

  function pump(): void {
    cancelWake?.()
    cancelWake = undefined
    const now = clock.now()
    starts.splice(0, firstStartAfter(now - longestWindowMs))
    for (let lane = nextFreeLane(now); lane !== null; lane = nextFreeLane(now)) {
      const release = queues[lane].shift()
      starts.push(now)
      release?.()
    }
    const waits = (['user', 'background'] as const).filter((lane) => queues[lane].length > 0).map((lane) => delayUntilFree(now, lane))
    if (waits.length > 0) cancelWake = clock.schedule(pump, Math.min(...waits))
  }

  return {
    acquire(lane) {
      return new Promise<void>((resolve) => {
        queues[lane].push(resolve)
        pump()
      })
    },
    pauseFor(delayMs) {
      pausedUntil = Math.max(pausedUntil, clock.now() + delayMs)
      pump()
    },
    pausedForMs: () => Math.max(0, pausedUntil - clock.now()),
    waiting: () => ({ user: queues.user.length, background: queues.background.length }),
  }
}
