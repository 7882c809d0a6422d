import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startClient, type Json, type SandboxClient } from './support'

let api: SandboxClient

beforeAll(async () => {
  api = await startClient()
})
afterAll(() => api.close())
beforeEach(() => api.reset())

async function newestEntry(conversationId: string): Promise<Json> {
  return (await api.get(`/conversation/${conversationId}/timeline`)).body.Timeline[0]
}

/** The first open item of a given type and network (the seed walks every combination first). */
async function findItem(itemType: string, network: string, status = 'open'): Promise<Json> {
  const { body } = await api.get('/conversation', { type: itemType, network, status, _count: '1', _order: 'Created,1' })
  const item = body.Conversations.Items[0]
  if (item === undefined) throw new Error(`no ${status} ${itemType} on ${network}`)
  return item
}

describe('assign', () => {
  it('assigns and puts the note in the timeline as the newest entry', async () => {
    await api.post('/conversation/eit000000000003/assign', { assignee_id: '00A000000000004', note: 'Over to you, Carlos' })
    expect((await api.get('/conversation/eit000000000003')).body.Conversation.AssigneeId).toBe('00A000000000004')
    expect(await newestEntry('eit000000000003')).toMatchObject({ Type: 'note', Content: 'Over to you, Carlos', CreatedBy: '00A000000000001' })
  })

  it('adds no note when none is given', async () => {
    const before = await newestEntry('eit000000000003')
    await api.post('/conversation/eit000000000003/assign', { assignee_id: '00A000000000004' })
    expect((await newestEntry('eit000000000003')).Id).toBe(before.Id)
  })

  it('refuses an unknown user and a missing assignee', async () => {
    expect((await api.post('/conversation/eit000000000003/assign', { assignee_id: '00A000000000099' })).body.Errors.assignee_id.Error)
      .toMatch(/Unknown user/)
    expect((await api.post('/conversation/eit000000000003/assign', {})).status).toBe(400)
  })
})

describe('notes and the 10,000 character limit', () => {
  it('accepts exactly 10,000 characters, counting an emoji as one', async () => {
    const note = '😀'.repeat(10_000)
    const { status } = await api.post('/conversation/eit000000000003/note', { note })
    expect(status).toBe(200)
    expect((await newestEntry('eit000000000003')).Content).toBe(note)
  })

  it('refuses 10,001 characters and an empty note', async () => {
    const tooLong = await api.post('/conversation/eit000000000003/note', { note: 'x'.repeat(10_001) })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.Errors.note.Error).toMatch(/10000/)
    expect((await api.post('/conversation/eit000000000003/note', { note: '   ' })).status).toBe(400)
  })
})

describe('tags on a conversation', () => {
  it('replaces the whole list and creates tags for unknown names', async () => {
    const { body } = await api.post('/conversation/eit000000000001/tag', { tags: ['VIP', 'Escalated 🔥'] })
    expect(body.Tags.map((tag: Json) => tag.Name)).toEqual(['VIP', 'Escalated 🔥'])
    const created = body.Tags[1]
    expect(created.Id).toMatch(/^etg\d{12}$/)
    const list = (await api.get('/conversation-tag', { q: 'escalated' })).body.Items
    expect(list).toEqual([{ Id: created.Id, Value: 'Escalated 🔥' }])
    expect((await api.get('/conversation/eit000000000001')).body.Conversation.Tags).toEqual(body.Tags)
  })

  it('matches existing tag names without regard to case', async () => {
    const { body } = await api.post('/conversation/eit000000000001/tag', { tags: ['billing'] })
    expect(body.Tags).toEqual([{ Id: 'etg000000000003', Name: 'Billing' }])
  })

  it('clears the list with an empty tags field', async () => {
    const { body } = await api.post('/conversation/eit000000000001/tag', { tags: '' })
    expect(body.Tags).toEqual([])
  })

  it('refuses a missing list and names over 64 characters', async () => {
    expect((await api.post('/conversation/eit000000000001/tag', {})).status).toBe(400)
    expect((await api.post('/conversation/eit000000000001/tag', { tags: ['x'.repeat(64)] })).status).toBe(200)
    expect((await api.post('/conversation/eit000000000001/tag', { tags: ['x'.repeat(65)] })).body.Errors.tags.Error).toMatch(/64/)
  })
})

