import { describe, expect, it } from 'vitest'
import { DEFAULT_RETRY_AFTER_MS, parseRetryAfterMs } from '../../../../src/main/api/retryAfter'

const now = Date.parse('2025-03-10T14:22:00Z')

describe('Retry-After', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs('120', now)).toBe(120_000)
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0)
    expect(parseRetryAfterMs('1.5', now)).toBe(1_500)
  })

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfterMs('Mon, 10 Mar 2025 14:23:30 GMT', now)).toBe(90_000)
  })

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfterMs('Mon, 10 Mar 2025 14:00:00 GMT', now)).toBe(0)
  })

  it('falls back to the default when the header is missing or unreadable', () => {
    expect(parseRetryAfterMs(null, now)).toBe(DEFAULT_RETRY_AFTER_MS)
    expect(parseRetryAfterMs('', now)).toBe(DEFAULT_RETRY_AFTER_MS)
    expect(parseRetryAfterMs('soon', now)).toBe(DEFAULT_RETRY_AFTER_MS)
    expect(parseRetryAfterMs('-5', now, 7_000)).toBe(7_000)
  })
})
