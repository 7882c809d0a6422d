import { randomUUID } from 'node:crypto'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InboxDatabase } from '../../../src/renderer/db/database'
import { ListIndex } from '../../../src/renderer/db/listIndex'
import { toConversationRow, type ConversationRow, type TimelineRow } from '../../../src/renderer/db/rows'
import { savedViewFilter } from '../../../src/renderer/db/viewFilters'
import type { Conversation } from '../../../src/shared/domain/conversation'

const INBOX = savedViewFilter('inbox', 'me')

/** Conversation `n` of a cache: newer with every n, open when even, on Facebook unless said otherwise. */
function conversation(n: number, overrides: Partial<Conversation> = {}): ConversationRow {
  return toConversationRow({
    id: `eit${String(n).padStart(12, '0')}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    modifiedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    status: n % 2 === 0 ? 'open' : 'closed',
    network: 'Facebook',
    itemType: 'Post',
    assigneeId: null,
    profileName: 'Acme Support',
    author: { name: `Customer ${n}`, username: `customer${n}` },
    preview: `Opening message number ${n}`,
    tags: [],
    ...overrides,
  })
}

function entry(conversationId: string, id: string, content: string | null): TimelineRow {
  return { conversationId, id, type: 'comment', createdAt: '2026-01-02T00:00:00.000Z', content, createdBy: null, author: null, parentId: null, isInbound: true, media: [] }
}

let db: InboxDatabase
let index: ListIndex

async function openIndex(): Promise<ListIndex> {
  const opened = new ListIndex(db)
  await new Promise<void>((resolve) => {
    if (opened.isComplete) resolve()
    else opened.onChange(() => opened.isComplete && resolve())
  })
  return opened
}

const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id)

beforeEach(async () => {
  db = new InboxDatabase(`list-index-${randomUUID()}`, { indexedDB, IDBKeyRange })
  await db.open()
})

afterEach(async () => {
  index?.dispose()
  await db.delete()
})

describe('the list index', () => {
  it('reads the whole cache, newest change first, in chunks, and answers each view from it', async () => {
    const rows = Array.from({ length: 1_300 }, (_, n) => conversation(n))
    await db.conversations.bulkPut(rows)
    index = await openIndex()
    const open = rows.filter((row) => row.status === 'open').sort((a, b) => b.sortAt.localeCompare(a.sortAt))
    expect(ids(index.query(INBOX, []))).toEqual(ids(open))
    expect(index.query(savedViewFilter('closed', 'me'), [])).toHaveLength(650)
  })

  it('keeps rows that share a change time, in the order of the status index read backwards', async () => {
    const sameTime = { modifiedAt: '2026-03-01T00:00:00.000Z', status: 'open' } as const
    await db.conversations.bulkPut(Array.from({ length: 700 }, (_, n) => conversation(n, sameTime)))
    index = await openIndex()
    const expected = await db.conversations.where('[status+sortAt]').between(['open', ''], ['open', '\uffff']).reverse().primaryKeys()
    expect(ids(index.query(INBOX, []))).toEqual(expected)
  })

  it('applies the filters of the list and leaves out conversations gone from the server', async () => {
    await db.conversations.bulkPut([
      conversation(2, { network: 'Twitter', assigneeId: 'me', tags: [{ id: 't', name: 'VIP' }] }),
      conversation(4, { itemType: 'Mention' }),
      { ...conversation(6), isGone: true },
      conversation(8),
    ])
    index = await openIndex()
    expect(ids(index.query({ ...INBOX, networks: ['twitter'] }, []))).toEqual([conversation(2).id])
    expect(ids(index.query(savedViewFilter('mine', 'me'), []))).toEqual([conversation(2).id])
    expect(ids(index.query({ ...INBOX, tags: ['vip'] }, []))).toEqual([conversation(2).id])
    expect(ids(index.query({ ...INBOX, types: ['Mention'] }, []))).toEqual([conversation(4).id])
    expect(ids(index.query(INBOX, []))).toEqual([conversation(8).id, conversation(4).id, conversation(2).id])
  })

  it('follows every committed write: new, changed, moved up by new activity, deleted', async () => {
    await db.conversations.bulkPut([conversation(2), conversation(4), conversation(6)])
    index = await openIndex()
    await db.conversations.put(conversation(8))
    await db.conversations.update(conversation(2).id, { sortAt: '2027-01-01T00:00:00.000Z' })
    await db.conversations.update(conversation(4).id, { status: 'closed' })
    await db.conversations.delete(conversation(6).id)
    expect(ids(index.query(INBOX, []))).toEqual([conversation(2).id, conversation(8).id])
  })

  it('answers who has which conversations without reading the cache, following every write', async () => {
    await db.conversations.bulkPut([
      conversation(2, { assigneeId: 'me' }),
      conversation(3, { assigneeId: 'me' }),
      conversation(4, { assigneeId: 'someone' }),
      { ...conversation(5, { assigneeId: 'me' }), isGone: true },
    ])
    index = await openIndex()
    expect(ids(index.assignedTo('me'))).toEqual([conversation(3).id, conversation(2).id])
    await db.conversations.update(conversation(4).id, { assigneeKey: 'me' })
    await db.conversations.update(conversation(2).id, { assigneeKey: 'someone' })
    expect(ids(index.assignedTo('me'))).toEqual([conversation(4).id, conversation(3).id])
  })

  it('takes the last change of a row in a transaction: a row written then deleted is gone', async () => {
    await db.conversations.bulkPut([conversation(2), conversation(4)])
    index = await openIndex()
    await db.transaction('rw', db.conversations, async () => {
      await db.conversations.put(conversation(6))
      await db.conversations.delete(conversation(6).id)
      await db.conversations.delete(conversation(2).id)
      await db.conversations.put(conversation(2))
    })
    expect(ids(index.query(INBOX, []))).toEqual([conversation(4).id, conversation(2).id])
  })

  it('merges a large write in one pass, in order', async () => {
    await db.conversations.bulkPut(Array.from({ length: 100 }, (_, n) => conversation(n * 4)))
    index = await openIndex()
    await db.conversations.bulkPut(Array.from({ length: 100 }, (_, n) => conversation(n * 4 + 2)))
    const expected = await db.conversations.where('[status+sortAt]').between(['open', ''], ['open', '\uffff']).reverse().primaryKeys()
    expect(ids(index.query(INBOX, []))).toEqual(expected)
  })

  it('never lets a chunk read before a write put back what the write replaced', async () => {
    await db.conversations.bulkPut(Array.from({ length: 1_000 }, (_, n) => conversation(n * 2)))
    index = new ListIndex(db)
    await db.conversations.update(conversation(1_998).id, { status: 'closed' })
    await db.conversations.delete(conversation(0).id)
    await new Promise<void>((resolve) => index.onChange(() => index.isComplete && resolve()))
    const shown = ids(index.query(INBOX, []))
    expect(shown).toHaveLength(998)
    expect(shown).not.toContain(conversation(1_998).id)
    expect(shown).not.toContain(conversation(0).id)
  })

  it('searches each conversation’s own fields, without regard to case or accents', async () => {
    await db.conversations.bulkPut([conversation(2, { author: { name: 'José Álvarez', username: 'jose' } }), conversation(4)])
    index = await openIndex()
    expect(ids(index.query(INBOX, ['jose', 'alvarez']))).toEqual([conversation(2).id])
    expect(ids(index.query(INBOX, ['number', '4']))).toEqual([conversation(4).id])
    expect(index.query(INBOX, ['nowhere'])).toEqual([])
  })

  it('finds a conversation whose cached timeline has one entry with every word, including entries written later', async () => {
    const [first, second] = [conversation(2), conversation(4)]
    await db.conversations.bulkPut([first, second])
    await db.timeline.bulkPut([entry(first.id, 'e1', 'The refund was approved'), entry(second.id, 'e2', 'refund'), entry(second.id, 'e3', 'approved')])
    index = await openIndex()
    expect(ids(index.query(INBOX, ['refund', 'approved']))).toEqual([first.id])
    await db.timeline.put(entry(second.id, 'e4', 'Refund APPROVED today'))
    expect(ids(index.query(INBOX, ['refund', 'approved']))).toEqual([second.id, first.id])
    await db.timeline.delete([second.id, 'e4'])
    expect(ids(index.query(INBOX, ['refund', 'approved']))).toEqual([first.id])
  })

  it('shows what the server found for the same search too', async () => {
    await db.conversations.bulkPut([conversation(2), conversation(4)])
    index = await openIndex()
    expect(ids(index.query(INBOX, ['invoice'], new Set([conversation(4).id])))).toEqual([conversation(4).id])
  })

  it('reads everything again after a table was cleared', async () => {
    await db.conversations.bulkPut([conversation(2), conversation(4)])
    index = await openIndex()
    await db.conversations.clear()
    await db.conversations.put(conversation(6))
    await new Promise<void>((resolve) => (index.isComplete ? resolve() : index.onChange(() => index.isComplete && resolve())))
    expect(ids(index.query(INBOX, []))).toEqual([conversation(6).id])
  })

  it('hands over the rows of its first read while loading, and none once a write replaced them', async () => {
    await db.conversations.bulkPut(Array.from({ length: 1_000 }, (_, n) => conversation(n)))
    index = new ListIndex(db)
    await new Promise<void>((resolve) => index.onChange(() => resolve()))
    expect(index.firstReadRow(conversation(999).id)?.preview).toBe('Opening message number 999')
    await db.conversations.update(conversation(999).id, { preview: 'changed' })
    expect(index.firstReadRow(conversation(999).id)).toBeUndefined()
  })
})
