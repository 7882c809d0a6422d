import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost']

/** The origins a page served by this bridge has: loopback, on this port, nothing else. */
export function ownOrigins(port: number): string[] {
  return LOOPBACK_HOSTS.map((host) => `http://${host}:${port}`)
}

/** Refuses DNS-rebinding: a request must name this server by its loopback address. */
export function hasOwnHost(request: IncomingMessage, port: number): boolean {
  return LOOPBACK_HOSTS.some((host) => request.headers.host === `${host}:${port}`)
}

export function isLoopbackPeer(request: IncomingMessage): boolean {
  const address = request.socket.remoteAddress ?? ''
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}

export function hasOwnOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin
  return typeof origin === 'string' && ownOrigins(port).includes(origin)
}

export function hasToken(request: IncomingMessage, header: string, token: string): boolean {
  const sent = request.headers[header]
  if (typeof sent !== 'string') return false
  const expected = Buffer.from(token)
  const actual = Buffer.from(sent)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
