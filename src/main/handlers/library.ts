import { LIMIT_MESSAGES } from '../../shared/limits'
import { err, type Result } from '../../shared/result'
import type { AuthService } from '../auth/authService'
import type { Handlers } from '../ipc/handlers'
import { withCommbox, withOktopost } from './withClient'

type LibraryHandlers = Pick<
  Handlers,
  | 'tag:list'
  | 'tag:get'
  | 'tag:rename'
  | 'tag:delete'
  | 'cannedResponse:list'
  | 'cannedResponse:get'
  | 'cannedResponse:create'
  | 'user:me'
  | 'user:list'
  | 'credential:list'
  | 'commbox:createTag'
>

/** Tags, canned responses, people and credentials: the account's shared reference data. */
export function libraryHandlers(auth: AuthService): LibraryHandlers {
  return {
    'tag:list': ({ lane, ...query }) => withOktopost(auth, (client) => client.conversationTags.list(query, { lane })),
    'tag:get': ({ tagId }) => withOktopost(auth, (client) => client.conversationTags.get(tagId)),
    'tag:rename': ({ tagId, name }) => withOktopost(auth, (client) => client.conversationTags.rename(tagId, name)),
    'tag:delete': ({ tagId }) => withOktopost(auth, (client) => client.conversationTags.delete(tagId)),
    'cannedResponse:list': ({ lane, ...query }) => withOktopost(auth, (client) => client.cannedResponses.list(query, { lane })),
    'cannedResponse:get': ({ cannedResponseId }) => withOktopost(auth, (client) => client.cannedResponses.get(cannedResponseId)),
    'cannedResponse:create': async (input) =>
      nameTaken(await withOktopost(auth, (client) => client.cannedResponses.create(input))),
    'user:me': ({ lane }) => withOktopost(auth, (client) => client.account.me({ lane })),
    'user:list': ({ lane, ...query }) => withOktopost(auth, (client) => client.account.users(query, { lane })),
    'credential:list': ({ lane, ...query }) => withOktopost(auth, (client) => client.account.credentials(query, { lane })),
    'commbox:createTag': (input) => withCommbox(auth, (client) => client.createTag(input)),
  }
}

/** Oktopost's 409 here means the name is taken: said in the words the form's own check uses. */
function nameTaken<T>(result: Result<T>): Result<T> {
  if (result.ok || result.error.kind !== 'conflict') return result
  return err({ kind: 'conflict', message: LIMIT_MESSAGES.duplicateCannedResponseName })
}
