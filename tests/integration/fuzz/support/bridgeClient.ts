import http from 'node:http'
import type { Random } from './random'

/**
 * Raw HTTP to the browser preview's bridge, so the fuzzer controls the body byte for byte and
 * the Origin, Host and token headers, which fetch would not let it set.
 */
export interface BridgeResponse {
  status: number
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown
}

export interface BridgeClient {
  /** POSTs to /__bridge/invoke as the preview's own page (its origin and token) unless told otherwise. */
  post(body: string | Buffer, headers?: Record<string, string>, options?: { isOwnPage: boolean }): Promise<BridgeResponse>
  /** The headers the preview's own page sends. */
  ownHeaders(): { origin: string; 'x-inbox-desk-token': string }
  close(): void
}

export function bridgeClient(port: number, token: string): BridgeClient {
  const agent = new http.Agent({ keepAlive: true })
  const ownHeaders = () => ({ origin: `http://127.0.0.1:${port}`, 'x-inbox-desk-token': token })
  return {
    ownHeaders,
    close: () => agent.destroy(),
    post: (body, headers = {}, options = { isOwnPage: true }) =>
      new Promise((resolve, reject) => {
        const request = http.request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/__bridge/invoke',
            agent,
            headers: { 'content-type': 'application/json', ...(options.isOwnPage ? ownHeaders() : {}), ...headers },
          },
          (response) => {
            const chunks: Buffer[] = []
            response.on('data', (chunk: Buffer) => chunks.push(chunk))
            response.on('end', () => {
              let json: unknown
              try {
                json = JSON.parse(Buffer.concat(chunks).toString('utf8'))
              } catch {
                json = undefined
              }
              resolve({ status: response.statusCode ?? 0, json })
            })
          },
        )
        request.on('error', reject)
        request.end(body)
      }),
  }
}

/** Bodies that are not a request envelope at all, or one built to trip a naive parser. */
export function malformedBodies(random: Random): Buffer[] {
  const texts = [
    '',
    '{',
    'null',
    '[]',
    '"app:info"',
    '42',
    '{"channel": "app:info", "payload": {}',
    '\ufeff{"channel": "app:info", "payload": {"x": 1}}',
    '{"channel": {"toString": "app:info"}, "payload": {}}',
    '{"channel": "__proto__", "payload": {}}',
    '{"channel": "constructor", "payload": {}}',
    '{"channel": "hasOwnProperty", "payload": {}}',
    `{"channel": "${'x'.repeat(100_000)}", "payload": {}}`,
    `{"channel": "app:info", "payload": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
    `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    '{"channel": "app:info", "payload": {"__proto__": {"isPolluted": true}}}',
    `{"channel": "app:info", "payload": {}, "padding": "${'x'.repeat(1024 * 1024)}"}`,
  ]
  const randomBytes = Array.from({ length: 20 }, () => random.bytes(random.int(1, 2_000)))
  return [...texts.map((text) => Buffer.from(text, 'utf8')), ...randomBytes]
}
