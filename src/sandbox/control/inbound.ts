/**
 * Activity that arrives from outside the client under test: a customer writing again,
 * or a colleague replying from another Oktopost session. Either re-opens a closed item.
 */
import type { HttpAnswer } from '../http/respond'
import { conversationDetail, timelineEntryWire } from '../oktopost/wire'
import type { ConversationRecord, Person } from '../workspace/types'
import type { NewTimelineEntry, Workspace } from '../workspace/workspace'
import type { InboundRequest } from './schemas'

export function receiveInbound(workspace: Workspace, request: InboundRequest): HttpAnswer {
  const record = workspace.conversation(request.conversationId)
  if (record === undefined) return { status: 404, body: { error: `No conversation ${request.conversationId}` } }
  const fields = request.from === 'customer' ? customerEntry(record, request) : agentEntry(workspace, record, request)
  if (fields === undefined) return { status: 400, body: { error: `No user ${request.userId}` } }
  const entry = workspace.receive(record, fields)
  return {
    status: 200,
    body: { entry: timelineEntryWire(entry), conversation: conversationDetail(record, workspace) },
  }
}

function customerEntry(record: ConversationRecord, request: InboundRequest): NewTimelineEntry {
  const author: Person = request.authorName === undefined
    ? record.author
    : { name: request.authorName, username: request.authorName.toLowerCase().replace(/\s+/g, '.') }
  return { type: talkType(record), content: request.content, author, isInbound: true }
}

function agentEntry(workspace: Workspace, record: ConversationRecord, request: InboundRequest): NewTimelineEntry | undefined {
  const colleague = request.userId === undefined
    ? workspace.users.find((user) => user.id !== workspace.me.id)
    : workspace.user(request.userId)
  if (colleague === undefined) return undefined
  return {
    type: talkType(record),
    content: request.content,
    createdBy: colleague.id,
    author: workspace.profileOf(record),
    isInbound: false,
  }
}

function talkType(record: ConversationRecord): 'message' | 'comment' {
  return record.itemType === 'Conversation' ? 'message' : 'comment'
}
