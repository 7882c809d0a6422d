import type { Page } from '../../../shared/domain/common'
import type { Credential, CredentialQuery } from '../../../shared/domain/credential'
import type { Me, User, UserQuery } from '../../../shared/domain/user'
import { validatePageQuery } from '../../../shared/limits'
import type { Result } from '../../../shared/result'
import { mapOk, sendIfValid, type CallOptions } from '../results'
import { credentialQueryParams, searchPageParams, toCredential, toMe, toPage, toUser } from './mapping'
import type { OktopostTransport } from './transport'
import { wireAnswers } from './wire'

/** Who the key belongs to, the account's users (assignees) and credentials ("reply as"). */
export interface AccountApi {
  me(options?: CallOptions): Promise<Result<Me>>
  users(query?: UserQuery, options?: CallOptions): Promise<Result<Page<User>>>
  credentials(query?: CredentialQuery, options?: CallOptions): Promise<Result<Page<Credential>>>
}

export function createAccountApi(send: OktopostTransport): AccountApi {
  return {
    me: async (options = {}) => {
      const answer = await send({ method: 'GET', path: '/me', answer: wireAnswers.me, lane: options.lane ?? 'user' })
      return mapOk(answer, toMe)
    },

    users: (query = {}, options = {}) =>
      sendIfValid(validatePageQuery(query), async () => {
        const answer = await send({
          method: 'GET',
          path: '/user',
          query: searchPageParams(query),
          answer: wireAnswers.userList,
          lane: options.lane ?? 'user',
        })
        return mapOk(answer, (wire) => toPage(wire.Items, wire.Total, toUser))
      }),

    credentials: async (query = {}, options = {}) => {
      const answer = await send({
        method: 'GET',
        path: '/credential',
        query: credentialQueryParams(query),
        answer: wireAnswers.credentialList,
        lane: options.lane ?? 'user',
      })
      return mapOk(answer, (wire) => toPage(wire.Items, wire.Total, toCredential))
    },
  }
}
