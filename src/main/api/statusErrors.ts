import type { AppError, FieldErrors } from '../../shared/result'
import { API_MESSAGES, type Service } from './messages'

/** What the server said about a refusal, read from its error body when it had one. */
export interface ServerComplaint {
  message: string | undefined
  fields: FieldErrors
}

/** The error kind of a non-2xx answer; the server's own message wins over ours when present. */
export function errorForStatus(
  status: number,
  service: Service,
  complaint: ServerComplaint,
  retryAfterMs: number,
): AppError {
  const said = complaint.message
  if (status === 400 || status === 422) {
    return { kind: 'invalid', message: said ?? API_MESSAGES.invalid(service), fields: complaint.fields }
  }
  if (status === 401) return { kind: 'unauthorized', message: said ?? API_MESSAGES.unauthorized(service) }
  if (status === 403) return { kind: 'forbidden', message: said ?? API_MESSAGES.forbidden(service) }
  if (status === 404) return { kind: 'notFound', message: said ?? API_MESSAGES.notFound(service) }
  if (status === 409) return { kind: 'conflict', message: said ?? API_MESSAGES.conflict(service) }
  if (status === 429) {
    return { kind: 'rateLimited', message: API_MESSAGES.rateLimited(service, retryAfterMs), retryAfterMs }
  }
  if (status >= 500) return { kind: 'server', message: API_MESSAGES.server(service, status), status }
  // Other 4xx (405, 413...) mean the request as built was refused: show it, don't retry it.
  if (status >= 400) return { kind: 'invalid', message: said ?? API_MESSAGES.invalid(service), fields: complaint.fields }
  return { kind: 'invalidResponse', message: API_MESSAGES.unexpectedStatus(service, status) }
}
