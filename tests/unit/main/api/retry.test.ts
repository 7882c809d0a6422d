import { describe, expect, it } from 'vitest'
import { backoffDelayMs, isRetryableRead, retryRead, type RetryPolicy } from '../../../../src/main/api/retry'
import { err, ok, type AppError, type Result } from '../../../../src/shared/result'
import { FakeClock } from './fakeClock'

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 }

describe('read retry policy', () => {
  it('backs off exponentially under a cap, with full jitter', () => {
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelayMs(retry, policy, () => 0.999999))).toEqual([
      99, 199, 399, 799, 999, 999,
    ])
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0)
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(200)
  })

  it('retries only transient failures', () => {
    const retryable: AppError['kind'][] = ['network', 'timeout', 'server']
    const kinds: AppError[] = [
      { kind: 'network', message: '' },
      { kind: 'timeout', message: '' },
      { kind: 'server', message: '', status: 503 },
      { kind: 'unknownOutcome', message: '' },
      { kind: 'rateLimited', message: '', retryAfterMs: 1 },
      { kind: 'unauthorized', message: '' },
      { kind: 'forbidden', message: '' },
      { kind: 'notFound', message: '' },
      { kind: 'conflict', message: '' },
      { kind: 'invalid', message: '', fields: {} },
      { kind: 'invalidResponse', message: '' },
      { kind: 'internal', message: '' },
    ]
    for (const error of kinds) expect(isRetryableRead(error)).toBe(retryable.includes(error.kind))
  })

  it('tries again after a jittered wait until it succeeds', async () => {
    const clock = new FakeClock()
    const answers: Result<string>[] = [err({ kind: 'network', message: 'down' }), err({ kind: 'server', message: '', status: 502 }), ok('done')]
    let calls = 0
    const pending = retryRead(async () => answers[calls++] ?? ok('unexpected'), { policy, clock, random: () => 0.5 })
    await clock.settle()
    expect(calls).toBe(1)
    await clock.advance(50)
    expect(calls).toBe(2)
    await clock.advance(100)
    expect(await pending).toEqual(ok('done'))
    expect(calls).toBe(3)
  })

  it('gives up after the last attempt and returns the last failure', async () => {
    const clock = new FakeClock()
    let calls = 0
    const pending = retryRead(async () => {
      calls += 1
      return err<string>({ kind: 'timeout', message: `attempt ${calls}` })
    }, { policy, clock, random: () => 0 })
    await clock.advance(0)
    expect(await pending).toEqual(err({ kind: 'timeout', message: 'attempt 4' }))
    expect(calls).toBe(4)
  })

  it('does not retry a refusal', async () => {
    let calls = 0
    const result = await retryRead(async () => {
      calls += 1
      return err<string>({ kind: 'notFound', message: 'gone' })
    }, { policy, clock: new FakeClock(), random: () => 0 })
    expect(result.ok).toBe(false)
    expect(calls).toBe(1)
  })
})
