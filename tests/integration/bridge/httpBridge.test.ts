import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBridge, type RunningBridge } from '../../../src/main/bridge/httpBridge'
import { createTestServices } from '../../support/mainServices'

const TOKEN = 'per-run-token-for-tests'
let bridge: RunningBridge
let staticDir: string

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-desk-bridge-'))
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>')
  fs.mkdirSync(path.join(staticDir, 'assets'))
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(staticDir, 'assets', 'index-BjfYhx_b.js'), 'console.log(2)')
  const handlers = createTestServices().handlers
  bridge = await startBridge({ handlers, token: TOKEN, staticDir })
})

afterAll(async () => {
  await bridge.close()
  fs.rmSync(staticDir, { recursive: true, force: true })
})

interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** Raw node:http so tests control Origin and Host, which fetch would not let them set. */
function request(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, method: options.method ?? 'POST', path: options.path ?? '/__bridge/invoke', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

function invoke(body: unknown, headers: Record<string, string> = {}) {
  return request({
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${bridge.port}`, 'x-inbox-desk-token': TOKEN, ...headers },
  })
}

describe('HTTP bridge', () => {
  it('binds to 127.0.0.1 only', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/`)
  })

  it('answers a valid request from its own page', async () => {
    const response = await invoke({ channel: 'app:info', payload: {} })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: { name: 'Inbox Desk', version: '1.0.0', platform: 'linux', transport: 'http' } })
  })

  it('refuses a request with no token', async () => {
    const response = await request({
      body: JSON.stringify({ channel: 'app:info', payload: {} }),
      headers: { origin: `http://127.0.0.1:${bridge.port}` },
    })
    expect(response.status).toBe(401)
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: { kind: 'unauthorized', message: 'Request refused: missing or wrong bridge token' } })
  })

  it('refuses a wrong token, including one that differs only in length', async () => {
    for (const token of ['per-run-token-for-testz', 'per-run-token', '']) {
      const response = await invoke({ channel: 'app:info', payload: {} }, { 'x-inbox-desk-token': token })
      expect(response.status).toBe(401)
    }
  })

  it.each(['https://evil.example', 'http://127.0.0.1:1', 'null', 'http://192.168.1.5:8080'])('refuses the origin %s', async (origin) => {
    const response = await invoke({ channel: 'app:info', payload: {} }, { origin })
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
  })

  it('refuses a request with no origin at all', async () => {
    const response = await request({ body: '{}', headers: { 'x-inbox-desk-token': TOKEN } })
    expect(response.status).toBe(403)
  })

  it('refuses a rebound host name even with the right token and origin', async () => {
    const response = await invoke({ channel: 'app:info', payload: {} }, { host: `evil.example:${bridge.port}` })
    expect(response.status).toBe(403)
  })

  it('validates channel and payload exactly as Electron IPC does', async () => {
    expect(JSON.parse((await invoke({ channel: 'app:format', payload: {} })).body)).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { channel: expect.any(String) } } })
    expect(JSON.parse((await invoke({ channel: 'app:info', payload: [] })).body)).toMatchObject({ ok: false, error: { kind: 'invalid', message: 'Invalid request for app:info' } })
    expect(JSON.parse((await invoke('just a string')).body)).toMatchObject({ ok: false, error: { kind: 'invalid' } })
  })

  it('refuses a body that is not JSON, and one that is too large', async () => {
    const notJson = await request({ body: '{nope', headers: { origin: `http://127.0.0.1:${bridge.port}`, 'x-inbox-desk-token': TOKEN } })
    expect(notJson.status).toBe(400)
    const huge = await request({ body: 'x'.repeat(1024 * 1024 + 1), headers: { origin: `http://127.0.0.1:${bridge.port}`, 'x-inbox-desk-token': TOKEN } })
    expect(huge.status).toBe(413)
  })

  it('refuses GET on the invoke path', async () => {
    expect((await request({ method: 'GET', headers: { origin: `http://127.0.0.1:${bridge.port}` } })).status).toBe(405)
  })

  it('serves the page with the token, a strict CSP and no framing', async () => {
    const page = await request({ method: 'GET', path: '/' })
    expect(page.status).toBe(200)
    expect(page.body).toContain(`<meta name="inbox-desk-bridge-token" content="${TOKEN}">`)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect(page.headers['cache-control']).toBe('no-store')
  })

  it('serves assets and refuses paths outside the build', async () => {
    expect((await request({ method: 'GET', path: '/assets/app.js' })).status).toBe(200)
    expect((await request({ method: 'GET', path: '/../package.json' })).status).toBe(404)
    expect((await request({ method: 'GET', path: '/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404)
  })

  it('lets the browser keep hashed assets for good, and revalidate anything else', async () => {
    const hashed = await request({ method: 'GET', path: '/assets/index-BjfYhx_b.js' })
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await request({ method: 'GET', path: '/assets/app.js' })).headers['cache-control']).toBe('no-cache')
  })
})
