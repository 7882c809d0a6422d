/** Oktopost v2 under `/v2`: HTTP Basic, optional rate limits, then the route table. */
import type { ApiCall, ApiOutcome, ApiSurface } from '../api'
import { isValidBasicAuth } from '../auth'
import { mergeForms, parseForm } from '../http/forms'
import type { SandboxState } from '../state'
import { failure } from './answers'
import { oktopostRouter } from './routes'

const INVALID_CREDENTIALS = 'Invalid account id or API key'
const RATE_LIMITED = 'Rate limit exceeded: at most 60 requests per minute and 120 per 5 seconds'

export function oktopostSurface(state: SandboxState): ApiSurface {
  const router = oktopostRouter()

  const handle = (call: ApiCall): ApiOutcome => {
    const { options } = state
    if (!isValidBasicAuth(call.headers.authorization, options.accountId, options.apiKey)) {
      return { answer: failure(401, { API: INVALID_CREDENTIALS }, { 'WWW-Authenticate': 'Basic realm="Oktopost API"' }) }
    }
    if (options.rateLimit) {
      const decision = state.limiter.take(options.accountId)
      if (!decision.isAllowed) {
        return { answer: failure(429, { API: RATE_LIMITED }, { 'Retry-After': String(decision.retryAfterSeconds) }) }
      }
    }
    const match = router.match(call.method, call.subPath)
    if (match === undefined) return { answer: failure(404, { API: `No such endpoint: ${call.method} ${call.path}` }) }
    const fields = mergeForms(parseForm(call.query), call.method === 'GET' ? {} : parseForm(call.body))
    const answer = match.handler({ params: match.params, fields, workspace: state.workspace, options })
    return { answer, ...(answer.isApplied === true && { applied: { params: { ...fields } } }) }
  }

  return {
    prefix: '/v2',
    handle,
    errorAnswer: (status, retryAfterSeconds) => {
      switch (status) {
        case 401:
          return failure(401, { API: INVALID_CREDENTIALS }, { 'WWW-Authenticate': 'Basic realm="Oktopost API"' })
        case 403:
          return failure(403, { API: 'This API key lacks the permission for this action' })
        case 429:
          return failure(429, { API: RATE_LIMITED }, { 'Retry-After': String(retryAfterSeconds ?? 1) })
        case 500:
          return failure(500, { API: 'Internal server error' })
      }
    },
  }
}
