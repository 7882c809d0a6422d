import type { FieldErrors } from '../../../shared/result'
import type { ServerComplaint } from '../statusErrors'
import { toFieldName } from './mapping'

/** Every string inside an error value, however deeply Oktopost nested it. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value]
  if (Array.isArray(value)) return value.flatMap(textsOf)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(textsOf)
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
