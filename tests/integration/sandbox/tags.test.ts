import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startClient, type Json, type SandboxClient } from './support'

let api: SandboxClient

beforeAll(async () => {
  api = await startClient()
})
afterAll(() => api.close())
beforeEach(() => api.reset())

async function conversationTags(id: string): Promise<Json[]> {
  return (await api.get(`/conversation/${id}`)).body.Conversation.Tags
}

describe('conversation tag list', () => {
  it('allows at most 20 per page', async () => {
    expect((await api.get('/conversation-tag', { _count: '20' })).status).toBe(200)
    const { status, body } = await api.get('/conversation-tag', { _count: '21' })
    expect(status).toBe(400)
    expect(body).toEqual({ Result: false, Errors: { _count: { Error: '_count must be at most 20' } } })
  })

  it('pages, searches and orders by name', async () => {
    const page = (await api.get('/conversation-tag', { _count: '3', _page: '1' })).body
    expect(page.Items.map((tag: Json) => tag.Id)).toEqual(['etg000000000004', 'etg000000000005', 'etg000000000006'])
    expect(page.Total).toBe(10)
    const byName = (await api.get('/conversation-tag', { _order: 'name,1' })).body.Items.map((tag: Json) => tag.Value)
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)))
    expect((await api.get('/conversation-tag', { q: 'bu' })).body.Items).toEqual([{ Id: 'etg000000000004', Value: 'Bug' }])
  })

  it('answers 404 for an unknown tag id', async () => {
    expect((await api.get('/conversation-tag/etg000000000999')).status).toBe(404)
    expect((await api.post('/conversation-tag/etg000000000999', { tag: 'x' })).status).toBe(404)
    expect((await api.delete('/conversation-tag/etg000000000999')).status).toBe(404)
  })
})

describe('renaming and deleting tags', () => {
  it('renames the tag on every conversation and in the tag filter', async () => {
    await api.post('/conversation-tag/etg000000000001', { tag: 'Customer Support' })
    expect(await conversationTags('eit000000000001')).toEqual([{ Id: 'etg000000000001', Name: 'Customer Support' }])
    const filtered = (await api.get('/conversation', { tag: 'Customer Support', _count: '100' })).body.Conversations.Items
    expect(filtered.map((item: Json) => item.Id)).toContain('eit000000000001')
    expect((await api.get('/conversation', { tag: 'Support' })).body.Conversations.Total).toBe(0)
  })

  it('refuses names over 64 characters and a name another tag already has', async () => {
    expect((await api.post('/conversation-tag/etg000000000001', { tag: 'n'.repeat(64) })).status).toBe(200)
    expect((await api.post('/conversation-tag/etg000000000001', { tag: 'n'.repeat(65) })).status).toBe(400)
    const duplicate = await api.post('/conversation-tag/etg000000000001', { tag: 'vip' })
    expect(duplicate.status).toBe(409)
    expect(duplicate.body.Errors.tag.Error).toMatch(/already exists/)
  })

  it('removes a deleted tag from all conversations', async () => {
    const tagged = (await api.get('/conversation', { tag: 'Billing', _count: '100' })).body.Conversations
    expect(tagged.Total).toBeGreaterThan(0)
    await api.delete('/conversation-tag/etg000000000003')
    expect((await api.get('/conversation-tag/etg000000000003')).status).toBe(404)
    for (const item of tagged.Items.slice(0, 10)) {
      expect((await conversationTags(item.Id)).map((tag) => tag.Id)).not.toContain('etg000000000003')
    }
    expect((await api.get('/conversation', { tag: 'Billing' })).body.Conversations.Total).toBe(0)
  })
})

describe('canned responses', () => {
  const create = (fields: Record<string, string>) => api.post('/canned-response', { content: 'Body', ...fields })

  it('refuses a duplicate name with 409, ignoring case', async () => {
    const duplicate = await create({ name: 'welcome reply' })
    expect(duplicate.status).toBe(409)
    expect(duplicate.body).toEqual({ Result: false, Errors: { name: { Error: 'A canned response named "welcome reply" already exists' } } })
  })

  it('checks the documented limits: name 1-64, content up to 10,000, visibility shared|private', async () => {
    expect((await create({ name: 'n'.repeat(64) })).status).toBe(200)
    expect((await create({ name: 'm'.repeat(65) })).body.Errors.name.Error).toMatch(/64/)
    expect((await create({ name: 'Long', content: 'c'.repeat(10_000) })).status).toBe(200)
    expect((await create({ name: 'Longer', content: 'c'.repeat(10_001) })).body.Errors.content.Error).toMatch(/10000/)
    expect((await create({ name: 'Hidden', visibility: 'team' })).body.Errors.visibility.Error).toMatch(/shared, private/)
    expect((await api.post('/canned-response', { name: 'No content' })).body.Errors.content.Error).toMatch(/Missing/)
  })

  it('defaults visibility to shared and lists the new response', async () => {
    const { body } = await create({ name: 'Defaults' })
    expect(body.CannedResponse.Visibility).toBe('shared')
    expect((await api.get(`/canned-response/${body.CannedResponse.ID}`)).body.CannedResponse).toEqual(body.CannedResponse)
    expect((await api.get('/canned-response', { q: 'defaults' })).body.Items).toEqual([body.CannedResponse])
  })

  it('pages and orders with _order created,0', async () => {
    const newestFirst = (await api.get('/canned-response', { _order: 'created,0', _count: '3' })).body
    expect(newestFirst.Items.map((item: Json) => item.ID)).toEqual(['cnr000000000012', 'cnr000000000011', 'cnr000000000010'])
    expect(newestFirst.Total).toBe(12)
    expect((await api.get('/canned-response/cnr000000000099')).status).toBe(404)
  })
})
