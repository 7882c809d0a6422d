import { randomUUID } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { beforeAll, describe, expect, it } from 'vitest'
import { InboxDatabase } from '../../src/renderer/db/database'
import type { ConversationRow } from '../../src/renderer/db/rows'
import { enqueue } from '../../src/renderer/sync/outbox/enqueue'
import type { Operation } from '../../src/renderer/sync/outbox/operations'
import { ingestConversations, INGEST_CHUNK } from '../../src/renderer/sync/pull/conversationSync'
import type { Conversation } from '../../src/shared/domain/conversation'
import { Random } from '../integration/fuzz/support/random'
import { ManualClock } from '../support/manualClock'
import { ME_ID } from '../support/sync/harness'

/**
 * The renderer killed again and again while a refresh writes conversations into the cache
 * (IndexedDB from fake-indexeddb): while the browser has the thread between chunks, and in the
 * middle of a chunk's transaction. After every kill the database opens, every row is whole,
 * each chunk is all there or not at all, the outbox is untouched, and the next refresh finishes
 * the job.
 */
const random = new Random(20261121)
const clock = new ManualClock()

async function openDatabase(name: string): Promise<InboxDatabase> {
  const db = new InboxDatabase(name, { indexedDB, IDBKeyRange })
  await db.open()
  return db
}

describe('killed mid-ingest', () => {
  /** Three chunks of INGEST_CHUNK rows, so the process can die between chunks and inside one. */
  const COUNT = INGEST_CHUNK * 2 + 100
  const CYCLES = 10
  const name = `crash-ingest-${randomUUID()}`
  const versions = [conversations(COUNT, 'first'), conversations(COUNT, 'second')] as const
  const pending: Operation = { kind: 'setStatus', conversationId: 'cnv00007', status: 'closed' }
  let expected: Map<string, ConversationRow>[]

  /** Each version's rows, from an ingest nobody interrupted (over the same pending outbox). */
  beforeAll(async () => {
    expected = await Promise.all(
      versions.map(async (version, index) => {
        const reference = await openDatabase(`${name}-reference-${index}`)
        await enqueue(reference, pending, { now: clock.now(), newId: randomUUID, meId: ME_ID, isOffline: false, undoWindowMs: 0 })
        await ingestConversations(reference, version, async () => {})
        const rows = new Map((await reference.conversations.toArray()).map((row) => [row.id, row]))
        reference.close()
        await indexedDB.deleteDatabase(reference.name)
        return rows
      }),
    )
  })

  it(`keeps every row whole and every chunk all-or-nothing through ${CYCLES} kills, then finishes the ingest`, async () => {
    let db = await openDatabase(name)
    await enqueue(db, pending, { now: clock.now(), newId: randomUUID, meId: ME_ID, isOffline: false, undoWindowMs: 0 })
    await ingestConversations(db, versions[0], async () => {})
    const outboxBefore = await db.outbox.toArray()
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const [from, to]: [0 | 1, 0 | 1] = cycle % 2 === 0 ? [0, 1] : [1, 0]
      const crashAtChunk = random.int(1, 2)
      const isInsideTransaction = cycle % 3 === 2
      const dying = isInsideTransaction ? dieInsideChunk(db, crashAtChunk) : dieAfterChunks(crashAtChunk)
      void ingestConversations(db, versions[to], dying.yieldNow).catch(() => {})
      await dying.hasDied

      db.close()
      db = await openDatabase(name)
      const rows = new Map((await db.conversations.toArray()).map((row) => [row.id, row]))
      expect(rows.size).toBe(COUNT)
      // The chunks before the one that died are the new version, whole; the rest the old one, whole.
      const mismatched = versions[to].filter((conversation, position) => {
        const isWritten = Math.floor(position / INGEST_CHUNK) < crashAtChunk
        return !isDeepStrictEqual(rows.get(conversation.id), expected[isWritten ? to : from]!.get(conversation.id))
      })
      expect(mismatched.map((conversation) => conversation.id)).toEqual([])
      expect(await db.outbox.toArray()).toEqual(outboxBefore)

      await ingestConversations(db, versions[to], async () => {})
      expect(new Map((await db.conversations.toArray()).map((row) => [row.id, row]))).toEqual(expected[to])
    }
    db.close()
    await indexedDB.deleteDatabase(name)
  })
})

interface Dying {
  yieldNow: () => Promise<void>
  hasDied: Promise<void>
}

/** The process dies while the browser has the thread between chunks: after `chunks` chunks were committed. */
function dieAfterChunks(chunks: number): Dying {
  let yields = 0
  let die: () => void = () => {}
  const hasDied = new Promise<void>((resolve) => (die = resolve))
  return {
    hasDied,
    yieldNow: () => {
      yields += 1
      if (yields < chunks) return Promise.resolve()
      die()
      return new Promise(() => {})
    },
  }
}

/** The process dies in the middle of writing chunk number `chunk` (0-based), inside its transaction. */
function dieInsideChunk(db: InboxDatabase, chunk: number): Dying {
  let rowsWritten = 0
  let die: () => void = () => {}
  const hasDied = new Promise<void>((resolve) => (die = resolve))
  const realBulkPut = db.conversations.bulkPut.bind(db.conversations)
  // A chunk is written in several calls; the first call reaching into chunk number `chunk` dies halfway.
  db.conversations.bulkPut = (async (rows: ConversationRow[]) => {
    const isBeforeTheChunk = rowsWritten + rows.length <= chunk * INGEST_CHUNK
    rowsWritten += rows.length
    if (isBeforeTheChunk) return realBulkPut(rows)
    await realBulkPut(rows.slice(0, rows.length / 2))
    setTimeout(die, 0)
    // An uncommitted transaction of a dead process is rolled back; an exception does the same here.
    throw new Error('the renderer was killed mid-transaction')
  }) as typeof db.conversations.bulkPut
  return { hasDied, yieldNow: async () => {} }
}

function conversations(count: number, version: 'first' | 'second'): Conversation[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `cnv${String(index).padStart(5, '0')}`,
    createdAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
    modifiedAt: new Date(Date.UTC(2026, 5, version === 'first' ? 1 : 2) + index * 60_000).toISOString(),
    status: (index % 3 === 0) === (version === 'first') ? 'open' : 'closed',
    network: 'Facebook',
    itemType: 'Conversation',
    assigneeId: version === 'first' ? null : '00A000000000002',
    profileName: 'Brand',
    author: { name: `Customer ${index}`, username: `customer${index}` },
    preview: `${version} version of conversation ${index}`,
  }))
}
