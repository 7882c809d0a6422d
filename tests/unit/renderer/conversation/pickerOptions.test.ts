import { describe, expect, it } from 'vitest'
import { assigneeOptions, tagOptions, toggleTag } from '../../../../src/renderer/conversation/pickerOptions'
import type { TagRow, UserRow } from '../../../../src/renderer/db/rows'

const user = (id: string, name: string, email: string): UserRow => ({ id, name, email, lastLoginAt: null, role: null, timezone: null })
const users = [user('u1', 'Jane Smith', 'jane@example.com'), user('u2', 'Omar Haddad', 'omar@example.com'), user('u5', 'Hannah Müller', 'hannah@example.com')]
const context = { meId: 'u1', meLabel: 'Assign to me', currentAssigneeId: 'u2', query: '' }

describe('assignee options', () => {
  it('lists the agent first, then teammates by name, marking the current assignee', () => {
    const options = assigneeOptions(users, context)
    expect(options.map((option) => [option.id, option.isMe, option.isCurrent])).toEqual([
      ['u1', true, false],
      ['u5', false, false],
      ['u2', false, true],
    ])
  })

  it('narrows by name or email, ignoring case and accents', () => {
    expect(assigneeOptions(users, { ...context, query: 'muller' }).map((option) => option.id)).toEqual(['u5'])
    expect(assigneeOptions(users, { ...context, query: 'OMAR@' }).map((option) => option.id)).toEqual(['u2'])
  })

  it('keeps "me" when the agent types "me"', () => {
    expect(assigneeOptions(users, { ...context, query: 'me' })[0]?.isMe).toBe(true)
  })
})

describe('tag options', () => {
  const tags: TagRow[] = [{ id: 't1', name: 'Support' }, { id: 't2', name: 'VIP' }, { id: 't3', name: 'Billing' }]

  it('lists known tags by name with the selected ones marked', () => {
    expect(tagOptions(tags, ['VIP'], '')).toEqual([
      { kind: 'existing', name: 'Billing', isSelected: false },
      { kind: 'existing', name: 'Support', isSelected: false },
      { kind: 'existing', name: 'VIP', isSelected: true },
    ])
  })

  it('offers to create a tag nobody has yet, but not one that differs only in case', () => {
    expect(tagOptions(tags, [], 'Refund').at(-1)).toEqual({ kind: 'create', name: 'Refund' })
    expect(tagOptions(tags, [], 'vip')).toEqual([{ kind: 'existing', name: 'VIP', isSelected: false }])
  })

  it('keeps selected tags the cache doesn’t know yet', () => {
    expect(tagOptions(tags, ['Brand new'], 'brand new')).toEqual([{ kind: 'existing', name: 'Brand new', isSelected: true }])
  })

  it('toggles by name without regard to case, keeping the chosen order', () => {
    expect(toggleTag(['VIP', 'Support'], 'vip')).toEqual(['Support'])
    expect(toggleTag(['VIP'], 'Billing')).toEqual(['VIP', 'Billing'])
  })
})
