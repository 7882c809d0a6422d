import { describe, expect, it } from 'vitest'
import { outboxStatus } from '../../../../src/renderer/conversation/outboxStatus'
import type { OutboxEntry } from '../../../../src/renderer/sync/outbox/entry'

function entry(extra: Partial<OutboxEntry>): OutboxEntry {
  return {
    id: 'e1',
    orderingKey: 'conversation:c1',
    operation: { kind: 'note', conversationId: 'c1', note: 'hi' },
    state: 'queued',
    attempts: 0,
    createdAt: 0,
    updatedAt: 0,
    sendAfter: 0,
    nextAttemptAt: 0,
    lastError: null,
    queuedOffline: false,
    baseline: null,
    ...extra,
  }
}

describe('the outbox state of an optimistic row', () => {
  it('is quietly queued, and says it waits for the connection when queued offline', () => {
    expect(outboxStatus(entry({}))).toMatchObject({ label: 'Queued', tone: 'waiting', resendLabel: null })
    expect(outboxStatus(entry({ queuedOffline: true })).label).toMatch(/back online/)
  })

  it('gives the server’s reason when it was refused, with retry and discard', () => {
    const status = outboxStatus(
      entry({ state: 'needsAttention', lastError: { kind: 'invalid', message: 'Bad request', fields: { message: 'Message is too long' } } }),
    )
    expect(status).toEqual({ label: 'Not sent', tone: 'attention', detail: 'Message is too long', resendLabel: 'Retry', canDiscard: true })
  })

  it('says why a reply is held and offers to send it anyway', () => {
    const status = outboxStatus(entry({ state: 'held', heldReasons: [{ kind: 'customerWrote', count: 2, latestText: 'hello?' }] }))
    expect(status).toMatchObject({ label: 'Held', detail: 'The customer wrote 2 more times', resendLabel: 'Send anyway', canDiscard: true })
  })

  it('is sent once the entry is done or gone', () => {
    expect(outboxStatus(entry({ state: 'done' })).tone).toBe('done')
    expect(outboxStatus(undefined).label).toBe('Sent')
  })

  it('shows retrying with the last error but leaves retrying to the outbox', () => {
    expect(outboxStatus(entry({ state: 'retrying', lastError: { kind: 'network', message: 'Offline' } }))).toMatchObject({
      label: 'Retrying',
      detail: 'Offline',
      resendLabel: null,
    })
  })
})
