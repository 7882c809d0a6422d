import { afterEach, describe, expect, it } from 'vitest'
import { explainCannedResponseAnswer, explainCaseAnswer, explainCommboxAnswer, explainTagAnswer } from '../../../src/renderer/components/forms/explainAnswers'
import { cannedResponseOperation, caseOperation, parseCommboxTagDraft, emptyCommboxTagDraft } from '../../../src/renderer/components/forms/formInputs'
import { enqueue } from '../../../src/renderer/sync/outbox/enqueue'
import type { OutboxEntry } from '../../../src/renderer/sync/outbox/entry'
import type { Operation } from '../../../src/renderer/sync/outbox/operations'
import { refreshReferenceData } from '../../../src/renderer/sync/pull/referenceSync'
import type { SandboxOptions } from '../../../src/sandbox/server'
import { cacheConversation, createSyncHarness, type SyncHarness } from '../../support/sync/harness'

/**
 * The forms of issue 6 end to end below the UI: each change queued as the form queues it, sent
 * by the outbox through main's real handlers to the sandbox, and each answer explained as the
 * form explains it.
 */
const DM = 'eit000000000001'
const SALESFORCE = 'sfint-test-0001'
let harness: SyncHarness

async function start(sandbox: Partial<SandboxOptions> = { salesforceIntegrationId: SALESFORCE }): Promise<SyncHarness> {
  harness = await createSyncHarness({ sandbox })
  await refreshReferenceData(harness.db, harness.remote, 'user')
  return harness
}

afterEach(async () => {
  await harness?.close()
})

async function sent(operation: Operation): Promise<OutboxEntry> {
  const id = await harness.queue(operation)
  await harness.settle()
  const entry = await harness.db.outbox.get({ id })
  if (!entry) throw new Error('the entry vanished')
  return entry
}

function commboxTag(overrides: Partial<ReturnType<typeof emptyCommboxTagDraft>> = {}): Operation {
  const parsed = parseCommboxTagDraft({ ...emptyCommboxTagDraft(), name: 'Asked for a refund', ...overrides })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields))
  return { kind: 'createCommboxTag', input: parsed.input }
}

describe('a new canned response', () => {
  it('is created once', async () => {
    await start()
    const entry = await sent(cannedResponseOperation({ name: 'Pricing Inquiry', content: 'Happy to walk you through our plans.', visibility: 'private' }))
    expect(entry.state).toBe('done')
    const names = await harness.remote.cannedResponseNames('Pricing Inquiry')
    expect(names).toEqual({ ok: true, value: ['Pricing Inquiry'] })
  })

  it('is refused before queueing when the cache already has the name', async () => {
    await start()
    const result = await enqueue(harness.db, cannedResponseOperation({ name: 'Welcome Reply', content: 'x', visibility: 'shared' }), {
      now: harness.clock.now(),
      newId: () => 'dup',
      meId: null,
      isOffline: false,
      undoWindowMs: 0,
    })
    expect(result).toMatchObject({ ok: false, error: { fields: { name: 'A canned response with this name already exists' } } })
  })

  it('shows the 409 as "a canned response with this name exists" and keeps the entry for the agent', async () => {
    await start()
    // Oktopost compares names without regard to case; the cache check is exact, so this reaches it.
    const entry = await sent(cannedResponseOperation({ name: 'welcome reply', content: 'Hi!', visibility: 'shared' }))
    expect(entry).toMatchObject({ state: 'needsAttention', lastError: { kind: 'conflict', message: 'A canned response with this name already exists' } })
    expect(explainCannedResponseAnswer(entry.lastError!)).toMatchObject({ title: 'A canned response with this name exists', fields: { name: expect.any(String) } })
  })
})

describe('renaming and deleting conversation tags', () => {
  it('renames a tag, on the server and on every cached conversation that carries it', async () => {
    await start()
    await cacheConversation(harness, DM)
    const support = (await harness.db.tags.where('name').equals('Support').first())!
    const entry = await sent({ kind: 'renameTag', tagId: support.id, name: 'Customer Support' })
    expect(entry.state).toBe('done')
    expect((await harness.db.conversations.get(DM))?.tagNames).toContain('Customer Support')
    const listed = await harness.ipc.invoke('tag:list', { search: 'Customer', count: 20 })
    expect(listed).toMatchObject({ ok: true, value: { items: [{ id: support.id, name: 'Customer Support' }] } })
  })

  it('explains the 409 when another tag has the name', async () => {
    await start()
    const vip = (await harness.db.tags.where('name').equals('VIP').first())!
    const entry = await sent({ kind: 'renameTag', tagId: vip.id, name: 'billing' })
    expect(entry.state).toBe('needsAttention')
    expect(explainTagAnswer(entry.lastError!)).toMatchObject({ title: 'A tag with this name exists' })
  })

  it('refuses a name longer than 64 characters before queueing', async () => {
    await start()
    const result = await enqueue(harness.db, { kind: 'renameTag', tagId: 'etg000000000001', name: 'x'.repeat(65) }, {
      now: harness.clock.now(),
      newId: () => 'long',
      meId: null,
      isOffline: false,
      undoWindowMs: 0,
    })
    expect(result).toMatchObject({ ok: false, error: { fields: { name: expect.stringContaining('64') } } })
  })

  it('deletes a tag from the account and from every cached conversation', async () => {
    await start()
    await cacheConversation(harness, DM)
    const support = (await harness.db.tags.where('name').equals('Support').first())!
    expect((await sent({ kind: 'deleteTag', tagId: support.id })).state).toBe('done')
    expect((await harness.db.conversations.get(DM))?.tagNames).not.toContain('Support')
    const listed = await harness.ipc.invoke('tag:list', { search: 'Support', count: 20 })
    expect(listed).toMatchObject({ ok: true, value: { items: [] } })
  })
})

