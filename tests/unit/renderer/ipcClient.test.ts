import { describe, expect, it, vi } from 'vitest'
import { createIpcClient } from '../../../src/renderer/ipc/client'
import { createHttpBridgeApi } from '../../../src/renderer/ipc/httpBridgeApi'
import type { InboxDeskApi } from '../../../src/shared/ipc/api'

function apiAnswering(answer: unknown): InboxDeskApi {
  return { invoke: vi.fn(async () => answer) } as unknown as InboxDeskApi
}

const goodInfo = { name: 'Inbox Desk', version: '1.0.0', platform: 'linux', transport: 'http' }

describe('renderer IPC client', () => {
  it('passes on a valid answer', async () => {
    const client = createIpcClient(apiAnswering({ ok: true, value: goodInfo }))
    await expect(client.invoke('app:info', {})).resolves.toEqual({ ok: true, value: goodInfo })
  })

  it('passes on an error answer as data', async () => {
    const error = { kind: 'unauthorized', message: 'Sign in again' }
    const client = createIpcClient(apiAnswering({ ok: false, error }))
    await expect(client.invoke('app:info', {})).resolves.toEqual({ ok: false, error })
  })

  it('reports a value outside the response schema as invalidResponse, naming the field', async () => {
    const client = createIpcClient(apiAnswering({ ok: true, value: { ...goodInfo, transport: 'carrier-pigeon' } }))
    await expect(client.invoke('app:info', {})).resolves.toEqual({
      ok: false,
      error: { kind: 'invalidResponse', message: 'app:info: unexpected transport in the answer' },
    })
  })

  it('reports an answer that is not a Result at all', async () => {
    const client = createIpcClient(apiAnswering('<html>proxy error</html>'))
    await expect(client.invoke('app:info', {})).resolves.toMatchObject({ ok: false, error: { kind: 'invalidResponse' } })
  })
})

describe('HTTP bridge API', () => {
  it('sends the channel, payload and token, and returns the Result', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: goodInfo })))
    const api = createHttpBridgeApi('secret-token', fetchImpl as unknown as typeof fetch)
    await expect(api.invoke('app:info', {})).resolves.toEqual({ ok: true, value: goodInfo })
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/__bridge/invoke')
    expect(init.headers).toMatchObject({ 'x-inbox-desk-token': 'secret-token' })
    expect(JSON.parse(String(init.body))).toEqual({ channel: 'app:info', payload: {} })
  })

  it('turns an unreachable server into a network error', async () => {
    const api = createHttpBridgeApi('t', (async () => {
      throw new TypeError('Failed to fetch')
    }) as typeof fetch)
    await expect(api.invoke('app:info', {})).resolves.toMatchObject({ ok: false, error: { kind: 'network' } })
  })

  it('turns a non-JSON answer into invalidResponse', async () => {
    const api = createHttpBridgeApi('t', (async () => new Response('Bad gateway', { status: 502 })) as typeof fetch)
    await expect(api.invoke('app:info', {})).resolves.toMatchObject({ ok: false, error: { kind: 'invalidResponse' } })
  })
})
