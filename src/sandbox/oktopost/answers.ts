/** Oktopost's envelopes: `{Result:true, ...}` or `{Result:false, Errors:{<Field or API>:{Error}}}`. */
import type { HttpAnswer } from '../http/respond'

export interface OktopostAnswer extends HttpAnswer {
  /** True when the request changed state; such requests go into the ledger. */
  isApplied?: boolean
}

export type FieldErrors = Record<string, string>

export function success(fields: Record<string, unknown> = {}): OktopostAnswer {
  return { status: 200, body: { Result: true, ...fields } }
}

export function applied(fields: Record<string, unknown> = {}): OktopostAnswer {
  return { ...success(fields), isApplied: true }
}

export function failure(status: number, errors: FieldErrors, headers?: Record<string, string>): OktopostAnswer {
  const Errors = Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, { Error: message }]))
  return { status, body: { Result: false, Errors }, ...(headers && { headers }) }
}

export function invalid(errors: FieldErrors): OktopostAnswer {
  return failure(400, errors)
}

export function notFound(what: string): OktopostAnswer {
  return failure(404, { API: `${what} not found` })
}

export function conflict(field: string, message: string): OktopostAnswer {
  return failure(409, { [field]: message })
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0
}
