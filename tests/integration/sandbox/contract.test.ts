/**
 * Contract tests: each example request on the Oktopost and CommBox reference pages, sent to the
 * sandbox, must come back in the documented envelope with the documented spellings.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { API_DATE, startClient, type SandboxClient } from './support'

const CONVERSATION_KEYS = ['Id', 'Created', 'Modified', 'Status', 'Network', 'ItemType', 'AssigneeId', 'ProfileName']
/** Sandbox extras, documented in src/sandbox/README.md. */
const CONVERSATION_EXTRAS = ['Author', 'Preview']

let api: SandboxClient

beforeAll(async () => {
  api = await startClient({ salesforceIntegrationId: 'sfint00000000001' })
})
afterAll(() => api.close())
beforeEach(() => api.reset())

describe('seed-conversations.txt', () => {
  it('lists conversations: GET /v2/conversation?status=open&type=Post,Mention', async () => {
    const { status, body } = await api.get('/conversation', { status: 'open', type: 'Post,Mention' })
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual(['Result', 'Conversations'])
    expect(body.Result).toBe(true)
    expect(Object.keys(body.Conversations)).toEqual(['Total', 'Items'])
    expect(body.Conversations.Total).toBeGreaterThan(body.Conversations.Items.length)
    for (const item of body.Conversations.Items) {
      expect(Object.keys(item)).toEqual([...CONVERSATION_KEYS, ...CONVERSATION_EXTRAS])
      expect(item.Id).toMatch(/^eit\d{12}$/)
      expect(item.Created).toMatch(API_DATE)
      expect(item.Modified).toMatch(API_DATE)
      expect(item.Status).toBe('open')
      expect(['Post', 'Mention']).toContain(item.ItemType)
      expect(typeof item.ProfileName).toBe('string')
    }
  })

  it('gets one conversation with its tags: GET /v2/conversation/eit000000000001', async () => {
    const { status, body } = await api.get('/conversation/eit000000000001')
    expect(status).toBe(200)
    expect(body).toEqual({
      Result: true,
      Conversation: {
        Id: 'eit000000000001',
        Created: expect.stringMatching(API_DATE),
        Modified: expect.stringMatching(API_DATE),
        Status: 'open',
        Network: 'Facebook',
        ItemType: 'conversation',
        AssigneeId: '00A000000000001',
        ProfileName: 'Acme Inc',
        Author: { Name: expect.any(String), Username: expect.any(String) },
        Preview: expect.any(String),
        Tags: [{ Id: 'etg000000000001', Name: 'Support' }],
      },
    })
  })

  it('updates the status: POST /v2/conversation/eit000000000001 status=closed', async () => {
    const { status, body } = await api.post('/conversation/eit000000000001', { status: 'closed' })
    expect(status).toBe(200)
    expect(body).toEqual({ Result: true })
  })

  it('gets the timeline: GET /v2/conversation/eit000000000001/timeline', async () => {
    await api.post('/conversation/eit000000000001/note', { note: 'Following up with the customer.' })
    const { status, body } = await api.get('/conversation/eit000000000001/timeline')
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual(['Result', 'Timeline'])
    const [note, opening] = body.Timeline
    expect(note).toEqual({
      Id: expect.stringMatching(/^eat\d{12}$/),
      Type: 'note',
      Created: expect.stringMatching(API_DATE),
      Content: 'Following up with the customer.',
      CreatedBy: '00A000000000001',
      IsInbound: false,
    })
    expect(opening).toMatchObject({ Id: expect.stringMatching(/^eat\d{12}$/), Type: 'message', Created: expect.stringMatching(API_DATE) })
    expect(opening).not.toHaveProperty('CreatedBy')
  })

  it('assigns with a note: POST /v2/conversation/eit000000000001/assign', async () => {
    const { status, body } = await api.post('/conversation/eit000000000001/assign', {
      assignee_id: '00A000000000002',
      note: 'Please handle this VIP customer',
    })
    expect(status).toBe(200)
    expect(body).toEqual({ Result: true, Assignment: { ItemId: 'eit000000000001', AssigneeId: '00A000000000002' } })
  })

  it('adds a note: POST /v2/conversation/eit000000000001/note', async () => {
    const { status, body } = await api.post('/conversation/eit000000000001/note', { note: 'Escalated to engineering team' })
    expect(status).toBe(200)
    expect(body).toEqual({
      Result: true,
      Note: {
        Id: expect.stringMatching(/^eat\d{12}$/),
        Type: 'note',
        Created: expect.stringMatching(API_DATE),
        Content: 'Escalated to engineering team',
        CreatedBy: '00A000000000001',
        IsInbound: false,
      },
    })
  })

  it('replaces tags: POST /v2/conversation/eit000000000001/tag tags[]=Support tags[]=VIP', async () => {
    const { status, body } = await api.post('/conversation/eit000000000001/tag', { tags: ['Support', 'VIP'] })
    expect(status).toBe(200)
    expect(body).toEqual({
      Result: true,
      Tags: [
        { Id: 'etg000000000001', Name: 'Support' },
        { Id: 'etg000000000002', Name: 'VIP' },
      ],
    })
  })

  it('replies to a DM: POST /v2/conversation/eit000000000001/reply', async () => {
    const { status, body } = await api.post('/conversation/eit000000000001/reply', {
      message: "Thanks for reaching out! We'll look into this right away.",
    })
    expect(status).toBe(200)
    expect(body).toEqual({ Result: true })
  })

  it('replies to a public comment with threading: POST /v2/conversation/eit000000000002/reply', async () => {
    const { status, body } = await api.post('/conversation/eit000000000002/reply', {
      message: 'Thanks for the feedback!',
      parent_comment_id: 'eit000000000003',
    })
    expect(status).toBe(200)
    expect(body).toEqual({ Result: true })
    const timeline = await api.get('/conversation/eit000000000002/timeline')
    expect(timeline.body.Timeline[0]).toMatchObject({
      Type: 'comment', Content: 'Thanks for the feedback!', ParentId: 'eit000000000003', CreatedBy: '00A000000000001',
    })
  })

  it('creates a Salesforce case: POST /v2/conversation/eit000000000001/create-case', async () => {
    const { status, body } = await api.post('/conversation/eit000000000001/create-case', {
      integration_id: 'sfint00000000001',
      case_owner: '005000000000001',
      contact_id: '003000000000001',
      case_description: 'Customer reported an issue with login',
    })
    expect(status).toBe(200)
    expect(body).toEqual({ Result: true })
  })
})

