import type { Page } from '../../../shared/domain/common'
import type { Assignment, Conversation, ConversationQuery, ConversationStatus } from '../../../shared/domain/conversation'
import type { AssignInput, CreateCaseInput, ReplyInput } from '../../../shared/domain/conversationActions'
import type { ConversationTag } from '../../../shared/domain/conversationTag'
import type { TimelineEntry, TimelineQuery } from '../../../shared/domain/timeline'
import {
  validateAssign,
  validateCreateCase,
  validateNote,
  validatePageQuery,
  validateStatus,
  validateTagNames,
} from '../../../shared/limits'
import { validateReply, type ReplyTarget } from '../../../shared/replyRules'
import type { Result } from '../../../shared/result'
import { mapOk, sendIfValid, validateIds, type CallOptions } from '../results'
import {
  assignForm,
  CONVERSATION_QUERY_FIELD_NAMES,
  conversationQueryParams,
  createCaseForm,
  replyForm,
  timelineParams,
  toAssignedTags,
  toAssignment,
  toConversation,
  toPage,
  toTimelineEntry,
} from './mapping'
import type { OktopostTransport } from './transport'
import { wireAnswers } from './wire'

/** The conversation a reply goes to, as the caller last saw it; checked against the reply matrix. */
export type ReplyConversation = ReplyTarget & { id: string; status: ConversationStatus }

export interface ConversationsApi {
  list(query?: ConversationQuery, options?: CallOptions): Promise<Result<Page<Conversation>>>
  get(conversationId: string, options?: CallOptions): Promise<Result<Conversation>>
  setStatus(conversationId: string, status: ConversationStatus, options?: CallOptions): Promise<Result<null>>
  /** Newest first; pass the oldest id held as `lastLoadedId` for the page before it. */
  timeline(conversationId: string, query?: TimelineQuery, options?: CallOptions): Promise<Result<TimelineEntry[]>>
  assign(conversationId: string, input: AssignInput, options?: CallOptions): Promise<Result<Assignment>>
  addNote(conversationId: string, note: string, options?: CallOptions): Promise<Result<TimelineEntry>>
  /** Replaces the whole tag list (an empty list removes all); unknown names create tags. */
  replaceTags(conversationId: string, tagNames: readonly string[], options?: CallOptions): Promise<Result<ConversationTag[]>>
  /** The API answers no message id, so a lost answer leaves the outcome unknown. */
  reply(conversation: ReplyConversation, input: ReplyInput, options?: CallOptions): Promise<Result<null>>
  createCase(conversationId: string, input: CreateCaseInput, options?: CallOptions): Promise<Result<null>>
}

const conversationPath = (conversationId: string, action = '') =>
  `/conversation/${encodeURIComponent(conversationId)}${action === '' ? '' : `/${action}`}`

export function createConversationsApi(send: OktopostTransport): ConversationsApi {
  return {
    list: (query = {}, options = {}) =>
      sendIfValid(validatePageQuery(query), async () => {
        const answer = await send({
          method: 'GET',
          path: '/conversation',
          query: conversationQueryParams(query),
          answer: wireAnswers.conversationList,
          lane: options.lane ?? 'user',
          fieldNames: CONVERSATION_QUERY_FIELD_NAMES,
        })
        return mapOk(answer, (wire) => toPage(wire.Conversations.Items, wire.Conversations.Total, toConversation))
      }),

    get: (conversationId, options = {}) =>
      sendIfValid(validateIds({ conversationId }), async () => {
        const answer = await send({
          method: 'GET',
          path: conversationPath(conversationId),
          answer: wireAnswers.conversation,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, (wire) => toConversation(wire.Conversation))
      }),

    setStatus: (conversationId, status, options = {}) =>
      sendIfValid({ ...validateIds({ conversationId }), ...validateStatus(status) }, async () => {
        const answer = await send({
          method: 'POST',
          path: conversationPath(conversationId),
          form: { status },
          answer: wireAnswers.ok,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, () => null)
      }),

    timeline: (conversationId, query = {}, options = {}) =>
      sendIfValid(validateIds({ conversationId }), async () => {
        const answer = await send({
          method: 'GET',
          path: conversationPath(conversationId, 'timeline'),
          query: timelineParams(query),
          answer: wireAnswers.timeline,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, (wire) => wire.Timeline.map(toTimelineEntry))
      }),

    assign: (conversationId, input, options = {}) =>
      sendIfValid({ ...validateIds({ conversationId }), ...validateAssign(input) }, async () => {
        const answer = await send({
          method: 'POST',
          path: conversationPath(conversationId, 'assign'),
          form: assignForm(input),
          answer: wireAnswers.assignment,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, toAssignment)
      }),

    addNote: (conversationId, note, options = {}) =>
      sendIfValid({ ...validateIds({ conversationId }), ...validateNote(note) }, async () => {
        const answer = await send({
          method: 'POST',
          path: conversationPath(conversationId, 'note'),
          form: { note },
          answer: wireAnswers.note,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, (wire) => toTimelineEntry(wire.Note))
      }),

    replaceTags: (conversationId, tagNames, options = {}) =>
      sendIfValid({ ...validateIds({ conversationId }), ...validateTagNames(tagNames) }, async () => {
        const answer = await send({
          method: 'POST',
          path: conversationPath(conversationId, 'tag'),
          form: { tags: tagNames },
          answer: wireAnswers.tags,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, toAssignedTags)
      }),

    reply: (conversation, input, options = {}) =>
      sendIfValid({ ...validateIds({ conversationId: conversation.id }), ...validateReply(input, conversation) }, async () => {
        const answer = await send({
          method: 'POST',
          path: conversationPath(conversation.id, 'reply'),
          form: replyForm(input),
          answer: wireAnswers.ok,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, () => null)
      }),

    createCase: (conversationId, input, options = {}) =>
      sendIfValid({ ...validateIds({ conversationId }), ...validateCreateCase(input) }, async () => {
        const answer = await send({
          method: 'POST',
          path: conversationPath(conversationId, 'create-case'),
          form: createCaseForm(input),
          answer: wireAnswers.ok,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, () => null)
      }),
  }
}
