import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { undo, resend } from '../../../src/renderer/sync/outbox/actions'
import { sendIdOf, type OutboxEntry } from '../../../src/renderer/sync/outbox/entry'
import type { Operation } from '../../../src/renderer/sync/outbox/operations'
import { cacheConversation, createSyncHarness, type SyncHarness } from '../../support/sync/harness'

const DM = 'eit000000000001'
const POST = 'eit000000000007'
const SALESFORCE = 'sfint-1'

let harness: SyncHarness

beforeEach(async () => {
  harness = await createSyncHarness({ sandbox: { salesforceIntegrationId: SALESFORCE } })
  await cacheConversation(harness, DM)
  await cacheConversation(harness, POST)
})

afterEach(async () => {
  await harness.close()
})

const entry = (id: string): Promise<OutboxEntry | undefined> => harness.db.outbox.get({ id })

async function replyTo(conversationId: string, message: string): Promise<Operation> {
  const row = await harness.db.conversations.get(conversationId)
  if (!row) throw new Error(`${conversationId} is not cached`)
  return { kind: 'reply', conversationId, network: row.network, itemType: row.itemType, message }
}

async function ledgerOf(kind: 'message' | 'note' | 'status'): Promise<unknown[]> {
  return (await harness.control.ledger()).map((row) => row.params[kind]).filter((value) => value !== undefined)
}

describe('an unknown outcome', () => {
  it('is settled by reading the timeline, not by sending again, when the reply did arrive', async () => {
    await harness.control.addFault({ route: 'POST /v2/conversation/:id/reply', mode: 'dropAfter', times: 1 })
    const id = await harness.queue(await replyTo(DM, 'Your refund is on its way'))
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'done', attempts: 1 })
    expect(await ledgerOf('message')).toEqual(['Your refund is on its way'])
  })

  it('is sent again once the timeline shows it missing', async () => {
    await harness.control.addFault({ route: 'POST /v2/conversation/:id/reply', mode: 'resetBefore', times: 1 })
    const id = await harness.queue(await replyTo(DM, 'Second try'))
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'done', attempts: 2 })
    expect(await ledgerOf('message')).toEqual(['Second try'])
  })

  it('waits, unsent, while the timeline cannot be read', async () => {
    await harness.control.addFault({ route: 'POST /v2/conversation/:id/note', mode: 'dropAfter', times: 1 })
    await harness.control.addFault({ route: 'GET /v2/conversation/:id/timeline', mode: 'status500', times: 8 })
    const id = await harness.queue({ kind: 'note', conversationId: DM, note: 'careful' })
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'unknownOutcome' })
    await harness.control.clearFaults()
    await harness.settle(10 * 60_000)
    expect(await entry(id)).toMatchObject({ state: 'done' })
    expect(await ledgerOf('note')).toEqual(['careful'])
  })

  it('tells a new copy of the same words from one already delivered', async () => {
    const first = await harness.queue(await replyTo(DM, 'Thanks!'))
    await harness.settle()
    expect((await entry(first))?.state).toBe('done')
    await harness.control.addFault({ route: 'POST /v2/conversation/:id/reply', mode: 'resetBefore', times: 1 })
    const second = await harness.queue(await replyTo(DM, 'Thanks!'))
    await harness.settle()
    expect(await entry(second)).toMatchObject({ state: 'done', attempts: 2 })
    expect(await ledgerOf('message')).toEqual(['Thanks!', 'Thanks!'])
  })

  it('is repeated for a set-style change, which is safe to apply twice', async () => {
    await harness.control.addFault({ route: 'POST /v2/conversation/:id', mode: 'dropAfter', times: 1 })
    const id = await harness.queue({ kind: 'setStatus', conversationId: POST, status: 'closed' })
    await harness.settle()
    await harness.settle(10 * 60_000)
    expect(await entry(id)).toMatchObject({ state: 'done', attempts: 2 })
    expect(await ledgerOf('status')).toEqual(['closed', 'closed'])
  })

  it('asks the agent when the API offers no way to check (a Salesforce case)', async () => {
    await harness.control.addFault({ route: 'POST /v2/conversation/:id/create-case', mode: 'dropAfter', times: 1 })
    const id = await harness.queue({ kind: 'createCase', conversationId: DM, integrationId: SALESFORCE })
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'needsAttention', lastError: { kind: 'unknownOutcome' } })
  })

  it('is what an entry found mid-send after a restart becomes, and it is checked before anything is resent', async () => {
    await harness.engine.stop()
    const id = await harness.queue({ kind: 'note', conversationId: DM, note: 'sent just before the crash' })
    const queued = (await entry(id))!
    const sent = await harness.remote.perform(queued.operation, sendIdOf(queued))
    expect(sent.ok).toBe(true)
    await harness.db.outbox.where('id').equals(id).modify({ state: 'sending', attempts: 1 })
    await harness.restartEngine()
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'done', attempts: 1 })
    expect(await ledgerOf('note')).toEqual(['sent just before the crash'])
  })
})

