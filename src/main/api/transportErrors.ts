import type { AppError } from '../../shared/result'
import { API_MESSAGES, type Service } from './messages'

export type HttpMethod = 'GET' | 'POST' | 'DELETE'

/**
 * Codes that undici (Node's fetch) reports only while it is still resolving, connecting or
 * handshaking: the request bytes were never written, so nothing can have reached the server.
 */
const NOTHING_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
])

/**
 * fetch rejects with `TypeError('fetch failed')` and hides the reason in `cause` (sometimes an
 * AggregateError when several addresses were tried); collect every code along the way.
 */
export function errorCodes(error: unknown, seen = new Set<unknown>()): string[] {
  if (typeof error !== 'object' || error === null || seen.has(error)) return []
  seen.add(error)
  const codes: string[] = []
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown }
  if (typeof code === 'string') codes.push(code)
  if (Array.isArray(errors)) for (const inner of errors) codes.push(...errorCodes(inner, seen))
  codes.push(...errorCodes(cause, seen))
  return codes
}

function describe(error: unknown, codes: readonly string[]): string {
  if (codes[0] !== undefined) return codes[0]
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause
  if (typeof cause?.message === 'string') return cause.message
  return error instanceof Error ? error.message : String(error)
}

/**
 * Turns a failed exchange (fetch threw, or reading the body did) into an error kind:
 * - our own deadline fired: `timeout`;
 * - a connect-phase code: `network`, nothing was sent;
 * - anything else (reset, "other side closed", body cut mid-way) happened after the request may
 *   have been written. For a POST or DELETE that is `unknownOutcome`; a GET changes nothing on
 *   the server, so for it the distinction is moot and it is `network`, which callers retry.
 */
export function classifyTransportFailure(
  error: unknown,
  context: { service: Service; method: HttpMethod; didTimeOut: boolean; timeoutMs: number },
): AppError {
  if (context.didTimeOut) return { kind: 'timeout', message: API_MESSAGES.timeout(context.service, context.timeoutMs) }
  const codes = errorCodes(error)
  const detail = describe(error, codes)
  const isNothingSent = codes.some((code) => NOTHING_SENT_CODES.has(code))
  if (isNothingSent || context.method === 'GET') {
    return { kind: 'network', message: API_MESSAGES.network(context.service, detail) }
  }
  return { kind: 'unknownOutcome', message: API_MESSAGES.unknownOutcome(context.service, detail) }
}
