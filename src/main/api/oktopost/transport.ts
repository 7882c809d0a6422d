import type { z } from 'zod'
import { err, type Result } from '../../../shared/result'
import { systemClock, type Clock } from '../clock'
import { encodeForm, type FormFields } from '../formEncoding'
import { DEFAULT_TIMEOUT_MS, exchange, type FetchFunction, type HttpAnswer } from '../http'
import { API_MESSAGES } from '../messages'
import { readJson, tryParseJson, validateAnswer, type AnswerContext } from '../parse'
import type { Lane, RateLimiter } from '../rateLimiter'
import { DEFAULT_READ_RETRY, retryRead, type RetryPolicy } from '../retry'
import { parseRetryAfterMs } from '../retryAfter'
import { errorForStatus } from '../statusErrors'
import type { HttpMethod } from '../transportErrors'
import { readOktopostComplaint } from './errors'

export interface OktopostAuth {
  /** Already checked by regions.ts, without a trailing slash, e.g. https://api.oktopost.com/v2. */
  baseUrl: string
  accountId: string
  apiKey: string
}

export interface OktopostTransportOptions {
  auth: OktopostAuth
  /** Shared by every Oktopost client of the process. */
  limiter: RateLimiter
  clock?: Clock
  random?: () => number
  readRetry?: RetryPolicy
  timeoutMs?: number
  /**
   * While the server's Retry-After pause lasts longer than this, calls answer `rateLimited` at
   * once instead of waiting, so nobody stares at a spinner through a 15-minute block.
   */
  maxPauseWaitMs?: number
  fetch?: FetchFunction
}

export const DEFAULT_MAX_PAUSE_WAIT_MS = 10_000

export interface OktopostCall<Wire> {
  method: HttpMethod
  /** Below the base URL, e.g. `/conversation/eit000000000001/reply`. */
  path: string
  query?: FormFields
  form?: FormFields
  answer: z.ZodType<Wire>
  lane: Lane
  /** Parameter -> domain field names for this call's error messages, where they differ beyond case. */
  fieldNames?: Readonly<Record<string, string>>
}

export type OktopostTransport = <Wire>(call: OktopostCall<Wire>) => Promise<Result<Wire>>

/**
 * Every Oktopost call goes through here: rate limiter, HTTP Basic auth, form body, deadline,
 * status and shape checks. GETs are retried on transient failures; POSTs and DELETEs never are.
 */
export function createOktopostTransport(options: OktopostTransportOptions): OktopostTransport {
  const clock = options.clock ?? systemClock
  const random = options.random ?? Math.random
  const readRetry = options.readRetry ?? DEFAULT_READ_RETRY
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxPauseWaitMs = options.maxPauseWaitMs ?? DEFAULT_MAX_PAUSE_WAIT_MS
  const { baseUrl, accountId, apiKey } = options.auth
  const authorization = `Basic ${Buffer.from(`${accountId}:${apiKey}`, 'utf8').toString('base64')}`

  function interpret<Wire>(call: OktopostCall<Wire>, answer: HttpAnswer, context: AnswerContext): Result<Wire> {
    if (answer.status >= 200 && answer.status < 300) {
      const json = readJson(answer.body, context)
      if (!json.ok) return json
      if ((json.value as { Result?: unknown } | null)?.Result === false) {
        const complaint = readOktopostComplaint(json.value, call.fieldNames)
        return err(errorForStatus(400, 'Oktopost', complaint, 0))
      }
      return validateAnswer(json.value, call.answer, context)
    }
    const retryAfterMs = parseRetryAfterMs(answer.headers.get('retry-after'), clock.now())
    // The server is counting differently from us: hold every Oktopost call, not just this one.
    if (answer.status === 429) options.limiter.pauseFor(retryAfterMs)
    const complaint = readOktopostComplaint(tryParseJson(answer.body), call.fieldNames)
    return err(errorForStatus(answer.status, 'Oktopost', complaint, retryAfterMs))
  }

  async function attempt<Wire>(call: OktopostCall<Wire>): Promise<Result<Wire>> {
    const query = call.query === undefined ? '' : encodeForm(call.query)
    const url = `${baseUrl}${call.path}${query === '' ? '' : `?${query}`}`
    const body = call.form === undefined ? undefined : encodeForm(call.form)
    const headers: Record<string, string> = { Authorization: authorization, Accept: 'application/json' }
    if (body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded'
    const pausedForMs = options.limiter.pausedForMs()
    if (pausedForMs > maxPauseWaitMs) {
      return err({ kind: 'rateLimited', message: API_MESSAGES.rateLimited('Oktopost', pausedForMs), retryAfterMs: pausedForMs })
    }
    await options.limiter.acquire(call.lane)
    const answer = await exchange(
      { service: 'Oktopost', method: call.method, url, headers, timeoutMs, ...(body === undefined ? {} : { body }) },
      options.fetch,
    )
    if (!answer.ok) return answer
    return interpret(call, answer.value, { service: 'Oktopost', operation: `${call.method} ${call.path}` })
  }

  return (call) =>
    call.method === 'GET' ? retryRead(() => attempt(call), { policy: readRetry, clock, random }) : attempt(call)
}
