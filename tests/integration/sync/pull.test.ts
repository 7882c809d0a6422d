import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { savedViewFilter } from '../../../src/renderer/db/viewFilters'
import { loadDraft, saveDraft } from '../../../src/renderer/sync/drafts'
import { INGEST_CHUNK, ingestConversations, refreshView } from '../../../src/renderer/sync/pull/conversationSync'
import { ORDER_STEP } from '../../../src/renderer/sync/pull/idOrder'
import { refreshReferenceData } from '../../../src/renderer/sync/pull/referenceSync'
import { loadOlderTimeline, refreshTimeline, type ReadTimeline } from '../../../src/renderer/sync/pull/timelineSync'
import { SyncService } from '../../../src/renderer/sync/syncService'
import { cacheConversation, createSyncHarness, type SyncHarness } from '../../support/sync/harness'

const LONG_POST = 'eit000000000002'
const DM = 'eit000000000001'
const noYield = async () => {}

let harness: SyncHarness
let read: ReadTimeline

beforeEach(async () => {
  harness = await createSyncHarness()
  read = (conversationId, lastLoadedId) => harness.remote.timelinePage(conversationId, lastLoadedId, 'user')
})

afterEach(async () => {
  await harness.close()
})

async function cachedTimelineIds(conversationId: string): Promise<string[]> {
  const rows = await harness.db.timeline.where('[conversationId+createdAt]').between([conversationId, ''], [conversationId, '\uffff']).reverse().toArray()
  return rows.map((row) => row.id)
}

async function serverTimelineIds(conversationId: string): Promise<string[]> {
  const ids: string[] = []
  let lastLoadedId: string | undefined
  for (;;) {
    const page = await read(conversationId, lastLoadedId)
    if (!page.ok) throw new Error(page.error.message)
    if (page.value.length === 0) return ids
    ids.push(...page.value.map((entry) => entry.id))
    lastLoadedId = page.value.at(-1)?.id
  }
}

describe('timelines', () => {
  it('loads the newest page, then older pages down to the start, with no gaps and no duplicates', async () => {
    await refreshTimeline(harness.db, read, LONG_POST, harness.clock.now())
    expect(await harness.db.timeline.where('conversationId').equals(LONG_POST).count()).toBe(20)
    for (;;) {
      const older = await loadOlderTimeline(harness.db, read, LONG_POST, harness.clock.now())
      if (!older.ok) throw new Error(older.error.message)
      if (older.value === 0) break
    }
    const cached = await cachedTimelineIds(LONG_POST)
    expect(cached).toEqual(await serverTimelineIds(LONG_POST))
    expect(new Set(cached).size).toBe(320)
    expect((await harness.db.timelineCursors.get(LONG_POST))?.hasReachedStart).toBe(true)
  })

  it('joins new entries to the cached ones without a gap', async () => {
    await refreshTimeline(harness.db, read, LONG_POST, harness.clock.now())
    await loadOlderTimeline(harness.db, read, LONG_POST, harness.clock.now())
    for (let i = 0; i < 30; i++) await harness.control.inbound({ conversationId: LONG_POST, from: 'customer', content: `follow-up ${i}` })
    await refreshTimeline(harness.db, read, LONG_POST, harness.clock.now())
    const cached = await cachedTimelineIds(LONG_POST)
    const server = await serverTimelineIds(LONG_POST)
    expect(cached).toEqual(server.slice(0, cached.length))
    expect(cached).toHaveLength(70)
  })

  it('drops the older cached entries rather than keep a hole when too much happened meanwhile', async () => {
    await refreshTimeline(harness.db, read, DM, harness.clock.now())
    for (let i = 0; i < 120; i++) await harness.control.inbound({ conversationId: DM, from: 'customer', content: `flood ${i}` })
    await refreshTimeline(harness.db, read, DM, harness.clock.now())
    const cached = await cachedTimelineIds(DM)
    const server = await serverTimelineIds(DM)
    expect(cached).toEqual(server.slice(0, cached.length))
    expect((await harness.db.timelineCursors.get(DM))?.oldestId).toBe(cached.at(-1))
  })

  it('writes only what changed: a refresh that finds nothing new leaves the cached rows and the conversation alone', async () => {
    await cacheConversation(harness, DM)
    await refreshTimeline(harness.db, read, DM, harness.clock.now())
    const written: string[] = []
    const stop = harness.db.onCommit((writes) => {
      for (const [table, changes] of writes.changes) if (table !== 'timelineCursors') written.push(`${table} ×${changes.length}`)
    })
    await refreshTimeline(harness.db, read, DM, harness.clock.now())
    expect(written).toEqual([])
    await harness.control.inbound({ conversationId: DM, from: 'customer', content: 'One more thing' })
    await refreshTimeline(harness.db, read, DM, harness.clock.now())
    stop()
    expect(written).toEqual(['timeline ×1', 'conversations ×1'])
  })

  it('keeps the newest text as the conversation’s snippet', async () => {
    await cacheConversation(harness, DM)
    await harness.control.inbound({ conversationId: DM, from: 'customer', content: 'Any news on my order?' })
    await refreshTimeline(harness.db, read, DM, harness.clock.now())
    expect((await harness.db.conversations.get(DM))?.snippet).toBe('Any news on my order?')
  })
})

