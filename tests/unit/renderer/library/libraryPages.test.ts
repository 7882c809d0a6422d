import { describe, expect, it } from 'vitest'
import {
  CANNED_ORDERS,
  CANNED_PAGE_SIZE,
  isTagNameTaken,
  localCannedPage,
  localTagPage,
  pageRange,
  pendingTagChanges,
  serverQuery,
  TAG_ORDERS,
  TAG_PAGE_SIZE,
} from '../../../../src/renderer/components/library/libraryPages'
import type { OutboxEntry } from '../../../../src/renderer/sync/outbox/entry'
import type { Operation } from '../../../../src/renderer/sync/outbox/operations'
import type { CannedResponse } from '../../../../src/shared/domain/cannedResponse'

function canned(name: string, createdAt: string): CannedResponse {
  return { id: `cnr-${name}`, name, content: `${name} text`, visibility: 'shared', createdAt, createdBy: null }
}

const responses = [canned('Welcome', '2025-01-03T00:00:00.000Z'), canned('closing', '2025-01-01T00:00:00.000Z'), canned('Refund issued', '2025-01-02T00:00:00.000Z')]

describe('asking Oktopost for a page', () => {
  it('sends _page, _count, _order and q as the list endpoints take them', () => {
    expect(serverQuery({ search: ' ref ', order: 'newest', page: 2 }, CANNED_ORDERS, CANNED_PAGE_SIZE)).toEqual({
      page: 2,
      count: 25,
      order: { field: 'created', direction: 'desc' },
      search: 'ref',
    })
  })

  it('lists conversation tags at most 20 a page, by name', () => {
    expect(serverQuery({ search: '', order: 'nameAsc', page: 0 }, TAG_ORDERS, TAG_PAGE_SIZE)).toEqual({ page: 0, count: 20, order: { field: 'name', direction: 'asc' } })
  })
})

describe('the same page from the cache', () => {
  it('sorts by name without regard to case, and by creation date', () => {
    expect(localCannedPage(responses, { search: '', order: 'nameAsc', page: 0 }).items.map((item) => item.name)).toEqual(['closing', 'Refund issued', 'Welcome'])
    expect(localCannedPage(responses, { search: '', order: 'newest', page: 0 }).items.map((item) => item.name)).toEqual(['Welcome', 'Refund issued', 'closing'])
  })

  it('searches names as Oktopost’s q does', () => {
    expect(localCannedPage(responses, { search: 'REF', order: 'nameAsc', page: 0 })).toEqual({ items: [responses[2]], total: 1 })
  })

  it('pages 20 tags at a time and reports the total', () => {
    const tags = Array.from({ length: 45 }, (_, index) => ({ id: `etg${index}`, name: `Tag ${String(index).padStart(2, '0')}` }))
    const third = localTagPage(tags, { search: '', order: 'nameAsc', page: 2 })
    expect(third.total).toBe(45)
    expect(third.items.map((tag) => tag.name)).toEqual(['Tag 40', 'Tag 41', 'Tag 42', 'Tag 43', 'Tag 44'])
    expect(localTagPage(tags, { search: '', order: 'nameDesc', page: 0 }).items[0]?.name).toBe('Tag 44')
  })
})

describe('the paging bar', () => {
  it('says which rows show', () => {
    expect(pageRange(1, 20, 20, 45)).toEqual({ first: 21, last: 40, total: 45 })
    expect(pageRange(0, 20, 0, 0)).toBeNull()
  })
})

function entry(seq: number, operation: Operation, state: OutboxEntry['state'], lastError: OutboxEntry['lastError'] = null): OutboxEntry {
  return { id: `e${seq}`, seq, orderingKey: 'tag:x', operation, state, attempts: 0, createdAt: 0, updatedAt: 0, sendAfter: 0, nextAttemptAt: 0, lastError, queuedOffline: false, baseline: null }
}

describe('changes to tags still in the outbox', () => {
  it('shows the newest unsent change of each tag, and a refusal with its reason', () => {
    const changes = pendingTagChanges([
      entry(1, { kind: 'renameTag', tagId: 'a', name: 'First' }, 'done'),
      entry(2, { kind: 'renameTag', tagId: 'a', name: 'Second' }, 'queued'),
      entry(3, { kind: 'deleteTag', tagId: 'b' }, 'retrying'),
      entry(4, { kind: 'renameTag', tagId: 'c', name: 'billing' }, 'needsAttention', { kind: 'conflict', message: 'taken' }),
      entry(5, { kind: 'note', conversationId: 'eit1', note: 'n' }, 'queued'),
    ])
    expect(Object.fromEntries(changes)).toEqual({
      a: { kind: 'rename', name: 'Second', entryId: 'e2' },
      b: { kind: 'delete', entryId: 'e3' },
      c: { kind: 'refused', error: { kind: 'conflict', message: 'taken' }, entryId: 'e4' },
    })
  })

  it('knows a tag name is taken whatever its case, except by the tag itself', () => {
    const tags = [{ id: 'a', name: 'Billing' }, { id: 'b', name: 'VIP' }]
    expect(isTagNameTaken('billing ', 'b', tags)).toBe(true)
    expect(isTagNameTaken('Billing', 'a', tags)).toBe(false)
  })
})
