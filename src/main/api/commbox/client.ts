import type { CommboxTag, CommboxTagInput } from '../../../shared/domain/commbox'
import { validateCommboxTag } from '../../../shared/limits'
import { err, type Result } from '../../../shared/result'
import { systemClock, type Clock } from '../clock'
import { DEFAULT_TIMEOUT_MS, exchange, type FetchFunction, type HttpAnswer } from '../http'
import { readJson, tryParseJson, validateAnswer } from '../parse'
import { mapOk, sendIfValid } from '../results'
import { parseRetryAfterMs } from '../retryAfter'
import { errorForStatus } from '../statusErrors'
import { createTagRequest, readCommboxComplaint, statusInBody, toCommboxTag } from './mapping'
import { wireCreateTagAnswer } from './wire'

export interface CommboxClientOptions {
  /** Already checked by regions.ts, without a trailing slash, e.g. https://api.commbox.io. */
  baseUrl: string
  token: string
  clock?: Clock
  timeoutMs?: number
  fetch?: FetchFunction
}

export interface CommboxClient {
  /** Never retried: a lost answer may mean the tag exists. */
  createTag(input: CommboxTagInput): Promise<Result<CommboxTag>>
}

const OPERATION = 'POST /tags'

export function createCommboxClient(options: CommboxClientOptions): CommboxClient {
  const clock = options.clock ?? systemClock

  function interpret(answer: HttpAnswer): Result<CommboxTag> {
    const retryAfterMs = parseRetryAfterMs(answer.headers.get('retry-after'), clock.now())
    if (answer.status < 200 || answer.status >= 300) {
      return err(errorForStatus(answer.status, 'CommBox', readCommboxComplaint(tryParseJson(answer.body)), retryAfterMs))
    }
    const json = readJson(answer.body, { service: 'CommBox', operation: OPERATION })
    if (!json.ok) return json
    const bodyStatus = statusInBody(json.value)
    if (bodyStatus !== undefined) {
      return err(errorForStatus(bodyStatus, 'CommBox', readCommboxComplaint(json.value), retryAfterMs))
    }
    const wire = validateAnswer(json.value, wireCreateTagAnswer, { service: 'CommBox', operation: OPERATION })
    return mapOk(wire, toCommboxTag)
  }

  return {
    createTag: (input) =>
      sendIfValid(validateCommboxTag(input), async () => {
        const answer = await exchange(
          {
            service: 'CommBox',
            method: 'POST',
            url: `${options.baseUrl}/tags`,
            headers: {
              Authorization: `Bearer ${options.token}`,
              Accept: 'application/json',
              'Content-Type': 'application/json',
            },
            body: JSON.stringify(createTagRequest(input)),
            timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          },
          options.fetch,
        )
        return answer.ok ? interpret(answer.value) : answer
      }),
  }
}