describe('a Salesforce case', () => {
  const draft = { integrationId: SALESFORCE, caseOwner: '', contactId: '', caseDescription: 'Refund for order 1234' }

  it('is created from a conversation', async () => {
    await start()
    await cacheConversation(harness, DM)
    expect((await sent(caseOperation(DM, draft))).state).toBe('done')
    const [created] = (await harness.control.ledger()).filter((row) => row.path.endsWith('/create-case'))
    expect(created?.params).toMatchObject({ integration_id: SALESFORCE, case_description: 'Refund for order 1234' })
  })

  it('explains "no active integration" when the account has none', async () => {
    await start({})
    await cacheConversation(harness, DM)
    const entry = await sent(caseOperation(DM, draft))
    expect(entry.state).toBe('needsAttention')
    expect(explainCaseAnswer(entry.lastError!)).toMatchObject({ title: 'No active Salesforce integration', fields: { integrationId: expect.any(String) } })
  })

  it('explains an integration id the account does not have', async () => {
    await start()
    await cacheConversation(harness, DM)
    const entry = await sent(caseOperation(DM, { ...draft, integrationId: 'sfint-typo' }))
    expect(explainCaseAnswer(entry.lastError!)).toMatchObject({ title: 'Oktopost doesn’t know this integration' })
  })
})

describe('a CommBox tag', () => {
  it('is created', async () => {
    await start()
    expect((await sent(commboxTag({ type: 3, userTag: true }))).state).toBe('done')
    const [created] = (await harness.control.ledger()).filter((row) => row.path === '/commbox/tags')
    expect(created?.params).toEqual({ data: { Name: 'Asked for a refund', Type: 3, TagGroupId: 0, ObjectTag: true, UserTag: true, ChildTag: false } })
  })

  it('explains a 400', async () => {
    await start()
    const entry = await sent(commboxTag({ name: 'x'.repeat(300) }))
    expect(entry.state).toBe('needsAttention')
    expect(explainCommboxAnswer(entry.lastError!).title).toBe('CommBox refused the tag (400)')
  })

  it('explains a 404 for a tag group CommBox does not have, on the field', async () => {
    await start()
    const entry = await sent(commboxTag({ tagGroupId: '99' }))
    expect(explainCommboxAnswer(entry.lastError!)).toMatchObject({ title: 'No such tag group in CommBox (404)', fields: { tagGroupId: expect.any(String) } })
  })

  it('explains a 401 and stops only itself: Oktopost changes keep going', async () => {
    await start()
    await cacheConversation(harness, DM)
    await harness.control.addFault({ route: '/commbox/tags', mode: 'status401', times: 1 })
    const tag = await sent(commboxTag())
    expect(tag.state).toBe('needsAttention')
    expect(explainCommboxAnswer(tag.lastError!).title).toBe('CommBox didn’t accept the API key (401)')
    expect((await sent({ kind: 'note', conversationId: DM, note: 'still flowing' })).state).toBe('done')
  })

  it('waits out a 429 on its own entry, and explains it', async () => {
    await start()
    await harness.control.addFault({ route: '/commbox/tags', mode: 'status429', retryAfterSeconds: 2, times: 1 })
    const tag = await sent(commboxTag())
    expect(tag.state).toBe('retrying')
    expect(harness.engine.isPaused).toBe(false)
    expect(explainCommboxAnswer(tag.lastError!).title).toBe('CommBox asked to slow down (429)')
    await harness.settle(2_000)
    expect((await harness.db.outbox.get({ id: tag.id }))?.state).toBe('done')
  })

  it('explains a 500 and tries again on its own', async () => {
    await start()
    await harness.control.addFault({ route: '/commbox/tags', mode: 'status500', times: 1 })
    const tag = await sent(commboxTag())
    expect(tag).toMatchObject({ state: 'retrying', lastError: { kind: 'server', status: 500 } })
    expect(explainCommboxAnswer(tag.lastError!).title).toBe('CommBox had a problem (500)')
    await harness.settle(10 * 60_000)
    expect((await harness.db.outbox.get({ id: tag.id }))?.state).toBe('done')
  })
})
