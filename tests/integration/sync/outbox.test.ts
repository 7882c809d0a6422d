import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OutboxEntry } from '../../../src/renderer/sync/outbox/entry'
import type { Operation } from '../../../src/renderer/sync/outbox/operations'
import { OutboxEngine } from '../../../src/renderer/sync/outbox/engine'
import type { OutboxRemote } from '../../../src/renderer/sync/outbox/remote'
import { cacheConversation, createSyncHarness, ME_ID, type SyncHarness } from '../../support/sync/harness'

const DM = 'eit000000000001'

let harness: SyncHarness

beforeEach(async () => {
  harness = await createSyncHarness()
  await cacheConversation(harness, DM)
})

afterEach(async () => {
  await harness.close()
})

async function entry(id: string): Promise<OutboxEntry | undefined> {
  return harness.db.outbox.get({ id })
}

async function replyTo(conversationId: string, message: string): Promise<Operation> {
  const row = await harness.db.conversations.get(conversationId)
  if (!row) throw new Error(`${conversationId} is not cached`)
  return { kind: 'reply', conversationId, network: row.network, itemType: row.itemType, message }
}

async function ledgerTexts(): Promise<string[]> {
  return (await harness.control.ledger()).map((row) => String(row.params['message'] ?? row.params['note'] ?? row.params['status'] ?? ''))
}

describe('queueing', () => {
  it('shows a queued note in the timeline at once, as pending, in the same transaction as the entry', async () => {
    await harness.engine.stop()
    const id = await harness.queue({ kind: 'note', conversationId: DM, note: 'Checking with billing' })
    const rows = await harness.db.timeline.where('outboxEntryId').equals(id).toArray()
    expect(rows).toMatchObject([{ type: 'note', content: 'Checking with billing', conversationId: DM }])
    expect(await entry(id)).toMatchObject({ state: 'queued', attempts: 0 })
  })

  it('shows a close at once', async () => {
    await harness.engine.stop()
    await harness.queue({ kind: 'setStatus', conversationId: DM, status: 'closed' })
    expect((await harness.db.conversations.get(DM))?.status).toBe('closed')
  })

  it('refuses an invalid form before anything is queued', async () => {
    const result = await import('../../../src/renderer/sync/outbox/enqueue').then(({ enqueue }) =>
      enqueue(harness.db, { kind: 'note', conversationId: DM, note: 'x'.repeat(10_001) }, {
        now: harness.clock.now(), newId: () => 'n1', meId: null, isOffline: false, undoWindowMs: 0,
      }),
    )
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { note: expect.stringContaining('10,000') } } })
    expect(await harness.db.outbox.count()).toBe(0)
    expect(await harness.db.timeline.where('outboxEntryId').equals('n1').count()).toBe(0)
  })
})

