import type { FormFields } from '../http/forms'
import type { RouteParams } from '../http/router'
import type { SandboxOptions } from '../options'
import type { ConversationRecord } from '../workspace/types'
import type { Workspace } from '../workspace/workspace'
import { notFound, type OktopostAnswer } from './answers'

export interface OktopostRequest {
  params: RouteParams
  /** Query string and form body together, body winning. */
  fields: FormFields
  workspace: Workspace
  options: SandboxOptions
}

export type OktopostHandler = (request: OktopostRequest) => OktopostAnswer

/** Runs `handle` on the conversation named in the path, or answers 404. */
export function withConversation(
  request: OktopostRequest,
  handle: (record: ConversationRecord) => OktopostAnswer,
): OktopostAnswer {
  const record = request.workspace.conversation(request.params.id ?? '')
  return record === undefined ? notFound('Conversation') : handle(record)
}

/** The documented limit for notes, messages and case descriptions. */
export const LONG_TEXT_LIMIT = 10_000

/** Ids have no documented limit; this only turns absurd input into a field error. */
export const ID_LIMIT = 64
