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

/**
 * An empty id would turn `/conversation/{id}` into another endpoint (`/conversation/` is the
 * list), so ids are checked like any other field.
 */
export function validateIds(ids: Readonly<Record<string, string>>): FieldErrors {
  const fields: FieldErrors = {}
  for (const [field, id] of Object.entries(ids)) {
    if (id.trim() === '') fields[field] = API_MESSAGES.missingId
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
