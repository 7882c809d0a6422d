import { err, ok, type Result } from '../../shared/result'
import type { Service } from './messages'
import { classifyTransportFailure, type HttpMethod } from './transportErrors'

export const DEFAULT_TIMEOUT_MS = 30_000

export interface HttpRequest {
  service: Service
  method: HttpMethod
  url: string
  headers: Readonly<Record<string, string>>
  body?: string
  timeoutMs: number
}

/** An answer with a status. `body` is '' when a refusal's body couldn't be read. */
export interface HttpAnswer {
  status: number
  headers: Headers
  body: string
}

export type FetchFunction = typeof fetch

/**
 * One HTTP exchange with a deadline covering both the headers and the body. Never throws:
 * transport failures come back already classified (see transportErrors.ts).
 */
export async function exchange(request: HttpRequest, fetchFunction: FetchFunction = fetch): Promise<Result<HttpAnswer>> {
  const controller = new AbortController()
  let didTimeOut = false
  const deadline = setTimeout(() => {
    didTimeOut = true
    controller.abort()
  }, request.timeoutMs)
  const failure = (error: unknown) =>
    err<HttpAnswer>(
      classifyTransportFailure(error, {
        service: request.service,
        method: request.method,
        didTimeOut,
        timeoutMs: request.timeoutMs,
      }),
    )
  try {
    let response: Response
    try {
      response = await fetchFunction(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal: controller.signal,
        // A redirect would resend the credentials somewhere unplanned; treat it as an answer instead.
        redirect: 'manual',
      })
    } catch (error) {
      return failure(error)
    }
    try {
      return ok({ status: response.status, headers: response.headers, body: await response.text() })
    } catch (error) {
      // A refusal's status already tells the outcome even if its body was cut; a success's doesn't.
      if (response.status >= 400 && !didTimeOut) return ok({ status: response.status, headers: response.headers, body: '' })
      return failure(error)
    }
  } finally {
    clearTimeout(deadline)
  }
}
