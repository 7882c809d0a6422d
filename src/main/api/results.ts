import { err, invalid, ok, type FieldErrors, type Result } from '../../shared/result'
import { API_MESSAGES } from './messages'
import type { Lane } from './rateLimiter'

/** Per-call options every client method accepts. */
export interface CallOptions {
  /** 'user' (default) for what the agent is waiting on; 'background' for refresh and prefetch. */
  lane?: Lane
}

export function mapOk<From, To>(result: Result<From>, map: (value: From) => To): Result<To> {
  return result.ok ? ok(map(result.value)) : result
}

/** Path segments a URL resolves away: `/conversation/..` is `/`, `/conversation/./assign` is `/conversation/assign`. */
const DOT_SEGMENTS: ReadonlySet<string> = new Set(['.', '..'])

/** encodeURIComponent throws on half a surrogate pair, which no real id contains. */
function isEncodable(id: string): boolean {
  try {
    encodeURIComponent(id)
    return true
  } catch {
    return false
  }
}

/**
 * An empty id would turn `/conversation/{id}` into another endpoint (`/conversation/` is the
 * list), and so would `.` or `..`, which encodeURIComponent leaves as they are and URL
 * resolution removes; so ids are checked like any other field before they enter a path.
 */
export function validateIds(ids: Readonly<Record<string, string>>): FieldErrors {
  const fields: FieldErrors = {}
  for (const [field, id] of Object.entries(ids)) {
    if (id.trim() === '') fields[field] = API_MESSAGES.missingId
    else if (DOT_SEGMENTS.has(id) || !isEncodable(id)) fields[field] = API_MESSAGES.notAnId
  }
  return fields
}

/**
 * Sends only when the documented limits hold; otherwise answers `invalid` with the field
 * messages and nothing leaves the machine.
 */
export function sendIfValid<Value>(fields: FieldErrors, send: () => Promise<Result<Value>>): Promise<Result<Value>> {
  if (Object.keys(fields).length > 0) return Promise.resolve(err(invalid(API_MESSAGES.invalidInput, fields)))
  return send()
}
