import type { AppError, Result } from '../../shared/result'
import { sleep, type Clock } from './clock'

/** Bounded attempts with exponential backoff and full jitter, for reads only. */
export interface RetryPolicy {
  /** Including the first attempt. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_READ_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000 }

/**
 * Full jitter (a random wait between 0 and the exponential cap) spreads out clients that failed
 * together, so they don't come back in lock-step. `retryNumber` starts at 1.
 */
export function backoffDelayMs(retryNumber: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1))
  return Math.floor(random() * cap)
}

/**
 * Worth another try for a read: the failure was transient. A 429 is not retried here: the rate
 * limiter already holds every call until Retry-After, and the caller decides whether to wait.
 */
export function isRetryableRead(error: AppError): boolean {
  switch (error.kind) {
    case 'network':
    case 'timeout':
    case 'server':
      return true
    case 'unknownOutcome':
    case 'rateLimited':
    case 'unauthorized':
    case 'forbidden':
    case 'notFound':
    case 'conflict':
    case 'invalid':
    case 'invalidResponse':
    case 'internal':
      return false
    default: {
      const unhandled: never = error
      return unhandled
    }
  }
}

/**
 * Runs a read until it succeeds, fails for good, or runs out of attempts. Only GETs come here:
 * a POST or DELETE that failed may have been applied, and deciding whether to resend it belongs
 * to the outbox, which can look at the timeline first.
 */
export async function retryRead<Value>(
  attempt: () => Promise<Result<Value>>,
  deps: { policy: RetryPolicy; clock: Clock; random: () => number },
): Promise<Result<Value>> {
  let result = await attempt()
  for (let retryNumber = 1; retryNumber < deps.policy.maxAttempts; retryNumber += 1) {
    if (result.ok || !isRetryableRead(result.error)) return result
    await sleep(deps.clock, backoffDelayMs(retryNumber, deps.policy, deps.random))
    result = await attempt()
  }
  return result
}
