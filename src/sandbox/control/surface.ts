/**
 * Test controls under `/__sandbox/`: JSON in and out, no auth, loopback callers only.
 * They are not part of either fake API, so faults, rate limits and the ledger skip them.
 */
import type { z } from 'zod'
import { Router, type RouteParams } from '../http/router'
import type { HttpAnswer } from '../http/respond'
import type { SandboxState } from '../state'
import { receiveInbound } from './inbound'
import { faultSpecSchema, inboundSchema } from './schemas'

export const CONTROL_PREFIX = '/__sandbox'

type ControlHandler = (state: SandboxState, body: unknown, params: RouteParams) => HttpAnswer

const routes = new Router<ControlHandler>()
  .add('GET', '/health', (state) => ok({
    ok: true,
    accountId: state.options.accountId,
    seed: state.options.seed,
    conversations: state.workspace.conversations.length,
    materializedTimelines: state.workspace.materializedTimelineCount,
  }))
  .add('GET', '/faults', (state) => ok({ faults: state.faults.list() }))
  .add('POST', '/faults', (state, body) =>
    withValid(faultSpecSchema, body, (spec) => ok({ id: state.faults.add(spec) })))
  .add('DELETE', '/faults', (state) => {
    state.faults.clear()
    return ok({ ok: true })
  })
  .add('DELETE', '/faults/:id', (state, _body, params) =>
    state.faults.remove(params.id ?? '') ? ok({ ok: true }) : error(404, `No fault ${params.id}`))
  .add('POST', '/inbound', (state, body) =>
    withValid(inboundSchema, body, (request) => receiveInbound(state.workspace, request)))
  .add('GET', '/ledger', (state) => ok({ entries: state.ledger.list() }))
  .add('POST', '/reset', (state) => {
    state.reset()
    return ok({ ok: true })
  })

export function handleControl(state: SandboxState, method: string, subPath: string, bodyText: string): HttpAnswer {
  const match = routes.match(method, subPath)
  if (match === undefined) return error(404, `No control route ${method} ${CONTROL_PREFIX}${subPath}`)
  let body: unknown
  try {
    body = bodyText.trim() === '' ? {} : JSON.parse(bodyText)
  } catch {
    return error(400, 'Control requests take a JSON body')
  }
  return match.handler(state, body, match.params)
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1'
}

function withValid<T>(schema: z.ZodType<T>, body: unknown, handle: (value: T) => HttpAnswer): HttpAnswer {
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    return error(400, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '))
  }
  return handle(parsed.data)
}

function ok(body: unknown): HttpAnswer {
  return { status: 200, body }
}

function error(status: number, message: string): HttpAnswer {
  return { status, body: { error: message } }
}
