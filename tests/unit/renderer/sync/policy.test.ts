import { describe, expect, it } from 'vitest'
import type { Operation } from '../../../../src/renderer/sync/outbox/operations'
import { afterAttempt, backoffDelayMs, DEFAULT_RETRY_POLICY } from '../../../../src/renderer/sync/outbox/policy'
import type { AppError } from '../../../../src/shared/result'

const NOW = 1_000_000
const note: Operation = { kind: 'note', conversationId: 'c1', note: 'hi' }
const close: Operation = { kind: 'setStatus', conversationId: 'c1', status: 'closed' }
const attempt = (operation: Operation, error: AppError | null, attempts = 1, random = () => 0.5) =>
  afterAttempt({ operation, attempts }, error, NOW, random)

describe('after an attempt', () => {
  it('is done when the server accepted it', () => {
    expect(attempt(note, null)).toEqual({ state: 'done', nextAttemptAt: NOW, lastError: null })
  })

  it('retries soon after a network error, which sent nothing', () => {
    const next = attempt(note, { kind: 'network', message: 'offline' })
    expect(next.state).toBe('retrying')
    expect(next.nextAttemptAt).toBeGreaterThanOrEqual(NOW)
  })

  it('waits exactly Retry-After after a 429 and pauses every send until then', () => {
    expect(attempt(note, { kind: 'rateLimited', message: 'slow down', retryAfterMs: 7_000 })).toMatchObject({
      state: 'retrying', nextAttemptAt: NOW + 7_000, pauseAllUntil: NOW + 7_000,
    })
  })

  it('backs off after a 5xx and gives up into needsAttention after the attempts run out', () => {
    expect(attempt(note, { kind: 'server', message: 'boom', status: 503 }).state).toBe('retrying')
    const exhausted = attempt(note, { kind: 'server', message: 'boom', status: 503 }, DEFAULT_RETRY_POLICY.maxAttempts)
    expect(exhausted.state).toBe('needsAttention')
    expect(exhausted.lastError?.message).toContain('gave up')
  })

  it.each(['unauthorized', 'forbidden'] as const)('pauses all sending on %s', (kind) => {
    expect(attempt(note, { kind, message: 'no' })).toMatchObject({ state: 'paused', pauseAllUntil: Number.POSITIVE_INFINITY })
  })

  it.each([
    ['invalid', { kind: 'invalid', message: 'bad', fields: { note: 'too long' } }],
    ['notFound', { kind: 'notFound', message: 'gone' }],
    ['conflict', { kind: 'conflict', message: 'exists' }],
  ] as const)('asks the agent on %s, keeping the server’s reason', (_kind, error) => {
    const next = attempt(note, error as AppError)
    expect(next.state).toBe('needsAttention')
    expect(next.lastError?.message).toBe(error.message)
  })

  it('treats a tag that is already gone as deleted', () => {
    expect(attempt({ kind: 'deleteTag', tagId: 't1' }, { kind: 'notFound', message: 'gone' }).state).toBe('done')
  })

  it.each(['timeout', 'unknownOutcome', 'invalidResponse'] as const)('never resends a note blindly after %s', (kind) => {
    expect(attempt(note, { kind, message: '?' }).state).toBe('unknownOutcome')
  })

  it('repeats a set-style change after an unknown outcome', () => {
    expect(attempt(close, { kind: 'unknownOutcome', message: '?' }).state).toBe('retrying')
  })
})

describe('backoff', () => {
  it('is full jitter: anywhere from 0 up to the doubling ceiling, never past the cap', () => {
    const policy = { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAttempts: 10 }
    expect(backoffDelayMs(1, policy, () => 0)).toBe(0)
    expect(backoffDelayMs(1, policy, () => 0.999)).toBe(999)
    expect(backoffDelayMs(4, policy, () => 0.999)).toBe(7_992)
    expect(backoffDelayMs(30, policy, () => 0.999)).toBe(59_940)
  })
})