describe('reply', () => {
  const directMessageNetworks = [['Facebook', true], ['Twitter', true], ['LinkedIn', true], ['Instagram', false], ['YouTube', false], ['TikTok', false]] as const

  it.each(directMessageNetworks)('replies to a Conversation (DM) on %s: allowed=%s', async (network, isAllowed) => {
    const item = await findItem('Conversation', network)
    const { status, body } = await api.post(`/conversation/${item.Id}/reply`, { message: 'Hello from the sandbox test' })
    expect(status).toBe(isAllowed ? 200 : 400)
    if (isAllowed) {
      expect(body).toEqual({ Result: true })
      expect(await newestEntry(item.Id)).toMatchObject({ Type: 'message', Content: 'Hello from the sandbox test', IsInbound: false })
    } else {
      expect(body.Errors.API.Error).toMatch(/not supported/)
    }
  })

  it.each(['Post', 'Mention', 'Reply'].flatMap((type) =>
    ['Facebook', 'Twitter', 'LinkedIn', 'Instagram', 'TikTok', 'YouTube'].map((network) => [type, network] as const),
  ))('comments on a %s on %s', async (itemType, network) => {
    const item = await findItem(itemType, network)
    expect((await api.post(`/conversation/${item.Id}/reply`, { message: 'Thanks!' })).status).toBe(200)
    expect(await newestEntry(item.Id)).toMatchObject({ Type: 'comment', Content: 'Thanks!', CreatedBy: '00A000000000001' })
  })

  it('refuses a closed item and accepts it again once re-opened', async () => {
    const item = await findItem('Post', 'Facebook', 'closed')
    const refused = await api.post(`/conversation/${item.Id}/reply`, { message: 'Hi' })
    expect(refused.status).toBe(400)
    expect(refused.body.Errors.API.Error).toMatch(/closed/)
    await api.post(`/conversation/${item.Id}`, { status: 'open' })
    expect((await api.post(`/conversation/${item.Id}/reply`, { message: 'Hi' })).status).toBe(200)
  })

  it('refuses a missing message and one over 10,000 characters', async () => {
    expect((await api.post('/conversation/eit000000000001/reply', {})).body.Errors.message.Error).toMatch(/Missing/)
    expect((await api.post('/conversation/eit000000000001/reply', { message: 'y'.repeat(10_001) })).status).toBe(400)
  })

  it('threads under a timeline comment where the network supports it', async () => {
    const parent = (await api.get('/conversation/eit000000000002/timeline')).body.Timeline.find((entry: Json) => entry.Type === 'comment')
    await api.post('/conversation/eit000000000002/reply', { message: 'Threaded', parent_comment_id: parent.Id })
    expect(await newestEntry('eit000000000002')).toMatchObject({ Content: 'Threaded', ParentId: parent.Id })
  })

  it('refuses threading on X/Twitter and an unknown parent, and ignores it for DMs', async () => {
    const tweet = await findItem('Post', 'Twitter')
    const onTwitter = await api.post(`/conversation/${tweet.Id}/reply`, { message: 'x', parent_comment_id: 'eit000000000003' })
    expect(onTwitter.body.Errors.parent_comment_id.Error).toMatch(/Twitter/)
    const unknown = await api.post('/conversation/eit000000000002/reply', { message: 'x', parent_comment_id: 'eat999999999999' })
    expect(unknown.status).toBe(400)
    await api.post('/conversation/eit000000000001/reply', { message: 'dm', parent_comment_id: 'whatever' })
    expect(await newestEntry('eit000000000001')).not.toHaveProperty('ParentId')
  })

  it('keeps media where the network allows it and ignores it elsewhere', async () => {
    const media = ['https://cdn.example.com/a.png', 'https://cdn.example.com/b.png']
    await api.post('/conversation/eit000000000002/reply', { message: 'pics', media })
    expect((await newestEntry('eit000000000002')).Media).toEqual(media)
    const instagram = await findItem('Post', 'Instagram')
    expect((await api.post(`/conversation/${instagram.Id}/reply`, { message: 'pics', media })).status).toBe(200)
    expect(await newestEntry(instagram.Id)).not.toHaveProperty('Media')
  })

  it('replies as a chosen credential of the same network only, and never from an expired one', async () => {
    await api.post('/conversation/eit000000000001/reply', { message: 'as support', credential_id: 'crd000000000002' })
    expect((await newestEntry('eit000000000001')).Author).toEqual({ Name: 'Acme Support', Username: 'acmesupport' })
    const wrongNetwork = await api.post('/conversation/eit000000000001/reply', { message: 'x', credential_id: 'crd000000000003' })
    expect(wrongNetwork.body.Errors.credential_id.Error).toMatch(/Twitter profile/)
    const instagram = await findItem('Post', 'Instagram')
    const expired = await api.post(`/conversation/${instagram.Id}/reply`, { message: 'x', credential_id: 'crd000000000008' })
    expect(expired.body.Errors.credential_id.Error).toMatch(/expired/)
  })
})

describe('create-case', () => {
  it('answers 400 when the account has no Salesforce integration', async () => {
    const { status, body } = await api.post('/conversation/eit000000000001/create-case', { integration_id: 'sfint00000000001' })
    expect(status).toBe(400)
    expect(body.Errors.integration_id.Error).toMatch(/No active Salesforce integration/)
  })

  it('answers 400 for an integration id that does not match the configured one', async () => {
    const withIntegration = await startClient({ conversations: 10, salesforceIntegrationId: 'sfint00000000001' })
    try {
      const wrong = await withIntegration.post('/conversation/eit000000000001/create-case', { integration_id: 'sfint00000000002' })
      expect(wrong.status).toBe(400)
      const tooLong = await withIntegration.post('/conversation/eit000000000001/create-case', {
        integration_id: 'sfint00000000001', case_description: 'd'.repeat(10_001),
      })
      expect(tooLong.body.Errors.case_description.Error).toMatch(/10000/)
    } finally {
      await withIntegration.close()
    }
  })
})
