import { describe, expect, it } from 'vitest'
import { readOktopostComplaint } from '../../../../src/main/api/oktopost/errors'
import {
  toCannedResponse,
  toConversation,
  toCredential,
  toFieldName,
  toInstant,
  toMe,
  toOptionalInstant,
  toTimelineEntry,
  toUser,
} from '../../../../src/main/api/oktopost/mapping'
import { wireAnswers } from '../../../../src/main/api/oktopost/wire'
import { conversationSchema } from '../../../../src/shared/domain/conversation'
import { timelineEntrySchema } from '../../../../src/shared/domain/timeline'

/** Example results copied from the seed pages. */
const seedGetConversation = {
  Result: true,
  Conversation: {
    Id: 'eit000000000001',
    Created: '2025-03-10 14:22:00',
    Modified: '2025-03-12 09:15:30',
    Status: 'open',
    Network: 'LinkedIn',
    ItemType: 'conversation',
    AssigneeId: '00A000000000001',
    ProfileName: 'Acme Inc',
    Tags: [{ Id: 'etg000000000001', Name: 'Support' }],
  },
}

const seedTimeline = {
  Result: true,
  Timeline: [
    { Id: 'eat000000000001', Type: 'note', Created: '2025-03-12 09:15:30', Content: 'Following up with the customer.', CreatedBy: '00A000000000001' },
    { Id: 'eat000000000002', Type: 'share', Created: '2025-03-11 16:45:00', Content: 'Thanks for reaching out!' },
  ],
}

const seedCannedResponse = {
  Result: true,
  CannedResponse: {
    ID: 'cnr000000000001',
    Name: 'Welcome Reply',
    Content: 'Thanks for reaching out! How can we help you today?',
    Visibility: 'shared',
    Created: '2025-01-15 08:30:00',
    CreatedBy: { Id: '00A000000000001', Name: 'Jane Smith', Email: 'jane@example.com' },
  },
}

