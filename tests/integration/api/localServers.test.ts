import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/main/api/clock'
import { createOktopostClient } from '../../../src/main/api/oktopost/client'
import { DEFAULT_RETRY_AFTER_MS } from '../../../src/main/api/retryAfter'
import { closedLoopbackPort, roomyLimiter } from './sandboxHarness'

/**
 * Small HTTP servers of our own for the answers the sandbox doesn't give (403, 422, an HTML 502,
 * a body cut mid-way, silence), so each error kind is seen over a real socket.
 */

type Handler = (request: IncomingMessage, response: ServerResponse) => void

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    ),
  )
})

async function serve(handler: Handler): Promise<{ baseUrl: string; hits: () => number }> {
  let hits = 0
  const server = createServer((request, response) => {
    hits += 1
    request.resume()
    request.on('end', () => handler(request, response))
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`, hits: () => hits }
}

function clientFor(baseUrl: string, timeoutMs = 2_000) {
  return createOktopostClient({
    auth: { baseUrl, accountId: 'acc', apiKey: 'key' },
    limiter: roomyLimiter(),
    clock: systemClock,
    random: () => 0,
    timeoutMs,
  })
}

const answer = (status: number, body: string, headers: Record<string, string> = {}): Handler => (_request, response) => {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  response.end(body)
}

const conversation = { id: 'eit1', network: 'Facebook', itemType: 'Post', status: 'open' } as const

describe('error kinds over real sockets', () => {
  it('forbidden: 403 with the server message', async () => {
    const { baseUrl } = await serve(answer(403, JSON.stringify({ Result: false, Errors: { API: { Error: 'No permission for the Inbox' } } })))
    expect(await clientFor(baseUrl).account.me()).toEqual({ ok: false, error: { kind: 'forbidden', message: 'No permission for the Inbox' } })
  })

  it('invalid: 422 with field messages', async () => {
    const { baseUrl } = await serve(answer(422, JSON.stringify({ Result: false, Errors: { assignee_id: { Error: 'Unknown user' } } })))
    expect(await clientFor(baseUrl).conversations.assign('eit1', { assigneeId: 'nobody' })).toEqual({
      ok: false,
      error: { kind: 'invalid', message: 'Unknown user', fields: { assigneeId: 'Unknown user' } },
    })
  })

  it('server: an HTML 502 from a proxy is still a server error with its status', async () => {
    const { baseUrl, hits } = await serve(answer(502, '<html>Bad Gateway</html>', { 'Content-Type': 'text/html' }))
    expect(await clientFor(baseUrl).conversations.setStatus('eit1', 'closed')).toMatchObject({ ok: false, error: { kind: 'server', status: 502 } })
    expect(hits()).toBe(1)
  })

  it('rateLimited: Retry-After as an HTTP date', async () => {
    const inNinetySeconds = new Date(Date.now() + 90_000).toUTCString()
    const { baseUrl } = await serve(answer(429, '{}', { 'Retry-After': inNinetySeconds }))
    const result = await clientFor(baseUrl).account.me()
    expect(result).toMatchObject({ ok: false, error: { kind: 'rateLimited' } })
    const retryAfterMs = !result.ok && result.error.kind === 'rateLimited' ? result.error.retryAfterMs : 0
    expect(retryAfterMs).toBeGreaterThan(85_000)
    expect(retryAfterMs).toBeLessThanOrEqual(90_000)
  })

  it('rateLimited: the default wait when Retry-After is missing', async () => {
    const { baseUrl } = await serve(answer(429, ''))
    expect(await clientFor(baseUrl).account.me()).toMatchObject({ ok: false, error: { kind: 'rateLimited', retryAfterMs: DEFAULT_RETRY_AFTER_MS } })
  })

  it('unknownOutcome: a POST whose 200 body is cut mid-way', async () => {
    const { baseUrl, hits } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' })
      response.write('{"Result":tr')
      setImmediate(() => response.socket?.destroy())
    })
    const result = await clientFor(baseUrl).conversations.reply(conversation, { message: 'Hello' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'unknownOutcome' } })
    expect(hits()).toBe(1)
  })

  it('network, then success: a GET whose body is cut is retried', async () => {
    let calls = 0
    const { baseUrl } = await serve((_request, response) => {
      calls += 1
      if (calls === 1) {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' })
        response.write('{"Result":tr')
        setImmediate(() => response.socket?.destroy())
        return
      }
      answer(200, JSON.stringify({ Result: true, User: { Id: 'u', Name: 'U', Email: 'u@x', LastLogin: null }, Account: { Id: 'acc', Name: 'A' } }))(_request, response)
    })
    expect((await clientFor(baseUrl).account.me()).ok).toBe(true)
    expect(calls).toBe(2)
  })

  it('a refusal whose body is cut still reports its status', async () => {
    const { baseUrl } = await serve((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'application/json', 'Content-Length': '100' })
      response.write('{"Result":fa')
      setImmediate(() => response.socket?.destroy())
    })
    expect(await clientFor(baseUrl).conversations.addNote('eit1', 'x')).toMatchObject({ ok: false, error: { kind: 'notFound' } })
  })

  it('timeout: a server that never answers', async () => {
    const { baseUrl, hits } = await serve(() => undefined)
    const result = await clientFor(baseUrl, 100).conversations.addNote('eit1', 'anyone there?')
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } })
    expect(hits()).toBe(1)
  })

  it('timeout: a body that stops flowing counts against the same deadline', async () => {
    const { baseUrl } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.write('{"Result":')
    })
    expect(await clientFor(baseUrl, 100).conversations.setStatus('eit1', 'open')).toMatchObject({ ok: false, error: { kind: 'timeout' } })
  })

  it('network: nothing listens on the port, so nothing was sent, even for a POST', async () => {
    const port = await closedLoopbackPort()
    const result = await clientFor(`http://127.0.0.1:${port}/v2`).conversations.reply(conversation, { message: 'Hello' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'network', message: expect.stringContaining('ECONNREFUSED') } })
  })

  it('invalidResponse: a redirect is reported, not followed with the credentials', async () => {
    const { baseUrl, hits } = await serve(answer(302, '', { Location: 'http://127.0.0.1:1/elsewhere' }))
    expect(await clientFor(baseUrl).account.me()).toMatchObject({ ok: false, error: { kind: 'invalidResponse' } })
    expect(hits()).toBe(1)
  })
})
