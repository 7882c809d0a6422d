/** What the request pipeline needs from each fake API (Oktopost under /v2, CommBox under /commbox). */
import type { IncomingHttpHeaders } from 'node:http'
import type { HttpAnswer } from './http/respond'

export interface ApiCall {
  method: string
  /** The full path, as the ledger and fault routes name it. */
  path: string
  /** The path below the API's prefix, as its router names it. */
  subPath: string
  /** The raw query string, without `?`. */
  query: string
  body: string
  headers: IncomingHttpHeaders
}

export interface ApiOutcome {
  answer: HttpAnswer
  /** Present when the call changed state: what the ledger records for it. */
  applied?: { params: unknown }
}

/** Statuses a fault can answer with instead of processing the request. */
export type InjectedStatus = 401 | 403 | 429 | 500

export interface ApiSurface {
  prefix: string
  handle(call: ApiCall): ApiOutcome
  /** The API's own error envelope, for injected faults and unexpected exceptions. */
  errorAnswer(status: InjectedStatus, retryAfterSeconds?: number): HttpAnswer
}
