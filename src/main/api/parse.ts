import type { z } from 'zod'
import { err, ok, type Result } from '../../shared/result'
import { API_MESSAGES, type Service } from './messages'

export interface AnswerContext {
  service: Service
  /** e.g. "GET /conversation/eit000000000001", to say which answer was wrong. */
  operation: string
}

/** For error bodies, which are read if they can be and ignored if they can't. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export function readJson(text: string, context: AnswerContext): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return err({ kind: 'invalidResponse', message: API_MESSAGES.malformedJson(context.service, context.operation, detail) })
  }
}

/** Names the first problem with its path, e.g. `Conversations.Items.3.Created: Invalid input`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0]
  if (first === undefined) return 'no details'
  const path = first.path.map(String).join('.') || '(root)'
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
  return `${path}: ${first.message}${more}`
}

/** A parsed answer against its wire schema; nothing downstream ever sees a half-valid answer. */
export function validateAnswer<Wire>(json: unknown, schema: z.ZodType<Wire>, context: AnswerContext): Result<Wire> {
  const parsed = schema.safeParse(json)
  if (parsed.success) return ok(parsed.data)
  const detail = describeIssues(parsed.error.issues)
  return err({ kind: 'invalidResponse', message: API_MESSAGES.unexpectedShape(context.service, context.operation, detail) })
}
