import { describe, expect, it } from 'vitest'
import { heldReasons } from '../../../../src/renderer/sync/outbox/conflicts'
import { isTextOnTimeline } from '../../../../src/renderer/sync/outbox/verify'
import type { Conversation } from '../../../../src/shared/domain/conversation'
import type { TimelineEntry } from '../../../../src/shared/domain/timeline'

const ME = 'u-me'
const entry = (id: string, createdAt: string, content: string, createdBy: string | null, type = 'comment'): TimelineEntry => ({
  id, type, createdAt, content, createdBy, author: null, parentId: null, isInbound: createdBy === null, media: [],
})
const conversation = (changes: Partial<Conversation> = {}): Conversation => ({
  id: 'c1', createdAt: '2026-11-21T08:00:00.000Z', modifiedAt: null, status: 'open', network: 'Facebook', itemType: 'Post',
  assigneeId: ME, profileName: 'Acme', author: null, preview: null, ...changes,
})
const baseline = { status: 'open' as const, assigneeId: ME, newestEntryId: 'e1', newestEntryAt: '2026-11-21T09:00:00.000Z' }
const older = entry('e1', '2026-11-21T09:00:00.000Z', 'My order is late', null)

describe('heldReasons', () => {
  it('finds nothing when nothing happened', () => {
    expect(heldReasons({ baseline, conversation: conversation(), timeline: [older], meId: ME, ownTexts: [] })).toEqual([])
  })

  it('notices the customer writing again and quotes the newest message', () => {
    const timeline = [entry('e3', '2026-11-21T09:05:00.000Z', 'Hello??', null), entry('e2', '2026-11-21T09:02:00.000Z', 'Anyone?', null), older]
    expect(heldReasons({ baseline, conversation: conversation(), timeline, meId: ME, ownTexts: [] })).toEqual([
      { kind: 'customerWrote', count: 2, latestText: 'Hello??' },
    ])
  })

  it('notices another agent replying, but not my own queued replies or anyone’s notes', () => {
    const timeline = [
      entry('e4', '2026-11-21T09:06:00.000Z', 'internal', 'u-other', 'note'),
      entry('e3', '2026-11-21T09:05:00.000Z', 'my earlier reply', ME),
      entry('e2', '2026-11-21T09:02:00.000Z', 'Done!', 'u-other'),
      older,
    ]
    expect(heldReasons({ baseline, conversation: conversation(), timeline, meId: ME, ownTexts: ['my earlier reply'] })).toEqual([
      { kind: 'agentReplied', count: 1, latestText: 'Done!' },
    ])
  })

  it('notices reassignment and closing', () => {
    const reasons = heldReasons({ baseline, conversation: conversation({ assigneeId: 'u-other', status: 'closed' }), timeline: [older], meId: ME, ownTexts: [] })
    expect(reasons.map((reason) => reason.kind)).toEqual(['reassigned', 'closed'])
  })

  it('falls back to times when the baseline entry is no longer on the first page', () => {
    const timeline = [entry('e9', '2026-11-21T09:30:00.000Z', 'new', null), entry('e8', '2026-11-21T08:59:00.000Z', 'old', null)]
    expect(heldReasons({ baseline, conversation: conversation(), timeline, meId: ME, ownTexts: [] })).toEqual([
      { kind: 'customerWrote', count: 1, latestText: 'new' },
    ])
  })
})

describe('isTextOnTimeline', () => {
  const queuedAt = Date.parse('2026-11-21T09:00:00.000Z')
  const timeline = [entry('e2', '2026-11-21T09:01:00.000Z', 'Thanks!  ', ME), entry('e1', '2026-11-21T08:00:00.000Z', 'Thanks!', ME)]

  it('finds the text written after it was queued, ignoring spacing', () => {
    expect(isTextOnTimeline({ text: 'Thanks!', queuedAt, timeline, deliveredCopies: 0 })).toBe(true)
  })

  it('does not count a copy the outbox already knows it delivered', () => {
    expect(isTextOnTimeline({ text: 'Thanks!', queuedAt, timeline, deliveredCopies: 1 })).toBe(false)
  })

  it('does not count a copy from long before it was queued', () => {
    expect(isTextOnTimeline({ text: 'Thanks!', queuedAt: queuedAt + 3_600_000, timeline, deliveredCopies: 0 })).toBe(false)
  })
})
