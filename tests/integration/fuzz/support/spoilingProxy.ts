import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Random } from './random'

/**
 * A hostile network between main and the sandbox: it forwards each request to the sandbox
 * (so writes really happen) and spoils the answer in a way drawn from a seeded generator:
 * a changed status, a mutated JSON body, garbage bytes, a redirect that would carry the
 * credentials elsewhere. It records any request to its /stolen path, which only a client
 * that followed such a redirect would make.
 */
export interface SpoilingProxy {
  url: string
  /** Requests that followed a redirect (they carry whatever headers the client sent along). */
  stolen: string[]
  /** What was done to each answer, in order. */
  spoils: string[]
  close(): Promise<void>
}

interface Answer {
  status: number
  headers: Record<string, string>
  body: string | Buffer
}

export async function startSpoilingProxy(targetUrl: string, random: Random): Promise<SpoilingProxy> {
  const stolen: string[] = []
  const spoils: string[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      void (async () => {
        if (request.url?.startsWith('/stolen')) {
          stolen.push(`${request.method} ${request.url} authorization=${request.headers.authorization ?? ''}`)
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"Result":true}')
          return
        }
        const honest = await forward(targetUrl, request, Buffer.concat(chunks))
        const { name, answer } = spoil(honest, random, `http://${request.headers.host}/stolen`)
        spoils.push(`${request.method} ${request.url}: ${name}`)
        response.writeHead(answer.status, answer.headers).end(answer.body)
      })().catch((error: unknown) => response.destroy(error instanceof Error ? error : new Error(String(error))))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stolen,
    spoils,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function forward(targetUrl: string, request: http.IncomingMessage, body: Buffer): Promise<Answer> {
  const headers: Record<string, string> = {}
  for (const name of ['authorization', 'content-type', 'accept']) {
    const value = request.headers[name]
    if (typeof value === 'string') headers[name] = value
  }
  const response = await fetch(`${targetUrl}${request.url ?? '/'}`, {
    method: request.method ?? 'GET',
    headers,
    ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
    redirect: 'manual',
  })
  return { status: response.status, headers: { 'content-type': 'application/json' }, body: await response.text() }
}

const STATUSES = [200, 201, 204, 400, 401, 403, 404, 409, 418, 422, 500, 502, 503]

function deeplyNestedJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`
}

/** A JSON value of another kind than `value`, or an odd one of the same kind. */
function otherValue(value: unknown, random: Random): unknown {
  const candidates: unknown[] = [null, 0, -1, 1e308, '', 'x'.repeat(50_000), true, [], {}, [{}], { Id: null }, '2025-13-45 99:99:99', '<script>alert(1)</script>']
  return random.pick(candidates.filter((candidate) => typeof candidate !== typeof value || candidate === null))
}

/** Changes one randomly chosen place inside a parsed JSON body. */
function mutateJson(root: unknown, random: Random): { name: string; value: unknown } {
  const places: { parent: Record<string, unknown> | unknown[]; key: string | number; path: string }[] = []
  const walk = (value: unknown, path: string) => {
    if (typeof value !== 'object' || value === null) return
    for (const [key, inner] of Object.entries(value)) {
      places.push({ parent: value as Record<string, unknown>, key: Array.isArray(value) ? Number(key) : key, path: `${path}.${key}` })
      walk(inner, `${path}.${key}`)
    }
  }
  walk(root, '$')
  if (places.length === 0) return { name: 'json replaced by another value', value: otherValue(root, random) }
  const place = random.pick(places)
  const parent = place.parent as Record<string | number, unknown>
  const action = random.pick(['delete', 'retype', 'extra', 'nullify'] as const)
  if (action === 'delete') {
    if (Array.isArray(place.parent)) place.parent.splice(Number(place.key), 1)
    else delete parent[place.key]
  } else if (action === 'retype') {
    parent[place.key] = otherValue(parent[place.key], random)
  } else if (action === 'extra') {
    parent[place.key] = typeof parent[place.key] === 'object' && parent[place.key] !== null ? { ...(parent[place.key] as object), Unexpected: 'field' } : parent[place.key]
  } else {
    parent[place.key] = null
  }
  return { name: `${action} ${place.path}`, value: root }
}

function spoil(honest: Answer, random: Random, stealUrl: string): { name: string; answer: Answer } {
  const json = { 'content-type': 'application/json' }
  const text = honest.body.toString()
  switch (random.pick(['honest', 'status', 'mutate', 'mutate', 'mutate', 'garbage', 'redirect', 'rateLimited'] as const)) {
    case 'honest':
      return { name: 'honest', answer: honest }
    case 'status': {
      const status = random.pick(STATUSES)
      return { name: `status ${status}`, answer: { status, headers: json, body: random.chance(0.5) ? text : '' } }
    }
    case 'mutate': {
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch {
        return { name: 'honest (not JSON)', answer: honest }
      }
      const { name, value } = mutateJson(parsed, random)
      return { name, answer: { ...honest, body: JSON.stringify(value) ?? '' } }
    }
    case 'garbage': {
      const bodies = [
        '',
        'null',
        '[]',
        '{"Result": false}',
        '{"Result": false, "Errors": "broken"}',
        `{"Result": false, "Errors": ${deeplyNestedJson(5_000)}}`,
        '\ufeff{"Result": true}',
        '<html><body>Gateway</body></html>',
        text.slice(0, Math.floor(text.length / 3)),
      ]
      const body = random.chance(0.2) ? random.bytes(random.int(1, 500)) : random.pick(bodies)
      return { name: `garbage ${typeof body === 'string' ? JSON.stringify(body.slice(0, 40)) : `${body.length} bytes`}`, answer: { status: random.pick([200, 400, 500]), headers: json, body } }
    }
    case 'redirect':
      return { name: 'redirect', answer: { status: random.pick([301, 302, 307, 308]), headers: { ...json, location: stealUrl }, body: '' } }
    case 'rateLimited':
      // Retry-After 0: a longer pause would hold every later call of the run (the limiter has its own tests).
      return { name: '429', answer: { status: 429, headers: { ...json, 'retry-after': '0' }, body: '{"Result":false,"Errors":{"API":{"Error":"Too many requests"}}}' } }
  }
}
