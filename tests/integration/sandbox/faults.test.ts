import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DRIP_PIECES, HUGE_BODY_BYTES } from '../../../src/sandbox/http/faultyAnswers'
import { startClient, type SandboxClient } from './support'

let api: SandboxClient

beforeAll(async () => {
  api = await startClient({ conversations: 50 })
})
afterAll(() => api.close())
beforeEach(() => api.reset())

const REPLY_ROUTE = 'POST /v2/conversation/:id/reply'

async function addFault(spec: Record<string, unknown>): Promise<string> {
  const { status, body } = await api.control('POST', '/faults', spec)
  expect(status).toBe(200)
  return body.id
}

async function timelineLength(conversationId: string): Promise<number> {
  return (await api.get(`/conversation/${conversationId}/timeline`)).body.Timeline.length
}

describe('fault modes', () => {
  it('latency delays the answer by latencyMs', async () => {
    await addFault({ route: 'GET /v2/me', mode: 'latency', latencyMs: 150 })
    const started = performance.now()
    expect((await api.get('/me')).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(145)
  })

  it('resetBefore destroys the connection before anything is applied', async () => {
    await addFault({ route: REPLY_ROUTE, mode: 'resetBefore', times: 1 })
    await expect(api.post('/conversation/eit000000000001/reply', { message: 'lost' })).rejects.toThrow()
    expect(await timelineLength('eit000000000001')).toBe(1)
    expect(await api.ledger()).toEqual([])
  })

  it('dropAfter applies the mutation, records it, then destroys the connection', async () => {
    await addFault({ route: REPLY_ROUTE, mode: 'dropAfter', times: 1 })
    await expect(api.post('/conversation/eit000000000001/reply', { message: 'did it arrive?' })).rejects.toThrow()
    const newest = (await api.get('/conversation/eit000000000001/timeline')).body.Timeline[0]
    expect(newest.Content).toBe('did it arrive?')
    expect(await api.ledger()).toMatchObject([
      { seq: 1, method: 'POST', path: '/v2/conversation/eit000000000001/reply', params: { message: 'did it arrive?' }, status: 200 },
    ])
  })

  it('status500 answers in each API\'s own envelope without applying anything', async () => {
    await addFault({ route: '*', mode: 'status500' })
    const oktopost = await api.post('/conversation/eit000000000001', { status: 'closed' })
    expect(oktopost.status).toBe(500)
    expect(oktopost.body).toEqual({ Result: false, Errors: { API: { Error: 'Internal server error' } } })
    const commbox = await api.commbox({ data: { Name: 'x' } })
    expect(commbox.status).toBe(500)
    expect(commbox.body).toMatchObject({ status: 500, description: 'Internal Server Error' })
    await api.control('DELETE', '/faults')
    expect((await api.get('/conversation/eit000000000001')).body.Conversation.Status).toBe('open')
    expect(await api.ledger()).toEqual([])
  })

  it('status429 answers Too Many Requests with Retry-After', async () => {
    await addFault({ route: 'GET /v2/*', mode: 'status429', retryAfterSeconds: 7 })
    const { status, headers, body } = await api.get('/conversation')
    expect(status).toBe(429)
    expect(headers.get('retry-after')).toBe('7')
    expect(body.Result).toBe(false)
  })

  it.each([
    ['status401', 401],
    ['status403', 403],
  ] as const)('%s refuses the key in the API\'s envelope without applying anything', async (mode, status) => {
    await addFault({ route: 'POST /v2/conversation/:id', mode })
    const refused = await api.post('/conversation/eit000000000001', { status: 'closed' })
    expect(refused.status).toBe(status)
    expect(refused.body).toMatchObject({ Result: false, Errors: { API: { Error: expect.any(String) } } })
    expect(await api.ledger()).toEqual([])
  })

  it('malformedJson applies the request and answers 200 with a body that is not JSON', async () => {
    await addFault({ route: 'POST /v2/conversation/:id/note', mode: 'malformedJson' })
    const { status, text, body } = await api.post('/conversation/eit000000000001/note', { note: 'garbled' })
    expect(status).toBe(200)
    expect(body).toBeUndefined()
    expect(() => JSON.parse(text)).toThrow()
    expect((await api.ledger()).map((entry) => entry.params.note)).toEqual(['garbled'])
  })
})

describe('fault modes that spoil the answer of an applied request', () => {
  const CONVERSATION = '/conversation/eit000000000001'

  it('wrongTypes changes the type of every value', async () => {
    await addFault({ route: 'GET /v2/conversation/:id', mode: 'wrongTypes', times: 1 })
    const { status, body } = await api.get(CONVERSATION)
    expect(status).toBe(200)
    expect(body.Result).toBe('true')
    expect(body.Conversation.Id).toBe('eit000000000001'.length)
    expect(typeof body.Conversation.Status).toBe('number')
  })

  it('missingFields drops the first field of every object inside the answer', async () => {
    const whole = (await api.get(CONVERSATION)).body
    await addFault({ route: 'GET /v2/conversation/:id', mode: 'missingFields', times: 1 })
    const { status, body } = await api.get(CONVERSATION)
    expect(status).toBe(200)
    expect(body.Result).toBe(true)
    const [dropped, ...kept] = Object.keys(whole.Conversation)
    expect(Object.keys(body.Conversation)).toEqual(kept)
    expect(body.Conversation).not.toHaveProperty(dropped!)
  })

  it('hugeBody applies the request and pads its valid answer to 24 MiB', async () => {
    await addFault({ route: 'POST /v2/conversation/:id/note', mode: 'hugeBody', times: 1 })
    const { status, text } = await api.post('/conversation/eit000000000001/note', { note: 'padded' })
    expect(status).toBe(200)
    expect(text.length).toBe(HUGE_BODY_BYTES)
    expect(JSON.parse(text)).toMatchObject({ Result: true, Note: { Content: 'padded' } })
    expect((await api.ledger()).map((entry) => entry.params.note)).toEqual(['padded'])
  })

  it('slowDrip sends the headers at once and the body piece by piece, latencyMs apart', async () => {
    const whole = (await api.get('/me')).text
    await addFault({ route: 'GET /v2/me', mode: 'slowDrip', latencyMs: 10, times: 1 })
    const response = await fetch(`${api.sandbox.oktopostBaseUrl}/me`, { headers: { authorization: api.auth } })
    const headersAt = performance.now()
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(whole)
    expect(performance.now() - headersAt).toBeGreaterThanOrEqual(DRIP_PIECES * 10 - 15)
  })

  it('cutMidBody announces the whole body, sends half, then drops the connection', async () => {
    await addFault({ route: 'POST /v2/conversation/:id/note', mode: 'cutMidBody', times: 1 })
    const response = await fetch(`${api.sandbox.oktopostBaseUrl}/conversation/eit000000000001/note`, {
      method: 'POST',
      headers: { authorization: api.auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'note=cut',
    })
    expect(response.status).toBe(200)
    await expect(response.text()).rejects.toThrow()
    expect((await api.ledger()).map((entry) => entry.params.note)).toEqual(['cut'])
  })
})

describe('fault selection', () => {
  it('fires on the next N matching requests only when times is set', async () => {
    await addFault({ route: 'GET /v2/me', mode: 'status500', times: 2 })
    const statuses = []
    for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await api.get('/me')).status)
    expect(statuses).toEqual([500, 500, 200])
    expect((await api.control('GET', '/faults')).body.faults).toEqual([])
  })

  it('matches :params, * globs and methods, and leaves other routes alone', async () => {
    await addFault({ route: 'POST /v2/conversation/:id', mode: 'status500' })
    expect((await api.post('/conversation/eit000000000001', { status: 'closed' })).status).toBe(500)
    expect((await api.post('/conversation/eit000000000001/note', { note: 'fine' })).status).toBe(200)
    expect((await api.get('/conversation/eit000000000001')).status).toBe(200)
    await api.control('DELETE', '/faults')
    await addFault({ route: '/v2/conversation-tag*', mode: 'status500' })
    expect((await api.get('/conversation-tag')).status).toBe(500)
    expect((await api.delete('/conversation-tag/etg000000000001')).status).toBe(500)
    expect((await api.get('/me')).status).toBe(200)
  })

  it('combines latency with another fault', async () => {
    await addFault({ route: 'GET /v2/me', mode: 'latency', latencyMs: 100 })
    await addFault({ route: 'GET /v2/me', mode: 'status500' })
    const started = performance.now()
    expect((await api.get('/me')).status).toBe(500)
    expect(performance.now() - started).toBeGreaterThanOrEqual(95)
  })

  it('draws probability from the seed, so the same seed fails the same requests', async () => {
    const pattern = async (client: SandboxClient): Promise<number[]> => {
      await client.control('POST', '/faults', { route: 'GET /v2/me', mode: 'status500', probability: 0.5 })
      const statuses: number[] = []
      for (let attempt = 0; attempt < 24; attempt += 1) statuses.push((await client.get('/me')).status)
      return statuses
    }
    const twin = await startClient({ conversations: 50 })
    try {
      const first = await pattern(api)
      expect(first).toContain(500)
      expect(first).toContain(200)
      expect(await pattern(twin)).toEqual(first)
    } finally {
      await twin.close()
    }
  })

  it('lists, removes and clears faults, and never applies them to control routes', async () => {
    const id = await addFault({ route: '*', mode: 'status500', times: 3 })
    expect((await api.control('GET', '/faults')).body.faults).toEqual([{ id, route: '*', mode: 'status500', times: 3, remaining: 3 }])
    expect((await api.control('GET', '/health')).status).toBe(200)
    expect((await api.control('DELETE', `/faults/${id}`)).status).toBe(200)
    expect((await api.control('DELETE', `/faults/${id}`)).status).toBe(404)
    expect((await api.get('/me')).status).toBe(200)
  })

  it('refuses a malformed fault', async () => {
    for (const spec of [{ route: '*', mode: 'explode' }, { route: 'reply', mode: 'status500' }, { route: '*', mode: 'latency', probability: 2 }]) {
      expect((await api.control('POST', '/faults', spec)).status).toBe(400)
    }
  })
})
