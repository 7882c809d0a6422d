import { randomUUID } from 'node:crypto'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InboxDatabase } from '../../../../src/renderer/db/database'
import { toConversationRow } from '../../../../src/renderer/db/rows'
import type { OutboxEntry } from '../../../../src/renderer/sync/outbox/entry'
import { pruneConversations } from '../../../../src/renderer/sync/pull/pruneConversations'
import type { Conversation } from '../../../../src/shared/domain/conversation'

let db: InboxDatabase

function conversation(index: number): Conversation {
  const at = new Date(Date.UTC(2025, 0, 1, 0, index)).toISOString()
  return {
    id: `eit${String(index).padStart(3, '0')}`,
    network: 'Facebook',
    itemType: 'Conversation',
    status: 'open',
    assigneeId: null,
    createdAt: at,
    modifiedAt: at,
    profileName: null,
    author: null,
    preview: null,
  }
}

function outboxEntry(conversationId: string, state: OutboxEntry['state']): OutboxEntry {
  return {
    id: randomUUID(),
    orderingKey: `conversation:${conversationId}`,
    operation: { kind: 'note', conversationId, note: 'pending' },
    state,
    attempts: 0,
    createdAt: 0,
    updatedAt: 0,
    sendAfter: 0,
    nextAttemptAt: 0,
    lastError: null,
    queuedOffline: true,
    baseline: null,
  }
}

async function cachedIds(): Promise<string[]> {
  return (await db.conversations.orderBy('sortAt').primaryKeys()).sort()
}

beforeEach(async () => {
  db = new InboxDatabase(`prune-${randomUUID()}`, { indexedDB, IDBKeyRange })
  await db.open()
  // eit001 is the oldest, eit010 the newest.
  await db.conversations.bulkPut(Array.from({ length: 10 }, (_, index) => toConversationRow(conversation(index + 1))))
  await db.timeline.bulkPut(
    Array.from({ length: 10 }, (_, index) => ({
      id: `t${index + 1}`,
      conversationId: conversation(index + 1).id,
      type: 'message',
      content: 'hello',
      createdAt: conversation(index + 1).createdAt,
      createdBy: null,
      author: null,
      parentId: null,
      isInbound: true,
      media: [],
    })),
  )
})

afterEach(async () => {
  db.close()
  await indexedDB.deleteDatabase(db.name)
})

describe('keeping the offline cache to the chosen size', () => {
  it('keeps the newest conversations and removes the rest with their timelines', async () => {
    expect(await pruneConversations(db, { keepNewest: 3 })).toBe(7)
    expect(await cachedIds()).toEqual(['eit008', 'eit009', 'eit010'])
    expect((await db.timeline.toArray()).map((row) => row.conversationId).sort()).toEqual(['eit008', 'eit009', 'eit010'])
  })

  it('never removes a conversation with a change still waiting in the outbox, or a draft', async () => {
    await db.outbox.bulkAdd([outboxEntry('eit001', 'needsAttention'), outboxEntry('eit002', 'done')])
    await db.drafts.put({ conversationId: 'eit003', mode: 'reply', text: 'half-written', updatedAt: 0 })
    await pruneConversations(db, { keepNewest: 2 })
    expect(await cachedIds()).toEqual(['eit001', 'eit003', 'eit009', 'eit010'])
  })

  it('keeps what the agent is looking at, however old', async () => {
    await pruneConversations(db, { keepNewest: 1, alsoKeep: ['eit004'] })
    expect(await cachedIds()).toEqual(['eit004', 'eit010'])
  })

  it('does nothing while the cache is within the limit', async () => {
    expect(await pruneConversations(db, { keepNewest: 10 })).toBe(0)
    expect(await cachedIds()).toHaveLength(10)
  })
})
