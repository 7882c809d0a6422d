import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startClient, type Json, type SandboxClient } from './support'

const NETWORKS = ['Facebook', 'Twitter', 'LinkedIn', 'YouTube', 'Instagram', 'TikTok']
const ITEM_TYPES = ['Conversation', 'Post', 'Mention', 'Reply']

async function everyConversation(api: SandboxClient): Promise<Json[]> {
  const items: Json[] = []
  for (let page = 0; ; page += 1) {
    const batch = (await api.get('/conversation', { _count: '100', _page: String(page) })).body.Conversations.Items
    items.push(...batch)
    if (batch.length < 100) return items
  }
}

async function oldestEntry(api: SandboxClient, conversationId: string): Promise<Json> {
  let page = (await api.get(`/conversation/${conversationId}/timeline`)).body.Timeline
  for (;;) {
    const older = (await api.get(`/conversation/${conversationId}/timeline`, { last_loaded_id: page.at(-1).Id })).body.Timeline
    if (older.length === 0) return page.at(-1)
    page = older
  }
}

describe('the default seeded workspace', () => {
  let api: SandboxClient
  let items: Json[]

  beforeAll(async () => {
    api = await startClient()
    items = await everyConversation(api)
  })
  afterAll(() => api.close())

  it('holds 500 conversations covering every network x item type x status', () => {
    expect(items).toHaveLength(500)
    for (const network of NETWORKS) {
      for (const itemType of ITEM_TYPES) {
        for (const status of ['open', 'closed']) {
          expect(items.some((item) => item.Network === network && item.ItemType === itemType && item.Status === status),
            `${status} ${itemType} on ${network}`).toBe(true)
        }
      }
    }
  })

  it('has assigned and unassigned items across all six users', async () => {
    const users = (await api.get('/user')).body.Items.map((user: Json) => user.Id)
    expect(users).toHaveLength(6)
    expect(new Set(items.map((item) => item.AssigneeId))).toEqual(new Set([...users, null]))
    expect((await api.get('/me')).body.User.Id).toBe(users[0])
  })

  it('has credentials on every network and about a dozen canned responses', async () => {
    const credentials = (await api.get('/credential')).body.Items
    expect(new Set(credentials.map((credential: Json) => credential.Network))).toEqual(new Set(NETWORKS))
    expect((await api.get('/canned-response')).body.Total).toBe(12)
  })

  it('writes hostile HTML, RTL text, a very long message and emoji into the fixed fixtures', async () => {
    const preview = async (id: string): Promise<string> => (await api.get(`/conversation/${id}`)).body.Conversation.Preview
    expect(await preview('eit000000000002')).toContain('<script>')
    expect(await preview('eit000000000003')).toMatch(/[\u0600-\u06FF]/)
    expect(await preview('eit000000000004')).toMatch(/…$/)
    expect((await oldestEntry(api, 'eit000000000004')).Content.length).toBeGreaterThan(4_000)
    expect(await preview('eit000000000005')).toMatch(/\p{Extended_Pictographic}/u)
    const texts = items.map((item) => item.Preview).join('\n')
    for (const hostile of ['onerror=', 'javascript:', '<iframe']) expect(texts).toContain(hostile)
    expect(texts).toMatch(/[\u0590-\u05FF]/)
  })

  it('derives timelines from 1 to several hundred entries with every entry type', async () => {
    const types = new Set<string>()
    let entryCount = 0
    let page = (await api.get('/conversation/eit000000000002/timeline')).body.Timeline
    while (page.length > 0) {
      entryCount += page.length
      for (const entry of page) types.add(entry.Type)
      page = (await api.get('/conversation/eit000000000002/timeline', { last_loaded_id: page.at(-1).Id })).body.Timeline
    }
    expect(entryCount).toBe(320)
    expect(types).toEqual(new Set(['comment', 'note', 'share', 'like']))
    const directMessages = (await api.get('/conversation/eit000000000005/timeline')).body.Timeline
    expect(directMessages.some((entry: Json) => entry.Type === 'message')).toBe(true)
  })
})

describe('determinism', () => {
  it('gives the same data for the same seed and different data for another seed', async () => {
    const [first, twin, other] = await Promise.all([
      startClient({ seed: 42, conversations: 200 }),
      startClient({ seed: 42, conversations: 200 }),
      startClient({ seed: 43, conversations: 200 }),
    ])
    try {
      const snapshot = async (api: SandboxClient) => ({
        list: await everyConversation(api),
        timeline: (await api.get('/conversation/eit000000000150/timeline')).body,
        conversation: (await api.get('/conversation/eit000000000150')).body,
      })
      const expected = await snapshot(first)
      expect(await snapshot(twin)).toEqual(expected)
      expect((await snapshot(other)).list).not.toEqual(expected.list)
    } finally {
      await Promise.all([first.close(), twin.close(), other.close()])
    }
  })
})

describe('scale', () => {
  it('starts with 100,000 conversations in a few seconds and serves them', async () => {
    const started = performance.now()
    const api = await startClient({ conversations: 100_000 })
    const startupMs = performance.now() - started
    try {
      expect(startupMs).toBeLessThan(5_000)
      const list = (await api.get('/conversation', { status: 'open', network: 'TikTok', _count: '5' })).body.Conversations
      expect(list.Items).toHaveLength(5)
      expect(list.Total).toBeGreaterThan(1_000)
      const last = await api.get('/conversation/eit000000100000/timeline')
      expect(last.body.Timeline.length).toBeGreaterThan(0)
      expect(last.body.Timeline[0].Id).toMatch(/^eat0100000\d{5}$/)
      expect((await api.get('/conversation/eit000000100001')).status).toBe(404)
      expect((await api.control('GET', '/health')).body).toMatchObject({ conversations: 100_000, materializedTimelines: 1 })
    } finally {
      await api.close()
    }
  })
})