describe('views', () => {
  it('caches a view from the API in chunks', async () => {
    const yields: number[] = []
    const result = await refreshView(harness.db, harness.remote, savedViewFilter('inbox', null), 'user', async () => void yields.push(1))
    expect(result.ok).toBe(true)
    const open = await harness.db.conversations.where('[status+sortAt]').between(['open', ''], ['open', '\uffff']).count()
    const total = await harness.remote.listConversations({ statuses: ['open'], count: 1 }, 'user')
    expect(total.ok && open).toBe(total.ok ? total.value.total : -1)
  })

  it('notices a conversation closed elsewhere and updates it', async () => {
    await refreshView(harness.db, harness.remote, savedViewFilter('inbox', null), 'user', noYield)
    const client = await harness.services.auth.oktopost()
    if (!client.ok) throw new Error('not signed in')
    await client.value.conversations.setStatus(DM, 'closed')
    const refreshed = await refreshView(harness.db, harness.remote, savedViewFilter('inbox', null), 'user', noYield)
    expect(refreshed.ok && refreshed.value.changedElsewhere).toEqual([DM])
    expect((await harness.db.conversations.get(DM))?.status).toBe('closed')
  })

  it('never undoes a change still waiting in the outbox', async () => {
    await refreshView(harness.db, harness.remote, savedViewFilter('inbox', null), 'user', noYield)
    await harness.engine.stop()
    await harness.queue({ kind: 'setStatus', conversationId: DM, status: 'closed' })
    await harness.queue({ kind: 'assign', conversationId: DM, assigneeId: '00A000000000004' })
    await refreshView(harness.db, harness.remote, {}, 'user', noYield)
    expect(await harness.db.conversations.get(DM)).toMatchObject({ status: 'closed', assigneeId: '00A000000000004' })
  })

  it('ingests thousands of conversations in chunks, yielding between them', async () => {
    const template = await harness.remote.getConversation(DM, 'user')
    if (!template.ok) throw new Error(template.error.message)
    // Four chunks, the last one short; few enough to be ordered in one step.
    const count = INGEST_CHUNK * 3 + 100
    const many = Array.from({ length: count }, (_, index) => ({ ...template.value, id: `bulk${index}` }))
    let yields = 0
    await ingestConversations(harness.db, many, async () => void yields++)
    expect(await harness.db.conversations.where('id').startsWith('bulk').count()).toBe(count)
    expect(yields).toBe(3)
  })
})

describe('ingesting conversations', () => {
  /** The list answer for these ids: list items carry no tags. */
  async function listAnswer(ids: readonly string[]) {
    const template = await harness.remote.getConversation(DM, 'user')
    if (!template.ok) throw new Error(template.error.message)
    const { tags: _tags, ...listed } = template.value
    return ids.map((id) => ({ ...listed, id, preview: `preview of ${id}` }))
  }
  const bulkIds = (count: number, step = 1) => Array.from({ length: count }, (_, index) => `bulk${String(index * step).padStart(4, '0')}`)

  /** Gives `id` what only the cache knows: tags from a single read, a snippet, when it was opened. */
  async function markCacheOnly(id: string) {
    await harness.db.conversations.update(id, { tags: [{ id: 't1', name: 'VIP' }], tagNames: ['VIP'], snippet: 'cached text', seenAt: '2026-11-01T00:00:00.000Z' })
  }

  /** Records the ids every later read-back asks for. */
  function recordReadBacks(): string[] {
    const asked: string[] = []
    const bulkGet = harness.db.conversations.bulkGet.bind(harness.db.conversations)
    harness.db.conversations.bulkGet = ((keys: string[]) => {
      asked.push(...keys)
      return bulkGet(keys)
    }) as typeof harness.db.conversations.bulkGet
    return asked
  }

  it('reads nothing back on a first sync into an empty cache', async () => {
    const asked = recordReadBacks()
    await ingestConversations(harness.db, (await listAnswer(bulkIds(1_200))).reverse(), noYield)
    expect(asked).toEqual([])
    expect(await harness.db.conversations.where('id').startsWith('bulk').count()).toBe(1_200)
  })

  it('keeps what only the cache knows, where few cached rows lie among the new ones and where many do', async () => {
    await ingestConversations(harness.db, await listAnswer(['bulk0250']), noYield)
    await markCacheOnly('bulk0250')
    const asked = recordReadBacks()
    await ingestConversations(harness.db, await listAnswer(bulkIds(500)), noYield)
    expect(asked).toEqual(['bulk0250'])
    expect(await harness.db.conversations.get('bulk0250')).toMatchObject({ tagNames: ['VIP'], snippet: 'cached text', seenAt: '2026-11-01T00:00:00.000Z', preview: 'preview of bulk0250' })
    expect((await harness.db.conversations.get('bulk0251'))?.snippet).toBeNull()

    // Now the range of the next answer is crowded with cached rows: every one is read back.
    await ingestConversations(harness.db, await listAnswer(bulkIds(2_000)), noYield)
    await markCacheOnly('bulk1200')
    asked.length = 0
    await ingestConversations(harness.db, await listAnswer(bulkIds(500, 4)), noYield)
    expect(asked).toHaveLength(500)
    expect(await harness.db.conversations.get('bulk1200')).toMatchObject({ tagNames: ['VIP'], snippet: 'cached text' })
    expect(await harness.db.conversations.get('bulk0250')).toMatchObject({ tagNames: ['VIP'], snippet: 'cached text' })
  })

  it('orders a large answer a step at a time, yielding between steps, and still writes the last answer for each', async () => {
    const answer = (await listAnswer(bulkIds(8_100))).reverse()
    answer.push({ ...answer[8_000]!, preview: 'given again' })
    let yields = 0
    await ingestConversations(harness.db, answer, async () => void yields++)
    expect(await harness.db.conversations.where('id').startsWith('bulk').count()).toBe(8_100)
    expect((await harness.db.conversations.get(answer[8_000]!.id))?.preview).toBe('given again')
    // A yield between each two chunks; two sorting slices (one yield between) and a merge of 8,101 (one before each step).
    expect(yields).toBe(Math.ceil(8_100 / INGEST_CHUNK) - 1 + 1 + Math.ceil(8_101 / ORDER_STEP))
  })

  it('writes the last answer when one conversation comes twice', async () => {
    const [first, second] = await listAnswer(['bulk0001', 'bulk0001'])
    await ingestConversations(harness.db, [{ ...first!, preview: 'older' }, { ...second!, preview: 'newer' }], noYield)
    expect((await harness.db.conversations.get('bulk0001'))?.preview).toBe('newer')
  })
})

