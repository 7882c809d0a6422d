import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { BRIDGE_INVOKE_PATH, BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META } from '../../shared/ipc/transport'
import { err, invalid, type AppError, type Result } from '../../shared/result'
import { dispatch } from '../ipc/dispatch'
import type { Handlers } from '../ipc/handlers'
import { contentSecurityPolicy } from '../security/csp'
import { hasOwnHost, hasOwnOrigin, hasToken, isLoopbackPeer } from './bridgeGuards'
import { readStaticFile } from './staticFiles'

/** Larger than any request of the contract (10,000-character texts), small enough to refuse floods. */
const MAX_BODY_BYTES = 1024 * 1024

/** What the build names its bundles: `/assets/<name>-<8-character hash>.<js|css>`. */
const HASHED_ASSET = /^\/assets\/[\w.-]+-[\w-]{8}\.(?:js|css)$/

export interface BridgeOptions {
  handlers: Handlers
  /** Random per run; only a page this server served knows it. */
  token: string
  /** The renderer build to serve; null serves the bridge alone (tests). */
  staticDir: string | null
}

export interface RunningBridge {
  url: string
  port: number
  close(): Promise<void>
}

/**
 * The browser preview's transport: the same handler table as Electron IPC, served on
 * 127.0.0.1 only. Every invoke must carry the per-run token and come from the page's own
 * loopback origin, so another site open in the same browser cannot drive it.
 */
export async function startBridge(options: BridgeOptions, port = 0): Promise<RunningBridge> {
  const server = http.createServer((request, response) => {
    handle(request, response, options, (server.address() as AddressInfo).port).catch((error: unknown) => {
      console.error('[bridge] request failed', error)
      if (!response.headersSent) sendResult(response, 500, err({ kind: 'internal', message: 'The preview server failed' }))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const actualPort = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function handle(request: IncomingMessage, response: ServerResponse, options: BridgeOptions, port: number): Promise<void> {
  setSecurityHeaders(response)
  if (!isLoopbackPeer(request) || !hasOwnHost(request, port)) {
    return sendResult(response, 403, refused('forbidden', 'Request refused: the preview answers only 127.0.0.1'))
  }
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
  if (url.pathname === BRIDGE_INVOKE_PATH) return handleInvoke(request, response, options, port)
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end()
    return
  }
  return serveStatic(response, options, url.pathname)
}

async function handleInvoke(request: IncomingMessage, response: ServerResponse, options: BridgeOptions, port: number) {
  if (request.method !== 'POST') {
    return sendResult(response, 405, refused('invalid', 'The bridge accepts POST only'))
  }
  if (!hasOwnOrigin(request, port)) {
    return sendResult(response, 403, refused('forbidden', 'Request refused: it did not come from the Inbox Desk preview page'))
  }
  if (!hasToken(request, BRIDGE_TOKEN_HEADER, options.token)) {
    return sendResult(response, 401, refused('unauthorized', 'Request refused: missing or wrong bridge token'))
  }
  const body = await readBody(request)
  if (body === null) {
    return sendResult(response, 413, refused('invalid', `Request refused: larger than ${MAX_BODY_BYTES} bytes`))
  }
  let message: unknown
  try {
    message = JSON.parse(body)
  } catch {
    return sendResult(response, 400, err(invalid('Request refused: the body is not JSON', { body: 'is not JSON' })))
  }
  const { channel, payload } = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>
  sendResult(response, 200, await dispatch(options.handlers, channel, payload, { transport: 'http' }))
}

async function serveStatic(response: ServerResponse, options: BridgeOptions, pathname: string) {
  const file = options.staticDir ? await readStaticFile(options.staticDir, pathname) : null
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  const isPage = file.contentType.startsWith('text/html')
  const body = isPage ? withToken(file.body.toString('utf8'), options.token) : file.body
  response.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': cachePolicy(pathname, isPage) })
  response.end(body)
}

/**
 * The page carries the per-run token, so it is never stored. The build's assets have a hash
 * of their content in their name: the browser may keep them (and its compiled code) for good.
 */
function cachePolicy(pathname: string, isPage: boolean): string {
  if (isPage) return 'no-store'
  return HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

function withToken(html: string, token: string): string {
  return html.replace('</head>', `<meta name="${BRIDGE_TOKEN_META}" content="${token}">\n</head>`)
}

function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy())
  response.setHeader('X-Content-Type-Options', 'nosniff')
  response.setHeader('X-Frame-Options', 'DENY')
  response.setHeader('Referrer-Policy', 'no-referrer')
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

function refused(kind: 'forbidden' | 'unauthorized' | 'invalid', message: string): Result<never> {
  const error: AppError = kind === 'invalid' ? invalid(message) : { kind, message }
  return err(error)
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(JSON.stringify(result))
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    // An oversized body is drained, not kept, so the refusal can still be answered.
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}
