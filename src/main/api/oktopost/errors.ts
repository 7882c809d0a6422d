import type { FieldErrors } from '../../../shared/result'
import type { ServerComplaint } from '../statusErrors'
import { toFieldName } from './mapping'

/** Deeper than any error body Oktopost sends; a hostile one nested thousands deep would overflow the stack. */
const MAX_ERROR_DEPTH = 8

/** Every string inside an error value, however Oktopost nested it (within MAX_ERROR_DEPTH). */
function textsOf(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value]
  if (depth >= MAX_ERROR_DEPTH) return []
  if (Array.isArray(value)) return value.flatMap((inner) => textsOf(inner, depth + 1))
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap((inner) => textsOf(inner, depth + 1))
  return []
}

/**
 * Reads `{"Result": false, "Errors": {...}}` without trusting its shape: seen as
 * `{"Field": {"Error": "msg"}}` and `{"Param": {"get": "msg"}}`, and tolerated as plain strings
 * or lists. Each key becomes a field message; the message joins them all.
 */
export function readOktopostComplaint(body: unknown, callFieldNames?: Readonly<Record<string, string>>): ServerComplaint {
  const errors = typeof body === 'object' && body !== null ? (body as { Errors?: unknown }).Errors : undefined
  const fields: FieldErrors = {}
  const messages: string[] = []
  if (typeof errors === 'object' && errors !== null && !Array.isArray(errors)) {
    for (const [key, value] of Object.entries(errors)) {
      const texts = textsOf(value)
      if (texts.length === 0) continue
      fields[toFieldName(key, callFieldNames)] = texts.join('; ')
      messages.push(...texts)
    }
  } else {
    messages.push(...textsOf(errors))
  }
  return { message: messages.length === 0 ? undefined : [...new Set(messages)].join('; '), fields }
}
