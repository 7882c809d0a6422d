/**
 * `POST /v2/conversation/:id/reply`. Oktopost answers only `{Result:true}`, with no id for
 * the sent message, which is why a lost answer leaves the client not knowing the outcome.
 */
import { listField, textField } from '../http/forms'
import { canReply, supportsMedia, supportsThreading } from '../workspace/networks'
import type { ConversationRecord, Credential } from '../workspace/types'
import type { Workspace } from '../workspace/workspace'
import { applied, hasErrors, invalid, type FieldErrors, type OktopostAnswer } from './answers'
import { requiredText } from './params'
import { LONG_TEXT_LIMIT, withConversation, type OktopostRequest } from './request'

export function reply(request: OktopostRequest): OktopostAnswer {
  return withConversation(request, (record) => {
    const { fields, workspace } = request
    const errors: FieldErrors = {}
    const message = requiredText(fields, 'message', LONG_TEXT_LIMIT, errors)
    if (record.status !== 'open') errors.API = 'The item is closed; re-open it before replying'
    if (!canReply(record.itemType, record.network)) {
      errors.API = `Replies to ${record.itemType} items are not supported on ${record.network}`
    }
    const credential = replyCredential(workspace, record, textField(fields, 'credential_id'), errors)
    const parentId = threadParent(workspace, record, textField(fields, 'parent_comment_id'), errors)
    const media = listField(fields, 'media') ?? []
    if (hasErrors(errors) || credential === undefined) return invalid(errors)

    workspace.appendEntry(record, {
      type: record.itemType === 'Conversation' ? 'message' : 'comment',
      content: message,
      createdBy: workspace.me.id,
      author: { name: credential.displayName, username: credential.networkUsername },
      isInbound: false,
      ...(parentId !== undefined && { parentId }),
      // Networks without attachments ignore media rather than refusing the reply.
      ...(media.length > 0 && supportsMedia(record.network) && { media }),
    })
    return applied()
  })
}

/** The chosen profile, or the one the item arrived on. It must be live and on the item's network. */
function replyCredential(
  workspace: Workspace, record: ConversationRecord, credentialId: string | undefined, errors: FieldErrors,
): Credential | undefined {
  const credential = workspace.credential(credentialId || record.credentialId)
  if (credential === undefined) {
    errors.credential_id = `Unknown credential ${credentialId}`
  } else if (credential.network !== record.network) {
    errors.credential_id = `Credential ${credential.id} is a ${credential.network} profile, the item is on ${record.network}`
  } else if (credential.status !== 'active') {
    errors.credential_id = `Credential ${credential.id} has expired; reconnect it in Oktopost`
  }
  return credential
}

/**
 * Threading: ignored for direct messages, refused where the network has none (X/Twitter).
 * A parent is a comment on this item's timeline, or another inbox item (the seed page's
 * example threads under an `eit` id).
 */
function threadParent(
  workspace: Workspace, record: ConversationRecord, parentId: string | undefined, errors: FieldErrors,
): string | undefined {
  if (parentId === undefined || parentId === '' || record.itemType === 'Conversation') return undefined
  if (!supportsThreading(record.network)) {
    errors.parent_comment_id = `Threaded replies are not supported on ${record.network}`
    return undefined
  }
  const isTimelineComment = workspace.timeline(record).some((entry) => entry.id === parentId && entry.type === 'comment')
  if (!isTimelineComment && workspace.conversation(parentId) === undefined) {
    errors.parent_comment_id = `No comment ${parentId} to reply to`
    return undefined
  }
  return parentId
}
