/** Cancels a scheduled callback; calling it after the callback ran does nothing. */
export type Cancel = () => void

/**
 * Time as the rate limiter and the retry policy see it. Injected so tests drive time by hand
 * instead of sleeping.
 */
export interface Clock {
  now(): number
  schedule(callback: () => void, delayMs: number): Cancel
}

export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(callback, delayMs) {
    const handle = setTimeout(callback, delayMs)
    return () => clearTimeout(handle)
  },
}

export function sleep(clock: Clock, delayMs: number): Promise<void> {
  if (delayMs <= 0) return Promise.resolve()
  return new Promise((resolve) => {
    clock.schedule(resolve, delayMs)
  })
}