describe('Oktopost mapping', () => {
  it('reads zone-less API dates as UTC ISO instants', () => {
    expect(toInstant('2025-03-10 14:22:00')).toBe('2025-03-10T14:22:00.000Z')
    expect(toInstant('2025-03-10T14:22:00+02:00')).toBe('2025-03-10T12:22:00.000Z')
    expect(toOptionalInstant('0000-00-00 00:00:00')).toBeNull()
    expect(toOptionalInstant('')).toBeNull()
    expect(toOptionalInstant(undefined)).toBeNull()
  })

  it('maps the seed conversation, with its lowercase item type and its tags', () => {
    const wire = wireAnswers.conversation.parse(seedGetConversation)
    const conversation = toConversation(wire.Conversation)
    expect(conversation).toEqual({
      id: 'eit000000000001',
      createdAt: '2025-03-10T14:22:00.000Z',
      modifiedAt: '2025-03-12T09:15:30.000Z',
      status: 'open',
      network: 'LinkedIn',
      itemType: 'Conversation',
      assigneeId: '00A000000000001',
      profileName: 'Acme Inc',
      author: null,
      preview: null,
      tags: [{ id: 'etg000000000001', name: 'Support' }],
    })
    expect(conversationSchema.parse(conversation)).toEqual(conversation)
  })

  it('leaves tags out of list items (not said) and makes an empty assignee null', () => {
    const { Tags: _tags, ...listItem } = seedGetConversation.Conversation
    const wire = wireAnswers.conversation.parse({ Result: true, Conversation: { ...listItem, ItemType: 'Post', AssigneeId: '', Network: 'linkedin' } })
    const conversation = toConversation(wire.Conversation)
    expect('tags' in conversation).toBe(false)
    expect(conversation.assigneeId).toBeNull()
    expect(conversation.network).toBe('LinkedIn')
  })

  it('maps the seed timeline, keeping entries without an author', () => {
    const entries = wireAnswers.timeline.parse(seedTimeline).Timeline.map(toTimelineEntry)
    expect(entries[1]).toEqual({
      id: 'eat000000000002',
      type: 'share',
      createdAt: '2025-03-11T16:45:00.000Z',
      content: 'Thanks for reaching out!',
      createdBy: null,
      author: null,
      parentId: null,
      isInbound: null,
      media: [],
    })
    for (const entry of entries) expect(timelineEntrySchema.parse(entry)).toEqual(entry)
  })

  it('keeps the extras the sandbox sends', () => {
    const wire = wireAnswers.timeline.parse({
      Result: true,
      Timeline: [{ Id: 'eat9', Type: 'Comment', Created: '2025-03-11 16:45:00', Content: 'Hi', Author: { Name: 'Dana', Username: '@dana' }, ParentId: 'eat8', IsInbound: true, Media: ['https://x/1.png'] }],
    })
    expect(toTimelineEntry(wire.Timeline[0]!)).toMatchObject({ type: 'comment', author: { name: 'Dana', username: '@dana' }, parentId: 'eat8', isInbound: true, media: ['https://x/1.png'] })
  })

  it('maps canned responses (ID, not Id)', () => {
    const wire = wireAnswers.cannedResponse.parse(seedCannedResponse)
    expect(toCannedResponse(wire.CannedResponse)).toEqual({
      id: 'cnr000000000001',
      name: 'Welcome Reply',
      content: 'Thanks for reaching out! How can we help you today?',
      visibility: 'shared',
      createdAt: '2025-01-15T08:30:00.000Z',
      createdBy: { id: '00A000000000001', name: 'Jane Smith', email: 'jane@example.com' },
    })
  })

  it('maps me, users and credentials', () => {
    const me = wireAnswers.me.parse({
      Result: true,
      User: { Id: '00A1', Name: 'Jane', Email: 'jane@example.com', LastLogin: '2025-03-01 10:00:00' },
      Account: { Id: '00A0000000DEMO1', Name: 'Acme' },
    })
    expect(toMe(me)).toEqual({
      user: { id: '00A1', name: 'Jane', email: 'jane@example.com', lastLoginAt: '2025-03-01T10:00:00.000Z' },
      account: { id: '00A0000000DEMO1', name: 'Acme' },
    })
    const users = wireAnswers.userList.parse({ Result: true, Items: [{ Id: '00A2', Name: 'Sam', Email: 's@x', LastLogin: null, Role: 'Admin', Timezone: 'UTC' }], Total: '1' })
    expect(users.Total).toBe(1)
    expect(toUser(users.Items[0]!)).toEqual({ id: '00A2', name: 'Sam', email: 's@x', lastLoginAt: null, role: 'Admin', timezone: 'UTC' })
    const credentials = wireAnswers.credentialList.parse({
      Result: true,
      Items: [{ Id: 'cred1', Created: '2024-01-01 00:00:00', Name: 'Acme', DisplayName: 'Acme Inc', Status: 'active', Network: 'X', ImageLink: '', NetworkUsername: '@acme' }],
      Total: 1,
    })
    expect(toCredential(credentials.Items[0]!)).toEqual({
      id: 'cred1',
      createdAt: '2024-01-01T00:00:00.000Z',
      name: 'Acme',
      displayName: 'Acme Inc',
      status: 'active',
      network: 'Twitter',
      imageLink: null,
      networkUsername: '@acme',
    })
  })

  it('refuses unknown item types and statuses with the offending value', () => {
    const parsed = wireAnswers.conversation.safeParse({ ...seedGetConversation, Conversation: { ...seedGetConversation.Conversation, ItemType: 'Story' } })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toContain('"Story"')
  })
})

describe('Oktopost error bodies', () => {
  it('reads {Field:{Error}} and {Param:{get}} shapes', () => {
    expect(readOktopostComplaint({ Result: false, Errors: { note: { Error: 'Too long' }, Param: { get: 'Missing value for parameter postId' } } })).toEqual({
      message: 'Too long; Missing value for parameter postId',
      fields: { note: 'Too long', param: 'Missing value for parameter postId' },
    })
  })

  it('tolerates plain strings, lists and junk', () => {
    expect(readOktopostComplaint({ Errors: { name: 'Taken', tags: ['a', 'b'] } })).toEqual({ message: 'Taken; a; b', fields: { name: 'Taken', tags: 'a; b' } })
    expect(readOktopostComplaint({ Errors: ['Broken'] })).toEqual({ message: 'Broken', fields: {} })
    expect(readOktopostComplaint('<html>')).toEqual({ message: undefined, fields: {} })
    expect(readOktopostComplaint(undefined)).toEqual({ message: undefined, fields: {} })
  })

  it('names fields like the domain inputs', () => {
    expect(toFieldName('parent_comment_id')).toBe('parentCommentId')
    expect(toFieldName('API')).toBe('api')
    expect(toFieldName('Name')).toBe('name')
    expect(toFieldName('_count')).toBe('count')
    expect(toFieldName('tag', { tag: 'name' })).toBe('name')
  })
})
