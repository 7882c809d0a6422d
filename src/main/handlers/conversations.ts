import type { AuthService } from '../auth/authService'
import type { Handlers } from '../ipc/handlers'
import { withOktopost } from './withClient'

type ConversationHandlers = Pick<
  Handlers,
  | 'conversation:list'
  | 'conversation:get'
  | 'conversation:timeline'
  | 'conversation:setStatus'
  | 'conversation:assign'
  | 'conversation:addNote'
  | 'conversation:replaceTags'
  | 'conversation:reply'
  | 'conversation:createCase'
>

export function conversationHandlers(auth: AuthService): ConversationHandlers {
  return {
    'conversation:list': ({ lane, ...query }) => withOktopost(auth, (client) => client.conversations.list(query, { lane })),
    'conversation:get': ({ conversationId, lane }) => withOktopost(auth, (client) => client.conversations.get(conversationId, { lane })),
    'conversation:timeline': ({ conversationId, lastLoadedId, lane }) =>
      withOktopost(auth, (client) =>
        client.conversations.timeline(conversationId, lastLoadedId === undefined ? {} : { lastLoadedId }, { lane }),
      ),
    'conversation:setStatus': ({ conversationId, status }) =>
      withOktopost(auth, (client) => client.conversations.setStatus(conversationId, status)),
    'conversation:assign': ({ conversationId, ...input }) => withOktopost(auth, (client) => client.conversations.assign(conversationId, input)),
    'conversation:addNote': ({ conversationId, note }) => withOktopost(auth, (client) => client.conversations.addNote(conversationId, note)),
    'conversation:replaceTags': ({ conversationId, tags }) =>
      withOktopost(auth, (client) => client.conversations.replaceTags(conversationId, tags)),
    'conversation:reply': ({ conversation, ...input }) => withOktopost(auth, (client) => client.conversations.reply(conversation, input)),
    'conversation:createCase': ({ conversationId, ...input }) =>
      withOktopost(auth, (client) => client.conversations.createCase(conversationId, input)),
  }
}