describe('a change still on its way when the app restarts', () => {
  /** The renderer stops just after handing the entry to main, and starts again before main has its answer. */
  async function restartWhileSending(operation: Operation): Promise<{ id: string; onItsWay: Promise<unknown> }> {
    await harness.engine.stop()
    const id = await harness.queue(operation)
    const queued = (await entry(id))!
    const onItsWay = harness.remote.perform(queued.operation, sendIdOf(queued))
    await harness.db.outbox.where('id').equals(id).modify({ state: 'sending', attempts: 1 })
    await harness.restartEngine()
    return { id, onItsWay }
  }

  it('is not sent again: the repeat waits for the send main already has on its way', async () => {
    await harness.control.addFault({ route: 'POST /v2/conversation/:id/note', mode: 'latency', latencyMs: 600 })
    const { id, onItsWay } = await restartWhileSending({ kind: 'note', conversationId: DM, note: 'still on its way' })
    // Not on the timeline yet, so the restarted outbox sends it again, under the same sendId.
    await harness.settle()
    await onItsWay
    expect(await entry(id)).toMatchObject({ state: 'done', attempts: 2 })
    expect(await ledgerOf('note')).toEqual(['still on its way'])
  })

  it('gets the first answer again once main has delivered it, even for a change the API cannot be asked about', async () => {
    const { id, onItsWay } = await restartWhileSending({ kind: 'createCase', conversationId: DM, integrationId: SALESFORCE })
    await onItsWay
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'needsAttention', lastError: { kind: 'unknownOutcome' } })
    // The agent sends it again: main answers from the delivered send, and no second case is made.
    expect((await resend(harness.db, id, harness.clock.now())).ok).toBe(true)
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'done' })
    expect((await harness.control.ledger()).filter((row) => row.path.endsWith('/create-case'))).toHaveLength(1)
  })

  it('is sent again once the agent edits it: an edit is a new send', async () => {
    const { id, onItsWay } = await restartWhileSending({ kind: 'createCase', conversationId: DM, integrationId: SALESFORCE })
    await onItsWay
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'needsAttention' })
    const edited = { kind: 'createCase' as const, conversationId: DM, integrationId: SALESFORCE, caseDescription: 'Refund not received' }
    expect((await resend(harness.db, id, harness.clock.now(), edited)).ok).toBe(true)
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'done', revision: 1 })
    expect((await harness.control.ledger()).filter((row) => row.path.endsWith('/create-case'))).toHaveLength(2)
  })
})

describe('a reply queued while offline', () => {
  async function queueOffline(message: string): Promise<string> {
    await harness.engine.stop()
    const id = await harness.queue(await replyTo(POST, message), { isOffline: true })
    return id
  }

  async function sendQueued(): Promise<void> {
    await harness.engine.start()
    await harness.settle()
  }

  it('is held when the customer wrote again meanwhile, and sent when the agent says so', async () => {
    const id = await queueOffline('We are looking into it')
    await harness.control.inbound({ conversationId: POST, from: 'customer', content: 'Never mind, it works now' })
    await sendQueued()
    const held = await entry(id)
    expect(held?.state).toBe('held')
    expect(held?.heldReasons).toEqual([{ kind: 'customerWrote', count: 1, latestText: 'Never mind, it works now' }])
    expect(await ledgerOf('message')).toEqual([])
    expect((await resend(harness.db, id, harness.clock.now())).ok).toBe(true)
    await harness.settle()
    expect(await entry(id)).toMatchObject({ state: 'done' })
    expect(await ledgerOf('message')).toEqual(['We are looking into it'])
  })

  it('is held when another agent replied meanwhile', async () => {
    const id = await queueOffline('Let me check')
    await harness.control.inbound({ conversationId: POST, from: 'agent', content: 'Sorted it for you!' })
    await sendQueued()
    expect((await entry(id))?.heldReasons?.map((reason) => reason.kind)).toEqual(['agentReplied'])
  })

  it('is held when the conversation was reassigned or closed meanwhile', async () => {
    const id = await queueOffline('On it')
    await harness.services.auth.oktopost().then(async (client) => {
      if (!client.ok) throw new Error('not signed in')
      await client.value.conversations.assign(POST, { assigneeId: '00A000000000003' })
      await client.value.conversations.setStatus(POST, 'closed')
    })
    await sendQueued()
    expect((await entry(id))?.heldReasons?.map((reason) => reason.kind).sort()).toEqual(['closed', 'reassigned'])
  })

  it('goes out unheld when nothing changed', async () => {
    const id = await queueOffline('Nothing new here')
    await sendQueued()
    expect(await entry(id)).toMatchObject({ state: 'done' })
  })
})

describe('the undo window', () => {
  it('keeps a reply back for the window, and undo takes it back without a trace', async () => {
    const id = await harness.queue(await replyTo(DM, 'Oops, wrong customer'), { undoWindowMs: 5_000 })
    await harness.settle(4_999)
    expect(await ledgerOf('message')).toEqual([])
    expect(await undo(harness.db, id, harness.clock.now())).toBe(true)
    expect(await harness.db.timeline.where('outboxEntryId').equals(id).count()).toBe(0)
    expect(await harness.db.drafts.get(DM)).toMatchObject({ mode: 'reply', text: 'Oops, wrong customer' })
    await harness.settle(60_000)
    expect(await ledgerOf('message')).toEqual([])
  })

  it('sends the reply when the window closes, after which undo is refused', async () => {
    const id = await harness.queue(await replyTo(DM, 'Right customer'), { undoWindowMs: 5_000 })
    await harness.settle(5_000)
    expect(await ledgerOf('message')).toEqual(['Right customer'])
    expect(await undo(harness.db, id, harness.clock.now())).toBe(false)
  })
})
