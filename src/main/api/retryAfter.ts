/** When a 429 names no wait, wait one full minute: the longest documented window. */
export const DEFAULT_RETRY_AFTER_MS = 60_000

/** All three HTTP date formats begin with a day name ("Wed, 21 Oct...", "Wednesday, 21-Oct-15...", "Wed Oct 21..."). */
const HTTP_DATE_START = /^[A-Za-z]{3,9},?\s/

/**
 * Retry-After is either delta-seconds ("120") or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT").
 * A date in the past means "now" (0); anything unreadable falls back to the default (Date.parse
 * alone would read "-5" as a year).
 */
export function parseRetryAfterMs(header: string | null, nowMs: number, fallbackMs = DEFAULT_RETRY_AFTER_MS): number {
  const value = header?.trim() ?? ''
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000)
  if (!HTTP_DATE_START.test(value)) return fallbackMs
  const dateMs = Date.parse(value)
  return Number.isFinite(dateMs) ? Math.max(0, dateMs - nowMs) : fallbackMs
}
