import { describe, expect, it } from 'vitest'
import { buildTimeline, type TimelineEntryItem, type TimelineItem } from '../../../../src/renderer/conversation/timelineModel'
import type { TimelineRow } from '../../../../src/renderer/db/rows'
import type { OutboxEntry } from '../../../../src/renderer/sync/outbox/entry'

const customer = { name: 'Maria Lopez', username: 'marial' }
const other = { name: 'Tom Baker', username: 'tomb' }

function row(id: string, createdAt: string, extra: Partial<TimelineRow> = {}): TimelineRow {
  return {
    id,
    conversationId: 'c1',
    type: 'comment',
    createdAt,
    content: `text of ${id}`,
    createdBy: null,
    author: customer,
    parentId: null,
    isInbound: true,
    media: [],
    ...extra,
  }
}

const utcDay = (iso: string) => iso.slice(0, 10)
const build = (rows: TimelineRow[], outbox: OutboxEntry[] = []) =>
  buildTimeline({ rows, outbox: new Map(outbox.map((entry) => [entry.id, entry])), dayKey: utcDay })
const entries = (items: TimelineItem[]) => items.filter((item): item is TimelineEntryItem => item.kind === 'entry')
const shape = (items: TimelineItem[]) => items.map((item) => (item.kind === 'day' ? item.key : `${'  '.repeat(item.depth)}${item.key}`))

function outboxEntry(id: string, state: OutboxEntry['state'], parentCommentId?: string): OutboxEntry {
  return {
    id,
    orderingKey: 'conversation:c1',
    operation: { kind: 'reply', conversationId: 'c1', network: 'Facebook', itemType: 'Post', message: 'hi', ...(parentCommentId ? { parentCommentId } : {}) },
    state,
    attempts: 0,
    createdAt: 0,
    updatedAt: 0,
    sendAfter: 0,
    nextAttemptAt: 0,
    lastError: null,
    queuedOffline: false,
    baseline: null,
  }
}

describe('the timeline model', () => {
  it('puts the oldest entry at the top, whatever order the cache returned', () => {
    const items = build([row('b', '2025-03-10T12:00:00.000Z'), row('a', '2025-03-10T09:00:00.000Z')])
    expect(shape(items)).toEqual(['day:2025-03-10', 'a', 'b'])
  })

  it('opens each day with a divider', () => {
    const items = build([row('a', '2025-03-10T09:00:00.000Z'), row('b', '2025-03-11T09:00:00.000Z'), row('c', '2025-03-11T10:00:00.000Z')])
    expect(shape(items)).toEqual(['day:2025-03-10', 'a', 'day:2025-03-11', 'b', 'c'])
  })

  it('threads replies under the comment they answer, oldest first, one level deep', () => {
    const items = build([
      row('a', '2025-03-10T09:00:00.000Z'),
      row('b', '2025-03-10T10:00:00.000Z', { author: other }),
      row('a1', '2025-03-10T11:00:00.000Z', { parentId: 'a', author: other }),
      row('a2', '2025-03-10T12:00:00.000Z', { parentId: 'a1' }),
    ])
    expect(shape(items)).toEqual(['day:2025-03-10', 'a', '  a1', '  a2', 'b'])
    const [, a1, a2] = entries(items)
    expect(a1?.replyingTo).toBeNull()
    expect(a2?.replyingTo).toEqual({ kind: 'entry', entryId: 'a1', name: 'Tom Baker' })
  })

  it('marks a late reply in an older thread with its own date instead of opening a new day there', () => {
    const items = build([row('a', '2025-03-10T09:00:00.000Z'), row('b', '2025-03-12T09:00:00.000Z', { parentId: 'a' })])
    expect(shape(items)).toEqual(['day:2025-03-10', 'a', '  b'])
    expect(entries(items)[1]?.isOffDay).toBe(true)
  })

  it('says a comment answers an earlier one when that one is not loaded yet', () => {
    const [item] = entries(build([row('b', '2025-03-10T09:00:00.000Z', { parentId: 'older' })]))
    expect(item).toMatchObject({ depth: 0, replyingTo: { kind: 'earlier' } })
  })

  it('never loops on parents that point at each other or at later entries', () => {
    const items = build([row('a', '2025-03-10T09:00:00.000Z', { parentId: 'b' }), row('b', '2025-03-10T10:00:00.000Z', { parentId: 'a' })])
    expect(shape(items)).toEqual(['day:2025-03-10', 'a', '  b'])
  })

  it('tells customers, agents, notes, likes and shares apart', () => {
    const roles = entries(
      build([
        row('1', '2025-03-10T09:00:00.000Z', { type: 'message' }),
        row('2', '2025-03-10T09:01:00.000Z', { type: 'message', isInbound: false, createdBy: 'u1' }),
        row('3', '2025-03-10T09:02:00.000Z', { type: 'note', isInbound: false, createdBy: 'u1', author: null }),
        row('4', '2025-03-10T09:03:00.000Z', { type: 'like', content: '' }),
        row('5', '2025-03-10T09:04:00.000Z', { type: 'share' }),
        row('6', '2025-03-10T09:05:00.000Z', { type: 'message', isInbound: null, createdBy: 'u2' }),
        row('7', '2025-03-10T09:06:00.000Z', { type: 'checkin' }),
      ]),
    ).map((item) => item.role)
    expect(roles).toEqual(['customer', 'agent', 'note', 'like', 'share', 'agent', 'other'])
  })

  it('draws one header for a burst of messages by the same person', () => {
    const items = entries(
      build([
        row('a', '2025-03-10T09:00:00.000Z'),
        row('b', '2025-03-10T09:02:00.000Z'),
        row('c', '2025-03-10T09:30:00.000Z'),
        row('d', '2025-03-10T09:31:00.000Z', { author: other }),
      ]),
    )
    expect(items.map((item) => item.isContinuation)).toEqual([false, true, false, false])
  })

  it('shows a queued reply in place with its outbox entry, under the comment it answers', () => {
    const local = row('local:e1', '2025-03-10T11:00:00.000Z', {
      outboxEntryId: 'e1',
      createdBy: 'me',
      author: null,
      isInbound: false,
    })
    const items = build([row('a', '2025-03-10T09:00:00.000Z'), row('b', '2025-03-10T10:00:00.000Z'), local], [outboxEntry('e1', 'queued', 'a')])
    expect(shape(items)).toEqual(['day:2025-03-10', 'a', '  local:e1', 'b'])
    expect(entries(items)[1]).toMatchObject({ role: 'agent', outboxEntry: { id: 'e1', state: 'queued' } })
  })
})
