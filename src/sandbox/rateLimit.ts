/**
 * Oktopost's documented limits: 60 requests per rolling minute and 120 per 5 seconds,
 * per account. A sliding log per key; rejected requests are not counted so Retry-After
 * tells the truth about when the next request will pass.
 */

export interface RateWindow {
  limit: number
  windowMs: number
}

export const OKTOPOST_RATE_WINDOWS: readonly RateWindow[] = [
  { limit: 60, windowMs: 60_000 },
  { limit: 120, windowMs: 5_000 },
]

export type RateDecision = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number }

export class SlidingWindowLimiter {
  private readonly history = new Map<string, number[]>()
  private readonly longestWindowMs: number

  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly now: () => number,
  ) {
    this.longestWindowMs = Math.max(...windows.map((window) => window.windowMs))
  }

  take(key: string): RateDecision {
    const now = this.now()
    const recent = (this.history.get(key) ?? []).filter((at) => at > now - this.longestWindowMs)
    this.history.set(key, recent)
    let waitMs = 0
    for (const { limit, windowMs } of this.windows) {
      const inWindow = recent.filter((at) => at > now - windowMs)
      const oldestBlocking = inWindow[inWindow.length - limit]
      if (oldestBlocking !== undefined) waitMs = Math.max(waitMs, oldestBlocking + windowMs - now)
    }
    if (waitMs > 0) return { isAllowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) }
    recent.push(now)
    return { isAllowed: true }
  }

  clear(): void {
    this.history.clear()
  }
}
