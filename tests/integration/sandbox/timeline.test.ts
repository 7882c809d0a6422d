import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock, startClient, type Json, type SandboxClient } from './support'

const clock = new ManualClock()
let api: SandboxClient

beforeAll(async () => {
  api = await startClient({ now: clock.now })
})
afterAll(() => api.close())
beforeEach(() => api.reset())

async function readWholeTimeline(conversationId: string): Promise<Json[]> {
  const entries: Json[] = []
  for (;;) {
    const lastLoadedId = entries.at(-1)?.Id
    const { status, body } = await api.get(`/conversation/${conversationId}/timeline`, lastLoadedId ? { last_loaded_id: lastLoadedId } : {})
    expect(status).toBe(200)
    if (body.Timeline.length === 0) return entries
    entries.push(...body.Timeline)
  }
}

describe('timeline paging', () => {
  it('serves a long timeline newest first in pages of 20 via last_loaded_id, with no gaps or duplicates', async () => {
    const first = (await api.get('/conversation/eit000000000002/timeline')).body.Timeline
    expect(first).toHaveLength(20)
    const entries = await readWholeTimeline('eit000000000002')
    expect(entries).toHaveLength(320)
    expect(new Set(entries.map((entry) => entry.Id)).size).toBe(320)
    const created = entries.map((entry) => entry.Created)
    expect(created).toEqual([...created].sort().reverse())
    const serials = entries.map((entry) => Number(entry.Id.slice(3)))
    expect(serials).toEqual([...serials].sort((a, b) => b - a))
    expect(serials[0]! - serials.at(-1)!).toBe(319)
  })

  it('keeps paging older entries stable while new ones arrive on top', async () => {
    const firstPage = (await api.get('/conversation/eit000000000002/timeline')).body.Timeline
    await api.post('/conversation/eit000000000002/note', { note: 'arrived while paging' })
    const next = (await api.get('/conversation/eit000000000002/timeline', { last_loaded_id: firstPage.at(-1).Id })).body.Timeline
    expect(next[0].Id).not.toBe(firstPage.at(-1).Id)
    expect(Number(firstPage.at(-1).Id.slice(3)) - Number(next[0].Id.slice(3))).toBe(1)
  })

  it('has a one-entry timeline on eit000000000001', async () => {
    expect(await readWholeTimeline('eit000000000001')).toHaveLength(1)
  })

  it('answers 400 for a last_loaded_id that is not on this timeline', async () => {
    const { status, body } = await api.get('/conversation/eit000000000002/timeline', { last_loaded_id: 'eat000000100001' })
    expect(status).toBe(400)
    expect(body.Errors.last_loaded_id.Error).toMatch(/eat000000100001/)
  })

  it('stamps new entries with the sandbox clock', async () => {
    clock.nowMs = Date.UTC(2025, 5, 2, 8, 30, 15)
    const { body } = await api.post('/conversation/eit000000000001/note', { note: 'clocked' })
    expect(body.Note.Created).toBe('2025-06-02 08:30:15')
    expect((await api.get('/conversation/eit000000000001')).body.Conversation.Modified).toBe('2025-06-02 08:30:15')
  })
})

describe('inbound activity (control route)', () => {
  it('adds a customer message, bumps Modified and re-opens a closed item', async () => {
    await api.post('/conversation/eit000000000001', { status: 'closed' })
    clock.advance(60_000)
    const { status, body } = await api.control('POST', '/inbound', {
      conversationId: 'eit000000000001', from: 'customer', content: 'Actually, one more thing… مرحبا', authorName: 'Maria Garcia',
    })
    expect(status).toBe(200)
    expect(body.entry).toMatchObject({ Type: 'message', IsInbound: true, Author: { Name: 'Maria Garcia' } })
    expect(body.conversation.Status).toBe('open')
    const conversation = (await api.get('/conversation/eit000000000001')).body.Conversation
    expect(conversation.Status).toBe('open')
    expect(conversation.Modified).toBe(body.entry.Created)
    const timeline = (await api.get('/conversation/eit000000000001/timeline')).body.Timeline
    expect(timeline[0]).toEqual(body.entry)
  })

  it("adds another agent's reply as an outbound entry from a colleague", async () => {
    const { body } = await api.control('POST', '/inbound', { conversationId: 'eit000000000002', from: 'agent', content: 'I got this one' })
    expect(body.entry).toMatchObject({ Type: 'comment', IsInbound: false, CreatedBy: '00A000000000002', Content: 'I got this one' })
  })

  it('refuses an unknown conversation or a malformed request', async () => {
    expect((await api.control('POST', '/inbound', { conversationId: 'eit999999999999', from: 'customer', content: 'x' })).status).toBe(404)
    expect((await api.control('POST', '/inbound', { conversationId: 'eit000000000001', from: 'bot', content: 'x' })).status).toBe(400)
  })
})
