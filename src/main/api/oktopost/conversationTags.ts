import type { Page } from '../../../shared/domain/common'
import type { ConversationTag, ConversationTagQuery } from '../../../shared/domain/conversationTag'
import { validateConversationTagQuery, validateTagName } from '../../../shared/limits'
import type { Result } from '../../../shared/result'
import { mapOk, sendIfValid, validateIds, type CallOptions } from '../results'
import { RENAME_TAG_FIELD_NAMES, searchPageParams, toConversationTag, toPage } from './mapping'
import type { OktopostTransport } from './transport'
import { wireAnswers } from './wire'

export interface ConversationTagsApi {
  /** At most 20 per page (the API's limit). */
  list(query?: ConversationTagQuery, options?: CallOptions): Promise<Result<Page<ConversationTag>>>
  get(tagId: string, options?: CallOptions): Promise<Result<ConversationTag>>
  /** Renames the tag everywhere it is used. */
  rename(tagId: string, name: string, options?: CallOptions): Promise<Result<null>>
  /** Deletes the tag and removes it from every conversation. */
  delete(tagId: string, options?: CallOptions): Promise<Result<null>>
}

const tagPath = (tagId: string) => `/conversation-tag/${encodeURIComponent(tagId)}`

export function createConversationTagsApi(send: OktopostTransport): ConversationTagsApi {
  return {
    list: (query = {}, options = {}) =>
      sendIfValid(validateConversationTagQuery(query), async () => {
        const answer = await send({
          method: 'GET',
          path: '/conversation-tag',
          query: searchPageParams(query),
          answer: wireAnswers.conversationTagList,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, (wire) => toPage(wire.Items, wire.Total, toConversationTag))
      }),

    get: (tagId, options = {}) =>
      sendIfValid(validateIds({ tagId }), async () => {
        const answer = await send({
          method: 'GET',
          path: tagPath(tagId),
          answer: wireAnswers.conversationTag,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, (wire) => toConversationTag(wire.Tag))
      }),

    rename: (tagId, name, options = {}) =>
      sendIfValid({ ...validateIds({ tagId }), ...validateTagName(name) }, async () => {
        const answer = await send({
          method: 'POST',
          path: tagPath(tagId),
          form: { tag: name },
          answer: wireAnswers.ok,
          lane: options.lane ?? 'user',
          fieldNames: RENAME_TAG_FIELD_NAMES,
        })
        return mapOk(answer, () => null)
      }),

    delete: (tagId, options = {}) =>
      sendIfValid(validateIds({ tagId }), async () => {
        const answer = await send({
          method: 'DELETE',
          path: tagPath(tagId),
          answer: wireAnswers.ok,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, () => null)
      }),
  }
}