describe('sending', () => {
  it('delivers a note once and replaces the pending row with the server’s', async () => {
    const id = await harness.queue({ kind: 'note', conversationId: DM, note: 'Escalated to engineering' })
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'done', attempts: 1 })
    expect(await ledgerTexts()).toEqual(['Escalated to engineering'])
    const rows = await harness.db.timeline.where('conversationId').equals(DM).filter((row) => row.content === 'Escalated to engineering').toArray()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.outboxEntryId).toBeUndefined()
  })

  it('sends nothing new once stopped, even when the queue was being read at that moment', async () => {
    await harness.engine.stop()
    const id = await harness.queue({ kind: 'note', conversationId: DM, note: 'after stop' })
    await harness.engine.start()
    const stopping = harness.engine.stop()
    await stopping
    expect(await entry(id)).toMatchObject({ state: 'queued', attempts: 0 })
    expect(await ledgerTexts()).toEqual([])
    await harness.engine.start()
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'done', attempts: 1 })
    expect(await ledgerTexts()).toEqual(['after stop'])
  })

  it('finds a conversation ready to send behind a long line of another that is still waiting', async () => {
    const other = 'eit000000000003'
    await cacheConversation(harness, other)
    await harness.engine.stop()
    const waiting: string[] = []
    for (let index = 0; index < 40; index++) waiting.push(await harness.queue(await replyTo(DM, `later ${index}`), { undoWindowMs: 60_000 }))
    const ready = await harness.queue({ kind: 'note', conversationId: other, note: 'now' })
    await harness.engine.start()
    await harness.settle()
    expect(await entry(ready)).toMatchObject({ state: 'done' })
    expect(await ledgerTexts()).toEqual(['now'])
    await harness.settle(60_000)
    expect(await ledgerTexts()).toEqual(['now', ...waiting.map((_, index) => `later ${index}`)])
  })

  it('sends the changes to one conversation in the order they were made', async () => {
    await harness.engine.stop()
    await harness.queue({ kind: 'note', conversationId: DM, note: 'first' })
    await harness.queue({ kind: 'setStatus', conversationId: DM, status: 'closed' })
    await harness.queue({ kind: 'setStatus', conversationId: DM, status: 'open' })
    await harness.queue(await replyTo(DM, 'third'))
    await harness.engine.start()
    await harness.settle()
    expect(await ledgerTexts()).toEqual(['first', 'closed', 'open', 'third'])
  })

  it('sends a few conversations side by side, and each one’s changes one at a time, in order', async () => {
    const conversations = [DM, 'eit000000000003', 'eit000000000005', 'eit000000000007', 'eit000000000009']
    for (const id of conversations.slice(1)) await cacheConversation(harness, id)
    await harness.control.addFault({ route: 'POST /v2/conversation/:id/note', mode: 'latency', latencyMs: 150 })
    let inFlight = 0
    let mostInFlight = 0
    const perConversation = new Map<string, number>()
    let mostPerConversation = 0
    const counting: OutboxRemote = {
      ...harness.remote,
      async perform(operation, sendId) {
        const key = 'conversationId' in operation ? operation.conversationId : operation.kind
        inFlight += 1
        perConversation.set(key, (perConversation.get(key) ?? 0) + 1)
        mostInFlight = Math.max(mostInFlight, inFlight)
        mostPerConversation = Math.max(mostPerConversation, perConversation.get(key)!)
        try {
          return await harness.remote.perform(operation, sendId)
        } finally {
          inFlight -= 1
          perConversation.set(key, perConversation.get(key)! - 1)
        }
      },
    }
    await harness.engine.stop()
    harness.engine = new OutboxEngine({ db: harness.db, remote: counting, clock: harness.clock, random: () => 0.5, meId: () => ME_ID, maxInFlight: 4 })
    for (const id of conversations) {
      await harness.queue({ kind: 'note', conversationId: id, note: `${id} first` })
      await harness.queue({ kind: 'note', conversationId: id, note: `${id} second` })
    }
    await harness.engine.start()
    await harness.settle()
    expect(mostInFlight).toBe(4)
    expect(mostPerConversation).toBe(1)
    const texts = await ledgerTexts()
    expect(texts).toHaveLength(conversations.length * 2)
    for (const id of conversations) expect(texts.filter((text) => text.startsWith(id))).toEqual([`${id} first`, `${id} second`])
  })

  it('keeps later changes of a conversation waiting behind one that failed to leave', async () => {
    await harness.control.addFault({ route: 'POST /v2/conversation/:id/note', mode: 'status500', times: 1 })
    const first = await harness.queue({ kind: 'note', conversationId: DM, note: 'first' })
    const second = await harness.queue({ kind: 'setStatus', conversationId: DM, status: 'closed' })
    await harness.settle()
    expect(await ledgerTexts()).toEqual([])
    expect((await entry(second))?.state).toBe('queued')
    expect((await entry(first))?.state).toBe('retrying')
    await harness.settle(10 * 60_000)
    expect(await ledgerTexts()).toEqual(['first', 'closed'])
  })
})

