import { describe, expect, it } from 'vitest'
import { classifyTransportFailure, errorCodes, type HttpMethod } from '../../../../src/main/api/transportErrors'

/** The shapes undici's fetch rejects with: TypeError('fetch failed') with the reason in `cause`. */
function fetchFailed(cause: object): TypeError {
  return new TypeError('fetch failed', { cause })
}
const coded = (code: string, message = code) => Object.assign(new Error(message), { code })

const classify = (error: unknown, method: HttpMethod, didTimeOut = false) =>
  classifyTransportFailure(error, { service: 'Oktopost', method, didTimeOut, timeoutMs: 5_000 })

describe('transport failure classification', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])(
    'calls %s a network error even for a POST: nothing was sent',
    (code) => {
      expect(classify(fetchFailed(coded(code)), 'POST').kind).toBe('network')
    },
  )

  it('finds the code inside an AggregateError (several addresses tried)', () => {
    const aggregate = new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'connect failed')
    expect(errorCodes(fetchFailed(aggregate))).toEqual(['ECONNREFUSED', 'ECONNREFUSED'])
    expect(classify(fetchFailed(aggregate), 'POST').kind).toBe('network')
  })

  it.each(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'])('calls %s after sending an unknown outcome for POST and DELETE', (code) => {
    expect(classify(fetchFailed(coded(code, 'other side closed')), 'POST').kind).toBe('unknownOutcome')
    expect(classify(fetchFailed(coded(code)), 'DELETE').kind).toBe('unknownOutcome')
  })

  it('calls a body cut mid-way an unknown outcome for a POST', () => {
    const terminated = new TypeError('terminated', { cause: coded('UND_ERR_SOCKET', 'other side closed') })
    const error = classify(terminated, 'POST')
    expect(error).toMatchObject({ kind: 'unknownOutcome' })
    expect(error.message).toContain('UND_ERR_SOCKET')
  })

  it('calls a broken GET a network error, since a read changes nothing and can be retried', () => {
    expect(classify(fetchFailed(coded('UND_ERR_SOCKET')), 'GET').kind).toBe('network')
  })

  it('treats an unexplained failure of a POST as an unknown outcome, never as safe to resend', () => {
    expect(classify(new TypeError('fetch failed'), 'POST').kind).toBe('unknownOutcome')
  })

  it('calls our own deadline a timeout whatever the error says', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError')
    expect(classify(abort, 'POST', true)).toMatchObject({ kind: 'timeout' })
    expect(classify(abort, 'GET', true).message).toContain('5 s')
  })
})
