import { err, ok, type Result } from '../../shared/result'
import { API_MESSAGES, type Service } from './messages'
import { classifyTransportFailure, type HttpMethod } from './transportErrors'

export const DEFAULT_TIMEOUT_MS = 30_000

/**
 * Far above any documented answer (a page of 100 canned responses of 10,000 characters is
 * about 1 MB), and low enough that a broken or hostile server can't exhaust main's memory.
 */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024

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
      return ok({ status: response.status, headers: response.headers, body: await readText(response, MAX_ANSWER_BYTES) })
    } catch (error) {
      // A refusal's status already tells the outcome even if its body was cut; a success's doesn't.
      if (response.status >= 400 && !didTimeOut) return ok({ status: response.status, headers: response.headers, body: '' })
      if (error instanceof AnswerTooLargeError) {
        return err({ kind: 'invalidResponse', message: API_MESSAGES.tooLarge(request.service, MAX_ANSWER_BYTES) })
      }
      return failure(error)
    }
  } finally {
    clearTimeout(deadline)
  }
}

class AnswerTooLargeError extends Error {}

/**
 * The body as text, like `response.text()`, but it stops reading (and drops the connection)
 * once the answer passes `maxBytes`, whatever Content-Length said.
 */
async function readText(response: Response, maxBytes: number): Promise<string> {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel()
    throw new AnswerTooLargeError()
  }
  if (response.body === null) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw new AnswerTooLargeError()
    }
    chunks.push(value)
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}
