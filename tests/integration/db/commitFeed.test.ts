import { randomUUID } from 'node:crypto'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InboxDatabase, type CommittedWrites } from '../../../src/renderer/db/database'
import { toConversationRow } from '../../../src/renderer/db/rows'

const row = (id: string, modifiedAt = '2026-11-21T10:00:00.000Z') =>
  toConversationRow({
    id, createdAt: '2026-11-20T10:00:00.000Z', modifiedAt, status: 'open', network: 'Facebook', itemType: 'Post',
    assigneeId: null, profileName: 'Acme', author: null, preview: 'Hi',
  })

let db: InboxDatabase
let seen: CommittedWrites[]

beforeEach(async () => {
  db = new InboxDatabase(`feed-${randomUUID()}`, { indexedDB, IDBKeyRange })
  await db.open()
  seen = []
  db.onCommit((writes) => seen.push(writes))
})

afterEach(async () => {
  await db.delete()
})

describe('the commit feed', () => {
  it('tells what a transaction wrote once it has committed, whoever wrote it', async () => {
    await db.transaction('rw', db.conversations, async () => {
      await db.conversations.bulkPut([row('a'), row('b')])
      await db.conversations.update('a', { seenAt: '2026-11-22T10:00:00.000Z' })
      expect(seen).toEqual([])
    })
    expect(seen).toHaveLength(1)
    const puts = (seen[0]!.changes.get('conversations') ?? []).map((change) => ('put' in change ? (change.put as { id: string; seenAt: string | null }) : null))
    expect(puts.map((written) => written?.id)).toEqual(['a', 'b', 'a'])
    expect(puts.at(-1)?.seenAt).toBe('2026-11-22T10:00:00.000Z')
  })

  it('keeps puts and deletes in the order they were made, and tells a cleared table as a range', async () => {
    await db.transaction('rw', db.conversations, async () => {
      await db.conversations.put(row('a'))
      await db.conversations.delete('a')
    })
    await db.conversations.clear()
    expect(seen[0]!.changes.get('conversations')).toEqual([{ put: row('a') }, { deletedKey: 'a' }])
    expect(seen[1]!.rangeDeleted.has('conversations')).toBe(true)
  })

  it('says nothing of a transaction that aborted', async () => {
    await expect(
      db.transaction('rw', db.conversations, async () => {
        await db.conversations.put(row('a'))
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect(seen).toEqual([])
    expect(await db.conversations.count()).toBe(0)
  })

  it('stops telling a listener that unsubscribed', async () => {
    const late: CommittedWrites[] = []
    const stop = db.onCommit((writes) => late.push(writes))
    stop()
    await db.conversations.put(row('a'))
    expect(late).toEqual([])
    expect(seen).toHaveLength(1)
  })
})