describe('seed-conversation-tags.txt', () => {
  it('lists tags: GET /v2/conversation-tag', async () => {
    const { status, body } = await api.get('/conversation-tag')
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual(['Result', 'Items', 'Total'])
    expect(body.Items.slice(0, 2)).toEqual([
      { Id: 'etg000000000001', Value: 'Support' },
      { Id: 'etg000000000002', Value: 'VIP' },
    ])
    expect(body.Total).toBe(body.Items.length)
  })

  it('gets a tag: GET /v2/conversation-tag/etg000000000001', async () => {
    const { status, body } = await api.get('/conversation-tag/etg000000000001')
    expect(status).toBe(200)
    expect(body).toEqual({ Result: true, Tag: { Id: 'etg000000000001', Value: 'Support' } })
  })

  it('renames a tag: POST /v2/conversation-tag/etg000000000001 tag="Customer Support"', async () => {
    const { status, body } = await api.post('/conversation-tag/etg000000000001', { tag: 'Customer Support' })
    expect(status).toBe(200)
    expect(body).toEqual({ Result: true })
  })

  it('deletes a tag: DELETE /v2/conversation-tag/etg000000000001', async () => {
    const { status, body } = await api.delete('/conversation-tag/etg000000000001')
    expect(status).toBe(200)
    expect(body).toEqual({ Result: true })
  })
})

