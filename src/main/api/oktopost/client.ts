import { createAccountApi, type AccountApi } from './account'
import { createCannedResponsesApi, type CannedResponsesApi } from './cannedResponses'
import { createConversationsApi, type ConversationsApi } from './conversations'
import { createConversationTagsApi, type ConversationTagsApi } from './conversationTags'
import { createOktopostTransport, type OktopostTransportOptions } from './transport'

/**
 * The Oktopost v2 client main uses. Every method answers a Result and never throws; every
 * call passes the shared rate limiter given in the options.
 */
export interface OktopostClient {
  conversations: ConversationsApi
  conversationTags: ConversationTagsApi
  cannedResponses: CannedResponsesApi
  account: AccountApi
}

export function createOktopostClient(options: OktopostTransportOptions): OktopostClient {
  const send = createOktopostTransport(options)
  return {
    conversations: createConversationsApi(send),
    conversationTags: createConversationTagsApi(send),
    cannedResponses: createCannedResponsesApi(send),
    account: createAccountApi(send),
  }
}