describe('reference data', () => {
  it('caches tags, canned responses, users and credentials, and drops a tag deleted elsewhere from conversations', async () => {
    await cacheConversation(harness, DM)
    expect((await harness.db.conversations.get(DM))?.tagNames).toContain('Support')
    expect((await refreshReferenceData(harness.db, harness.remote, 'background')).ok).toBe(true)
    expect(await harness.db.tags.count()).toBeGreaterThanOrEqual(10)
    expect(await harness.db.cannedResponses.count()).toBe(12)
    expect(await harness.db.users.count()).toBe(6)
    expect(await harness.db.credentials.count()).toBe(9)
    const client = await harness.services.auth.oktopost()
    if (!client.ok) throw new Error('not signed in')
    const support = (await harness.db.tags.toArray()).find((tag) => tag.name === 'Support')
    await client.value.conversationTags.delete(support!.id)
    await refreshReferenceData(harness.db, harness.remote, 'background')
    expect((await harness.db.conversations.get(DM))?.tagNames).not.toContain('Support')
    expect(await harness.db.tags.get(support!.id)).toBeUndefined()
  })
})

describe('drafts', () => {
  it('keeps a draft per conversation, never shows it in another, and clears it when the reply is queued', async () => {
    await cacheConversation(harness, DM)
    await saveDraft(harness.db, { conversationId: DM, mode: 'reply', text: 'Half-written answer' }, harness.clock.now())
    expect((await loadDraft(harness.db, DM))?.text).toBe('Half-written answer')
    expect(await loadDraft(harness.db, LONG_POST)).toBeUndefined()
    const row = await harness.db.conversations.get(DM)
    await harness.queue({ kind: 'reply', conversationId: DM, network: row!.network, itemType: row!.itemType, message: 'Half-written answer, finished' })
    expect(await loadDraft(harness.db, DM)).toBeUndefined()
  })
})

describe('the sync service', () => {
  it('reads nothing before it starts, so the cached list paints first; a view chosen then is refreshed on start, and one chosen after at once', async () => {
    const sync = new SyncService({ db: harness.db, remote: harness.remote, clock: harness.clock, yieldNow: noYield, prefetchCount: 0 })
    await sync.setView(savedViewFilter('closed', null))
    expect(await harness.db.conversations.count()).toBe(0)
    await sync.start()
    sync.stop()
    const closed = await harness.db.conversations.count()
    expect(closed).toBeGreaterThan(0)
    expect(await harness.db.conversations.where('status').equals('open').count()).toBe(0)
    await sync.setView(savedViewFilter('inbox', null))
    expect(await harness.db.conversations.count()).toBeGreaterThan(closed)
  })

  it('refreshes the view and prefetches the newest open timelines for offline reading', async () => {
    const sync = new SyncService({ db: harness.db, remote: harness.remote, clock: harness.clock, yieldNow: noYield, prefetchCount: 5 })
    await sync.setView(savedViewFilter('inbox', null))
    await sync.start()
    sync.stop()
    const newest = await harness.db.conversations.where('[status+sortAt]').between(['open', ''], ['open', '\uffff']).reverse().limit(5).primaryKeys()
    for (const conversationId of newest) expect(await harness.db.timeline.where('conversationId').equals(conversationId).count()).toBeGreaterThan(0)
    expect(await harness.db.cannedResponses.count()).toBe(12)
  })
})