describe('seed-canned-responses.txt', () => {
  const welcome = {
    ID: 'cnr000000000001',
    Name: 'Welcome Reply',
    Content: 'Thanks for reaching out! How can we help you today?',
    Visibility: 'shared',
    Created: '2025-01-15 08:30:00',
    CreatedBy: { Id: '00A000000000001', Name: 'Jane Smith', Email: 'jane@example.com' },
  }
  const followUp = {
    ID: 'cnr000000000002',
    Name: 'Follow-up',
    Content: 'Just checking in — were we able to resolve your question?',
    Visibility: 'private',
    Created: '2025-02-20 14:00:00',
    CreatedBy: { Id: '00A000000000001', Name: 'Jane Smith', Email: 'jane@example.com' },
  }

  it('lists canned responses: GET /v2/canned-response', async () => {
    const { status, body } = await api.get('/canned-response')
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual(['Result', 'Items', 'Total'])
    expect(body.Items.slice(0, 2)).toEqual([welcome, followUp])
    expect(body.Total).toBe(12)
  })

  it('gets a canned response: GET /v2/canned-response/cnr000000000001', async () => {
    const { status, body } = await api.get('/canned-response/cnr000000000001')
    expect(status).toBe(200)
    expect(body).toEqual({ Result: true, CannedResponse: welcome })
  })

  it('creates a canned response: POST /v2/canned-response', async () => {
    const { status, body } = await api.post('/canned-response', {
      name: 'Pricing Inquiry',
      content: "Thanks for your interest! I'd be happy to walk you through our plans.",
      visibility: 'shared',
    })
    expect(status).toBe(200)
    expect(body).toEqual({
      Result: true,
      CannedResponse: {
        ID: expect.stringMatching(/^cnr\d{12}$/),
        Name: 'Pricing Inquiry',
        Content: "Thanks for your interest! I'd be happy to walk you through our plans.",
        Visibility: 'shared',
        Created: expect.stringMatching(API_DATE),
        CreatedBy: { Id: '00A000000000001', Name: 'Jane Smith', Email: 'jane@example.com' },
      },
    })
  })
})

describe('seed-commbox-create-tag.txt', () => {
  it('creates a tag: POST /commbox/tags', async () => {
    const { status, body } = await api.commbox({
      data: { Name: 'My new Miss tag', Type: 3, TagGroupId: 0, ObjectTag: true, UserTag: false, ChildTag: false },
    })
    expect(status).toBe(200)
    expect(body).toEqual({
      status: '200',
      description: 'Operation successful',
      response_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
      data: { id: '21221' },
    })
  })

  it.each([
    [400, 'Bad Request', { data: { Name: '' } }, 'sandbox-commbox-token'],
    [401, 'Unauthorized', { data: { Name: 'x' } }, 'wrong-token'],
  ])('answers %i in the documented error shape', async (expected, description, payload, token) => {
    const { status, body } = await api.commbox(payload, token)
    expect(status).toBe(expected)
    expect(body).toEqual({
      status: expected,
      description: expect.stringMatching(new RegExp(`^${description}`)),
      response_time: expect.any(String),
    })
  })
})

describe('api/README.md endpoints beyond the seed pages', () => {
  it('GET /v2/me answers the key owner and the account', async () => {
    const { status, body } = await api.get('/me')
    expect(status).toBe(200)
    expect(body).toEqual({
      Result: true,
      User: { Id: '00A000000000001', Name: 'Jane Smith', Email: 'jane@example.com', LastLogin: expect.stringMatching(API_DATE) },
      Account: { Id: '00A0000000DEMO1', Name: 'Acme Inc' },
    })
  })

  it('GET /v2/user answers Items and Total', async () => {
    const { body } = await api.get('/user', { _count: '2' })
    expect(Object.keys(body)).toEqual(['Result', 'Items', 'Total'])
    expect(body.Total).toBe(6)
    expect(body.Items).toHaveLength(2)
    expect(Object.keys(body.Items[0])).toEqual(['Id', 'Name', 'Email', 'LastLogin', 'Role', 'Timezone'])
  })

  it('GET /v2/credential answers Items and Total', async () => {
    const { body } = await api.get('/credential', { network: 'Twitter' })
    expect(Object.keys(body)).toEqual(['Result', 'Items', 'Total'])
    expect(body.Items.length).toBeGreaterThan(0)
    for (const credential of body.Items) {
      expect(Object.keys(credential)).toEqual(['Id', 'Created', 'Name', 'DisplayName', 'Status', 'Network', 'ImageLink', 'NetworkUsername'])
      expect(credential.Network).toBe('Twitter')
    }
  })
})
