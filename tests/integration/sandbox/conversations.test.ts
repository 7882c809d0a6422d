import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startClient, type Json, type SandboxClient } from './support'

let api: SandboxClient

beforeAll(async () => {
  api = await startClient({ conversations: 300 })
})
afterAll(() => api.close())
beforeEach(() => api.reset())

async function listAll(query: Record<string, string>): Promise<Json[]> {
  const items: Json[] = []
  for (let page = 0; ; page += 1) {
    const { body } = await api.get('/conversation', { ...query, _count: '100', _page: String(page) })
    items.push(...body.Conversations.Items)
    if (body.Conversations.Items.length < 100) return items
  }
}

describe('listing conversations', () => {
  it('combines comma-separated filters: OR within a filter, AND across filters', async () => {
    const items = await listAll({ network: 'Instagram,TikTok', status: 'closed', type: 'Conversation,Reply' })
    expect(items.length).toBeGreaterThan(0)
    for (const item of items) {
      expect(['Instagram', 'TikTok']).toContain(item.Network)
      expect(item.Status).toBe('closed')
      expect(['Conversation', 'Reply']).toContain(item.ItemType)
    }
  })

  it('reports the Total of all matches while a page holds at most _count items', async () => {
    const { body } = await api.get('/conversation', { status: 'open', _count: '7' })
    expect(body.Conversations.Items).toHaveLength(7)
    expect(body.Conversations.Total).toBe((await listAll({ status: 'open' })).length)
  })

  it('pages from _page=0 without overlap or gaps', async () => {
    const all = await listAll({})
    expect(all).toHaveLength(300)
    expect(new Set(all.map((item) => item.Id)).size).toBe(300)
  })

  it('orders by Modified descending by default and honours _order', async () => {
    const byDefault = (await api.get('/conversation', { _count: '50' })).body.Conversations.Items
    const modified = byDefault.map((item: Json) => item.Modified)
    expect(modified).toEqual([...modified].sort().reverse())
    const oldestFirst = (await api.get('/conversation', { _count: '50', _order: 'Created,1' })).body.Conversations.Items
    const created = oldestFirst.map((item: Json) => item.Created)
    expect(created).toEqual([...created].sort())
  })

  it('filters by assignee ids and by tag names', async () => {
    const assigned = await listAll({ assignee_id: '00A000000000002,00A000000000003' })
    expect(assigned.length).toBeGreaterThan(0)
    expect(new Set(assigned.map((item) => item.AssigneeId))).toEqual(new Set(['00A000000000002', '00A000000000003']))

    const tagged = await listAll({ tag: 'Billing' })
    expect(tagged.length).toBeGreaterThan(0)
    for (const item of tagged.slice(0, 5)) {
      const { body } = await api.get(`/conversation/${item.Id}`)
      expect(body.Conversation.Tags.map((tag: Json) => tag.Name)).toContain('Billing')
    }
  })

  it('searches free text with q, ignoring case', async () => {
    const items = await listAll({ q: 'REFUND' })
    expect(items.length).toBeGreaterThan(0)
    // A truncated Preview may hide the match; the search reads the whole opening message.
    for (const item of items.filter((candidate) => !candidate.Preview.endsWith('…'))) {
      expect(`${item.Preview} ${item.Author.Name} ${item.Author.Username} ${item.ProfileName}`.toLowerCase()).toContain('refund')
    }
  })

  it('answers 400 naming each bad filter', async () => {
    const { status, body } = await api.get('/conversation', { status: 'pending', network: 'MySpace', _count: '101' })
    expect(status).toBe(400)
    expect(body.Result).toBe(false)
    expect(Object.keys(body.Errors).sort()).toEqual(['_count', 'network', 'status'])
    expect(body.Errors.status.Error).toMatch(/open, closed/)
  })

  it('keeps unassigned items as AssigneeId null', async () => {
    const items = await listAll({})
    expect(items.some((item) => item.AssigneeId === null)).toBe(true)
  })
})

describe('one conversation', () => {
  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of ['eit999999999999', 'eit000000000000', 'nonsense']) {
      const { status, body } = await api.get(`/conversation/${id}`)
      expect(status).toBe(404)
      expect(body).toEqual({ Result: false, Errors: { API: { Error: 'Conversation not found' } } })
    }
  })

  it('closes and re-opens, bumping Modified', async () => {
    const before = (await api.get('/conversation/eit000000000005')).body.Conversation
    await api.post('/conversation/eit000000000005', { status: 'closed' })
    const closed = (await api.get('/conversation/eit000000000005')).body.Conversation
    expect(closed.Status).toBe('closed')
    expect(closed.Modified > before.Modified).toBe(true)
    await api.post('/conversation/eit000000000005', { status: 'open' })
    expect((await api.get('/conversation/eit000000000005')).body.Conversation.Status).toBe('open')
  })

  it('refuses a missing or unknown status', async () => {
    expect((await api.post('/conversation/eit000000000005', {})).body.Errors.status.Error).toMatch(/Missing/)
    expect((await api.post('/conversation/eit000000000005', { status: 'snoozed' })).status).toBe(400)
  })
})
