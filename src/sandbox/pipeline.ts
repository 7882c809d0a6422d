/**
 * One request's path through the sandbox: control routes go straight through; API calls
 * meet their injected faults, are handled, enter the ledger if they changed state, and
 * only then are answered (or, per fault, not answered).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import type { ApiCall, ApiSurface } from './api'
import { CONTROL_PREFIX, handleControl, isLoopback } from './control/surface'
import { BodyTooLargeError, MAX_BODY_BYTES, readBody } from './http/body'
import { hugeJson, sendCutMidBody, sendDripping, withFirstFieldsDropped, withWrongTypes } from './http/faultyAnswers'
import { sendAnswer, sendText, type HttpAnswer } from './http/respond'
import type { SandboxState } from './state'

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>

export function requestPipeline(state: SandboxState, surfaces: readonly ApiSurface[]): RequestHandler {
  return async (request, response) => {
    if (!isOwnCaller(request)) {
      sendAnswer(response, { status: 403, body: { error: 'The sandbox answers local programs only, never web pages' } })
      return
    }
    const method = request.method ?? 'GET'
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid')
    const path = url.pathname
    let body: string
    try {
      body = await readBody(request)
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error
      sendAnswer(response, { status: 413, body: { error: `Request body over ${MAX_BODY_BYTES} bytes` } })
      return
    }

    if (isUnder(path, CONTROL_PREFIX)) {
      const answer = isLoopback(request.socket.remoteAddress)
        ? handleControl(state, method, path.slice(CONTROL_PREFIX.length), body)
        : { status: 403, body: { error: 'Control routes answer loopback callers only' } }
      sendAnswer(response, answer)
      return
    }

    const surface = surfaces.find((candidate) => isUnder(path, candidate.prefix))
    if (surface === undefined) {
      sendAnswer(response, { status: 404, body: { error: `Nothing at ${path}; Oktopost is under /v2, CommBox under /commbox` } })
      return
    }

    const plan = state.faults.plan(method, path)
    if (plan.latencyMs > 0) await delay(plan.latencyMs)
    switch (plan.outcome) {
      case 'resetBefore':
        request.socket.destroy()
        return
      case 'status500':
        sendAnswer(response, surface.errorAnswer(500))
        return
      case 'status429':
        sendAnswer(response, surface.errorAnswer(429, plan.retryAfterSeconds))
        return
      case 'status401':
        sendAnswer(response, surface.errorAnswer(401))
        return
      case 'status403':
        sendAnswer(response, surface.errorAnswer(403))
        return
      default:
        break
    }

    const answer = applyCall(state, surface, {
      method, path, body,
      subPath: path.slice(surface.prefix.length),
      query: url.search.slice(1),
      headers: request.headers,
    })
    switch (plan.outcome) {
      case 'dropAfter':
        request.socket.destroy()
        return
      case 'malformedJson':
        sendText(response, answer.status, truncatedJson(answer.body), answer.headers)
        return
      case 'wrongTypes':
        sendAnswer(response, { ...answer, body: withWrongTypes(answer.body) })
        return
      case 'missingFields':
        sendAnswer(response, { ...answer, body: withFirstFieldsDropped(answer.body) })
        return
      case 'hugeBody':
        sendText(response, answer.status, hugeJson(answer.body), answer.headers)
        return
      case 'slowDrip':
        return sendDripping(response, answer, plan.dripIntervalMs)
      case 'cutMidBody':
        sendCutMidBody(response, answer)
        return
      default:
        sendAnswer(response, answer)
    }
  }
}

function applyCall(state: SandboxState, surface: ApiSurface, call: ApiCall): HttpAnswer {
  try {
    const outcome = surface.handle(call)
    if (outcome.applied !== undefined) {
      state.ledger.record(call.method, call.path, outcome.applied.params, outcome.answer.status)
    }
    return outcome.answer
  } catch (error) {
    console.error('sandbox: unexpected error handling', call.method, call.path, error)
    return surface.errorAnswer(500)
  }
}

/** A body cut short mid-value, like a proxy that dropped the end of the stream. */
function truncatedJson(body: unknown): string {
  const json = JSON.stringify(body)
  return json.slice(0, Math.max(1, Math.floor(json.length / 2)))
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`)
}

/**
 * API clients and tests call from this machine without an Origin header, naming the server
 * by its loopback address. A browser page (a cross-site POST, or DNS rebinding) sends an
 * Origin or another Host, and is refused, so no web page can drive the demo workspace.
 */
function isOwnCaller(request: IncomingMessage): boolean {
  const host = (request.headers.host ?? '').replace(/:\d+$/, '')
  const isLoopbackHost = host === '127.0.0.1' || host === 'localhost' || host === '[::1]'
  return request.headers.origin === undefined && isLoopbackHost
}