describe('after a failed attempt', () => {
  it('retries after a network failure that sent nothing, and delivers once the connection returns', async () => {
    await harness.sandbox.disconnect()
    const id = await harness.queue({ kind: 'note', conversationId: DM, note: 'written offline' })
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'retrying', lastError: { kind: 'network' } })
    await harness.settle(60_000)
    expect((await entry(id))?.state).toBe('retrying')
    await harness.sandbox.reconnect()
    await harness.engine.retryNow()
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'done' })
    expect(await ledgerTexts()).toEqual(['written offline'])
  })

  it('waits for Retry-After after a 429 and sends nothing before it', async () => {
    // Main's limiter holds every Oktopost call for the real Retry-After too, so keep it short.
    await harness.control.addFault({ route: 'POST /v2/conversation/:id/note', mode: 'status429', retryAfterSeconds: 1, times: 1 })
    const id = await harness.queue({ kind: 'note', conversationId: DM, note: 'after the limit' })
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'retrying', lastError: { kind: 'rateLimited' } })
    expect((await entry(id))?.nextAttemptAt).toBe(harness.clock.now() + 1_000)
    expect(harness.engine.isPaused).toBe(true)
    // Queued during the pause, for another conversation: it waits too.
    const other = await harness.queue({ kind: 'setStatus', conversationId: 'eit000000000007', status: 'closed' })
    await harness.settle(999)
    expect(await ledgerTexts()).toEqual([])
    expect((await entry(other))?.state).toBe('queued')
    await harness.settle(1)
    expect(await ledgerTexts()).toEqual(['after the limit', 'closed'])
  })

  it('backs off after a 5xx and delivers once the server recovers', async () => {
    await harness.control.addFault({ route: 'POST /v2/conversation/:id/note', mode: 'status500', times: 2 })
    const id = await harness.queue({ kind: 'note', conversationId: DM, note: 'eventually' })
    await harness.settle()
    const afterFirst = await entry(id)
    expect(afterFirst).toMatchObject({ state: 'retrying', attempts: 1, lastError: { kind: 'server', status: 500 } })
    await harness.settle(60_000)
    await harness.settle(60_000)
    expect(await entry(id)).toMatchObject({ state: 'done', attempts: 3 })
    expect(await ledgerTexts()).toEqual(['eventually'])
  })

  it.each(['status401', 'status403'] as const)('pauses all sending on %s until the agent signs in again', async (mode) => {
    await harness.control.addFault({ route: 'POST /v2/conversation/:id/note', mode, times: 1 })
    const id = await harness.queue({ kind: 'note', conversationId: DM, note: 'refused key' })
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'paused', lastError: { kind: mode === 'status401' ? 'unauthorized' : 'forbidden' } })
    const other = await harness.queue({ kind: 'setStatus', conversationId: 'eit000000000007', status: 'closed' })
    await harness.settle(60 * 60_000)
    expect((await entry(other))?.state).toBe('queued')
    await harness.engine.resumeAfterSignIn()
    await harness.settle()
    expect(await ledgerTexts()).toEqual(['refused key', 'closed'])
  })

  it('pauses all sending when the agent is signed out, until they sign in again', async () => {
    const { sandbox } = harness
    await harness.services.auth.signOut()
    const id = await harness.queue({ kind: 'note', conversationId: DM, note: 'while signed out' })
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'paused', lastError: { kind: 'unauthorized' } })
    const other = await harness.queue({ kind: 'setStatus', conversationId: 'eit000000000007', status: 'closed' })
    await harness.settle(60 * 60_000)
    expect((await entry(other))?.state).toBe('queued')
    expect(await ledgerTexts()).toEqual([])
    await harness.services.auth.signIn({ accountId: sandbox.options.accountId, apiKey: sandbox.options.apiKey, baseUrl: sandbox.oktopostBaseUrl })
    await harness.engine.resumeAfterSignIn()
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'done' })
    expect(await entry(other)).toMatchObject({ state: 'done' })
    expect(await ledgerTexts()).toEqual(['while signed out', 'closed'])
  })

  it('asks the agent on 400, with the server’s reason, and sends the edited change', async () => {
    await harness.engine.stop()
    const id = await harness.queue({ kind: 'createCase', conversationId: DM, integrationId: 'no-such-integration' })
    await harness.engine.start()
    await harness.settle()
    const failed = await entry(id)
    expect(failed?.state).toBe('needsAttention')
    expect(failed?.lastError?.message).toMatch(/integration/i)
    const { resend } = await import('../../../src/renderer/sync/outbox/actions')
    const edited = await resend(harness.db, id, harness.clock.now(), { ...failed!.operation, caseDescription: 'edited' } as Operation)
    expect(edited.ok).toBe(true)
    await harness.settle()
    expect((await entry(id))?.state).toBe('needsAttention')
  })

  it('asks the agent on 409 and never drops the entry', async () => {
    const id = await harness.queue({ kind: 'createCannedResponse', name: 'Welcome Reply ', content: 'dupe', visibility: 'shared' })
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'needsAttention', lastError: { kind: 'conflict' } })
    await harness.settle(24 * 60 * 60_000)
    expect(await entry(id)).toMatchObject({ state: 'needsAttention' })
  })

  it('reverts the optimistic change when the agent discards a refused entry', async () => {
    await harness.engine.stop()
    const noteId = await harness.queue({ kind: 'note', conversationId: DM, note: 'to be discarded' })
    const { discard } = await import('../../../src/renderer/sync/outbox/actions')
    expect(await discard(harness.db, noteId)).toBe(true)
    expect(await harness.db.timeline.where('outboxEntryId').equals(noteId).count()).toBe(0)
    expect(await harness.db.outbox.count()).toBe(0)
  })
})
