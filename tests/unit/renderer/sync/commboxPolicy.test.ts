import { describe, expect, it } from 'vitest'
import type { Operation } from '../../../../src/renderer/sync/outbox/operations'
import { afterAttempt } from '../../../../src/renderer/sync/outbox/policy'

const commboxTag: Operation = {
  kind: 'createCommboxTag',
  input: { name: 'VIP', type: 1, tagGroupId: 0, objectTag: true, userTag: false, childTag: false },
}
const note: Operation = { kind: 'note', conversationId: 'eit1', note: 'hi' }
const NOW = 1_000

describe('a CommBox tag in the outbox', () => {
  it('asks the agent when CommBox refuses the token, without stopping the Oktopost changes', () => {
    const transition = afterAttempt({ operation: commboxTag, attempts: 1 }, { kind: 'unauthorized', message: 'Unauthorized' }, NOW, () => 0.5)
    expect(transition).toEqual({ state: 'needsAttention', nextAttemptAt: NOW, lastError: { kind: 'unauthorized', message: 'Unauthorized' } })
  })

  it('waits out CommBox’s Retry-After on its own entry only', () => {
    const transition = afterAttempt({ operation: commboxTag, attempts: 1 }, { kind: 'rateLimited', message: 'slow down', retryAfterMs: 3_000 }, NOW, () => 0.5)
    expect(transition).toMatchObject({ state: 'retrying', nextAttemptAt: NOW + 3_000 })
    expect(transition.pauseAllUntil).toBeUndefined()
  })

  it('still pauses everything when Oktopost refuses the key', () => {
    const transition = afterAttempt({ operation: note, attempts: 1 }, { kind: 'unauthorized', message: 'no' }, NOW, () => 0.5)
    expect(transition).toMatchObject({ state: 'paused', pauseAllUntil: Number.POSITIVE_INFINITY })
  })
})
