import type { z } from 'zod'
import { contract, isChannel } from '../../shared/ipc/contract'
import { err, invalid, type FieldErrors, type Result } from '../../shared/result'
import type { Handler, Handlers, RequestContext } from './handlers'

const MAX_ECHOED_CHANNEL_LENGTH = 80

/**
 * The single entry point both transports (Electron IPC and the loopback HTTP bridge) use:
 * the channel must be in the contract and the payload must match its schema before any
 * handler runs. Whatever a handler throws comes back as an `internal` error, not an exception.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  context: RequestContext,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    const shown = typeof channel === 'string' ? `"${channel.slice(0, MAX_ECHOED_CHANNEL_LENGTH)}"` : typeof channel
    return err(invalid(`Unknown channel ${shown}`, { channel: 'is not a channel of the IPC contract' }))
  }
  const parsed = contract[channel].request.safeParse(payload)
  if (!parsed.success) {
    return err(invalid(`Invalid request for ${channel}`, fieldErrorsFromIssues(parsed.error.issues)))
  }
  const handler = handlers[channel] as Handler<typeof channel>
  try {
    const result = await handler(parsed.data as never, context)
    return checkResponse(channel, result)
  } catch (error) {
    console.error(`[ipc] handler for ${channel} threw`, error)
    return err({ kind: 'internal', message: `Inbox Desk could not complete ${channel}; the error was logged` })
  }
}

function checkResponse(channel: keyof typeof contract, result: Result<unknown>): Result<unknown> {
  if (!result.ok) return result
  const parsed = contract[channel].response.safeParse(result.value)
  if (parsed.success) return { ok: true, value: parsed.data }
  console.error(`[ipc] handler for ${channel} answered outside its schema`, parsed.error.issues)
  return err({ kind: 'internal', message: `Inbox Desk produced an invalid answer for ${channel}; the error was logged` })
}

export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || 'request'
    fields[path] ??= issue.message
  }
  return fields
}
