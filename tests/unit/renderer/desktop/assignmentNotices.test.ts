import { describe, expect, it } from 'vitest'
import { toConversationRow, type ConversationRow } from '../../../../src/renderer/db/rows'
import { assignmentNotification, newlyAssigned } from '../../../../src/renderer/desktop/assignmentNotices'

const WATCHING_SINCE = Date.parse('2025-03-10T12:00:00.000Z')

function row(id: string, modifiedAt: string, overrides: Partial<ConversationRow> = {}): ConversationRow {
  return {
    ...toConversationRow({
      id,
      createdAt: '2025-01-01T00:00:00.000Z',
      modifiedAt,
      status: 'open',
      network: 'Facebook',
      itemType: 'Conversation',
      assigneeId: '00U1',
      profileName: 'Acme',
      author: { name: 'Dana Customer', username: 'dana' },
      preview: 'Where is my refund?',
    }),
    ...overrides,
  }
}

describe('noticing a conversation newly assigned to me', () => {
  it('announces nothing at the first reading: that is the baseline', () => {
    expect(newlyAssigned(null, [row('a', '2025-03-10T12:05:00.000Z')])).toEqual([])
  })

  it('announces a conversation that became mine after watching began', () => {
    const baseline = { ids: new Set(['a']), since: WATCHING_SINCE }
    const fresh = row('b', '2025-03-10T12:05:00.000Z')
    expect(newlyAssigned(baseline, [row('a', '2025-03-10T12:05:00.000Z'), fresh])).toEqual([fresh])
  })

  it('keeps quiet about an old conversation that merely reached the cache, or a closed one', () => {
    const baseline = { ids: new Set<string>(), since: WATCHING_SINCE }
    expect(newlyAssigned(baseline, [row('old', '2025-02-01T00:00:00.000Z'), row('closed', '2025-03-10T12:05:00.000Z', { status: 'closed' })])).toEqual([])
  })
})

describe('the notification', () => {
  it('names the customer, the network and what they wrote, as plain text', () => {
    expect(assignmentNotification([row('a', '2025-03-10T12:05:00.000Z')])).toEqual({
      title: 'Assigned to you',
      body: 'Dana Customer on Facebook: Where is my refund?',
    })
  })

  it('counts several at once and keeps the body short', () => {
    const many = Array.from({ length: 30 }, (_, index) => row(`c${index}`, '2025-03-10T12:05:00.000Z', { author: { name: `Customer number ${index}`, username: 'x' } }))
    const notification = assignmentNotification(many)
    expect(notification.title).toBe('30 conversations assigned to you')
    expect([...notification.body].length).toBeLessThanOrEqual(160)
    expect(notification.body.endsWith('…')).toBe(true)
  })
})
