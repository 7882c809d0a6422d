import type { AppError } from '../../../shared/result'
import type { OutboxEntry, OutboxError, OutboxState } from './entry'
import { unknownOutcomePolicy } from './operations'

export interface RetryPolicy {
  baseDelayMs: number
  maxDelayMs: number
  /** Attempts after which a still-failing entry stops and asks the agent. */
  maxAttempts: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 5 * 60_000, maxAttempts: 12 }

/** Exponential backoff with full jitter: a random wait in [0, min(cap, base * 2^attempt)). */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.floor(random() * ceiling)
}

export interface Transition {
  state: OutboxState
  nextAttemptAt: number
  lastError: OutboxError | null
  /** Stop every send until this time (429) or until the agent signs in again (Infinity). */
  pauseAllUntil?: number
}

/**
 * What becomes of an entry after one attempt, from the error kind alone. Pure, so every
 * rule of DESIGN.md's outbox can be tested without a network.
 */
export function afterAttempt(
  entry: Pick<OutboxEntry, 'operation' | 'attempts'>,
  error: AppError | null,
  now: number,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Transition {
  if (error === null) return { state: 'done', nextAttemptAt: now, lastError: null }
  const lastError = toOutboxError(error)
  const isCommbox = entry.operation.kind === 'createCommboxTag'
  const retryLater = (delayMs: number): Transition =>
    entry.attempts >= policy.maxAttempts
      ? { state: 'needsAttention', nextAttemptAt: now, lastError: { ...lastError, message: `${lastError.message} (gave up after ${entry.attempts} attempts)` } }
      : { state: 'retrying', nextAttemptAt: now + delayMs, lastError }

  switch (error.kind) {
    case 'network':
      // Nothing left the machine: try again soon, without counting against the agent.
      return { state: 'retrying', nextAttemptAt: now + backoffDelayMs(Math.min(entry.attempts, 4), policy, random), lastError }
    case 'rateLimited':
      // CommBox's limits are its own: only its entry waits, while Oktopost changes keep going.
      if (isCommbox) return { state: 'retrying', nextAttemptAt: now + error.retryAfterMs, lastError }
      return { state: 'retrying', nextAttemptAt: now + error.retryAfterMs, lastError, pauseAllUntil: now + error.retryAfterMs }
    case 'server':
      return retryLater(backoffDelayMs(entry.attempts, policy, random))
    case 'timeout':
    case 'unknownOutcome':
    case 'invalidResponse':
      return unknownOutcomePolicy(entry.operation) === 'repeat'
        ? retryLater(backoffDelayMs(entry.attempts, policy, random))
        : { state: 'unknownOutcome', nextAttemptAt: now, lastError }
    case 'unauthorized':
    case 'forbidden':
      // A refused CommBox token is mended in Settings, not by signing in to Oktopost again.
      if (isCommbox) return { state: 'needsAttention', nextAttemptAt: now, lastError }
      return { state: 'paused', nextAttemptAt: now, lastError, pauseAllUntil: Number.POSITIVE_INFINITY }
    case 'notFound':
      // A tag that is already gone is what deleting it wanted (often our own earlier attempt).
      if (entry.operation.kind === 'deleteTag') return { state: 'done', nextAttemptAt: now, lastError: null }
      return { state: 'needsAttention', nextAttemptAt: now, lastError }
    case 'invalid':
    case 'conflict':
    case 'internal':
      return { state: 'needsAttention', nextAttemptAt: now, lastError }
  }
}

export function toOutboxError(error: AppError): OutboxError {
  switch (error.kind) {
    case 'invalid':
      return { kind: error.kind, message: error.message, fields: error.fields }
    case 'server':
      return { kind: error.kind, message: error.message, status: error.status }
    default:
      return { kind: error.kind, message: error.message }
  }
}
