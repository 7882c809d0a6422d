/** Every Oktopost v2 route the sandbox serves, relative to `/v2`. */
import { Router } from '../http/router'
import { listCannedResponses, getCannedResponse, createCannedResponse } from './cannedResponses'
import { addNote, assignConversation, createCase, replaceTags } from './conversationActions'
import { getConversation, listConversations, updateStatus } from './conversations'
import { deleteTag, getTag, listTags, renameTag } from './conversationTags'
import { getMe, listCredentials, listUsers } from './directory'
import { reply } from './reply'
import type { OktopostHandler } from './request'
import { getTimeline } from './timeline'

export function oktopostRouter(): Router<OktopostHandler> {
  return new Router<OktopostHandler>()
    .add('GET', '/conversation', listConversations)
    .add('GET', '/conversation/:id', getConversation)
    .add('POST', '/conversation/:id', updateStatus)
    .add('GET', '/conversation/:id/timeline', getTimeline)
    .add('POST', '/conversation/:id/assign', assignConversation)
    .add('POST', '/conversation/:id/note', addNote)
    .add('POST', '/conversation/:id/tag', replaceTags)
    .add('POST', '/conversation/:id/reply', reply)
    .add('POST', '/conversation/:id/create-case', createCase)
    .add('GET', '/conversation-tag', listTags)
    .add('GET', '/conversation-tag/:id', getTag)
    .add('POST', '/conversation-tag/:id', renameTag)
    .add('DELETE', '/conversation-tag/:id', deleteTag)
    .add('GET', '/canned-response', listCannedResponses)
    .add('GET', '/canned-response/:id', getCannedResponse)
    .add('POST', '/canned-response', createCannedResponse)
    .add('GET', '/me', getMe)
    .add('GET', '/user', listUsers)
    .add('GET', '/credential', listCredentials)
}
