import { describe, expect, it } from 'vitest'
import { isSettled, submissionOutcome } from '../../../../src/renderer/components/forms/submissionOutcome'
import type { OutboxEntry } from '../../../../src/renderer/sync/outbox/entry'

function entry(state: OutboxEntry['state'], lastError: OutboxEntry['lastError'] = null): OutboxEntry {
  return {
    id: 'e1',
    orderingKey: 'commbox',
    operation: { kind: 'createCommboxTag', input: { name: 'VIP', type: 1, tagGroupId: 0, objectTag: true, userTag: false, childTag: false } },
    state,
    attempts: 1,
    createdAt: 0,
    updatedAt: 0,
    sendAfter: 0,
    nextAttemptAt: 0,
    lastError,
    queuedOffline: false,
    baseline: null,
  }
}

describe('where a submitted change stands, for its form', () => {
  it('is sent once the server accepted it', () => {
    expect(submissionOutcome(entry('done'), false)).toEqual({ kind: 'sent' })
  })

  it('is refused, with the reason and the entry to send again, when the server said no', () => {
    const refusal = { kind: 'conflict', message: 'taken' }
    expect(submissionOutcome(entry('needsAttention', refusal), false)).toEqual({ kind: 'refused', entryId: 'e1', error: refusal })
  })

  it('is retrying, with the reason, after a failure the outbox waits out', () => {
    const failure = { kind: 'server', message: 'HTTP 500', status: 500 }
    expect(submissionOutcome(entry('retrying', failure), false)).toEqual({ kind: 'retrying', error: failure })
  })

  it('is queued for the connection when nothing could be sent', () => {
    expect(submissionOutcome(entry('retrying', { kind: 'network', message: 'down' }), false)).toEqual({ kind: 'queued', reason: 'offline' })
    expect(submissionOutcome(entry('queued'), true)).toEqual({ kind: 'queued', reason: 'offline' })
  })

  it('is still waiting its turn while queued or on its way', () => {
    expect(submissionOutcome(entry('queued'), false)).toEqual({ kind: 'queued', reason: 'waiting' })
    expect(isSettled(entry('queued'))).toBe(false)
    expect(isSettled(entry('sending'))).toBe(false)
    expect(isSettled(entry('retrying'))).toBe(true)
  })
})
