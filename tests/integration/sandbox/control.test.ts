import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock, startClient, type SandboxClient } from './support'

const clock = new ManualClock()
let api: SandboxClient

beforeAll(async () => {
  api = await startClient({ conversations: 40, now: clock.now })
})
afterAll(() => api.close())
beforeEach(() => api.reset())

describe('ledger', () => {
  it('lists every applied mutation in order with its decoded fields, and nothing else', async () => {
    await api.post('/conversation/eit000000000001/tag', { tags: ['VIP', 'New one'] })
    await api.get('/conversation/eit000000000001')
    await api.post('/conversation/eit000000000001/reply', {})
    clock.advance(1000)
    await api.post('/conversation/eit000000000001/reply', { message: 'Hi 👋', media: ['https://cdn.example.com/x.png'] })
    await api.delete('/conversation-tag/etg000000000002')
    await api.commbox({ data: { Name: 'Escalation' } })
    await api.post('/conversation/eit000000000001', { status: 'closed' })

    expect(await api.ledger()).toEqual([
      { seq: 1, at: new Date(clock.nowMs - 1000).toISOString(), method: 'POST', path: '/v2/conversation/eit000000000001/tag', params: { tags: ['VIP', 'New one'] }, status: 200 },
      { seq: 2, at: new Date(clock.nowMs).toISOString(), method: 'POST', path: '/v2/conversation/eit000000000001/reply', params: { message: 'Hi 👋', media: ['https://cdn.example.com/x.png'] }, status: 200 },
      { seq: 3, at: expect.any(String), method: 'DELETE', path: '/v2/conversation-tag/etg000000000002', params: {}, status: 200 },
      { seq: 4, at: expect.any(String), method: 'POST', path: '/commbox/tags', params: { data: { Name: 'Escalation' } }, status: 200 },
      { seq: 5, at: expect.any(String), method: 'POST', path: '/v2/conversation/eit000000000001', params: { status: 'closed' }, status: 200 },
    ])
  })

  it('leaves out refused requests (400, 404, 409)', async () => {
    await api.post('/conversation/eit999999999999/note', { note: 'x' })
    await api.post('/canned-response', { name: 'Welcome Reply', content: 'x' })
    await api.post('/conversation/eit000000000001/note', { note: '' })
    expect(await api.ledger()).toEqual([])
  })
})

describe('reset', () => {
  it('reseeds the data and clears faults and the ledger', async () => {
    const before = (await api.get('/conversation', { _count: '40' })).body
    await api.post('/conversation/eit000000000001', { status: 'closed' })
    await api.post('/canned-response', { name: 'Temporary', content: 'x' })
    await api.control('POST', '/faults', { route: 'GET /v2/user', mode: 'status500' })

    expect((await api.control('POST', '/reset')).body).toEqual({ ok: true })
    expect((await api.get('/conversation', { _count: '40' })).body).toEqual(before)
    expect((await api.get('/canned-response', { q: 'Temporary' })).body.Total).toBe(0)
    expect((await api.get('/user')).status).toBe(200)
    expect((await api.control('GET', '/faults')).body.faults).toEqual([])
    expect(await api.ledger()).toEqual([])
    expect((await api.commbox({ data: { Name: 'again' } })).body.data.id).toBe('21221')
  })
})

describe('health and unknown control routes', () => {
  it('reports the seed and size', async () => {
    const { body } = await api.control('GET', '/health')
    expect(body).toEqual({ ok: true, accountId: '00A0000000DEMO1', seed: 1, conversations: 40, materializedTimelines: 0 })
  })

  it('answers 404 for an unknown control route and 400 for a body that is not JSON', async () => {
    expect((await api.control('GET', '/nothing')).status).toBe(404)
    const response = await fetch(`${api.sandbox.url}/__sandbox/faults`, { method: 'POST', body: '{nope' })
    expect(response.status).toBe(400)
  })

  it('answers 404 outside /v2, /commbox and /__sandbox', async () => {
    expect((await fetch(`${api.sandbox.url}/v3/me`)).status).toBe(404)
  })
})

describe('callers', () => {
  it('refuses web pages: any request with an Origin, or naming another host', async () => {
    const { startSandbox } = await import('../../../src/sandbox/server')
    const sandbox = await startSandbox({ conversations: 5 })
    try {
      const fromPage = await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST', headers: { origin: 'https://evil.example' } })
      expect(fromPage.status).toBe(403)
      const http = await import('node:http')
      const rebound = await new Promise<number>((resolve, reject) => {
        const request = http.request({ host: '127.0.0.1', port: new URL(sandbox.url).port, path: '/v2/me', headers: { host: 'evil.example' } }, (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        })
        request.on('error', reject)
        request.end()
      })
      expect(rebound).toBe(403)
      expect((await fetch(`${sandbox.url}/__sandbox/health`)).status).toBe(200)
    } finally {
      await sandbox.close()
    }
  })
})
