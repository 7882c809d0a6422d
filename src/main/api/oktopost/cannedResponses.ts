import type { CannedResponse, CannedResponseInput, CannedResponseQuery } from '../../../shared/domain/cannedResponse'
import type { Page } from '../../../shared/domain/common'
import { validateCannedResponse, validatePageQuery } from '../../../shared/limits'
import type { Result } from '../../../shared/result'
import { mapOk, sendIfValid, validateIds, type CallOptions } from '../results'
import { cannedResponseForm, searchPageParams, toCannedResponse, toPage } from './mapping'
import type { OktopostTransport } from './transport'
import { wireAnswers } from './wire'

export interface CannedResponsesApi {
  list(query?: CannedResponseQuery, options?: CallOptions): Promise<Result<Page<CannedResponse>>>
  get(cannedResponseId: string, options?: CallOptions): Promise<Result<CannedResponse>>
  /** A name already in use answers `conflict` (409). */
  create(input: CannedResponseInput, options?: CallOptions): Promise<Result<CannedResponse>>
}

export function createCannedResponsesApi(send: OktopostTransport): CannedResponsesApi {
  return {
    list: (query = {}, options = {}) =>
      sendIfValid(validatePageQuery(query), async () => {
        const answer = await send({
          method: 'GET',
          path: '/canned-response',
          query: searchPageParams(query),
          answer: wireAnswers.cannedResponseList,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, (wire) => toPage(wire.Items, wire.Total, toCannedResponse))
      }),

    get: (cannedResponseId, options = {}) =>
      sendIfValid(validateIds({ cannedResponseId }), async () => {
        const answer = await send({
          method: 'GET',
          path: `/canned-response/${encodeURIComponent(cannedResponseId)}`,
          answer: wireAnswers.cannedResponse,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, (wire) => toCannedResponse(wire.CannedResponse))
      }),

    create: (input, options = {}) =>
      sendIfValid(validateCannedResponse(input), async () => {
        const answer = await send({
          method: 'POST',
          path: '/canned-response',
          form: cannedResponseForm(input),
          answer: wireAnswers.cannedResponse,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, (wire) => toCannedResponse(wire.CannedResponse))
      }),
  }
}
