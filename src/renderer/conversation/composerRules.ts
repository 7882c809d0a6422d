import type { ConversationStatus, ItemType } from '../../shared/domain/conversation'
import { validateNote } from '../../shared/limits'
import { REPLY_RULE_MESSAGES, replyCapability, validateReply } from '../../shared/replyRules'
import type { FieldErrors } from '../../shared/result'

export type ComposerMode = 'reply' | 'note'

export interface ReplyTargetConversation {
  network: string
  itemType: ItemType
  status: ConversationStatus
}

/**
 * Whether the agent can reply here, said before they type: the network's reply rules first
 * (nothing helps an Instagram DM), then the status (reopening helps a closed item).
 */
export type ReplyAvailability =
  | { canReply: true; supportsThreading: boolean }
  | { canReply: false; reason: string; remedy: 'note' | 'reopen' }

export function replyAvailability(conversation: ReplyTargetConversation): ReplyAvailability {
  const capability = replyCapability(conversation)
  if (!capability.canReply) return { canReply: false, reason: capability.reason, remedy: 'note' }
  if (conversation.status !== 'open') return { canReply: false, reason: REPLY_RULE_MESSAGES.notOpen, remedy: 'reopen' }
  return { canReply: true, supportsThreading: capability.supportsThreading }
}

export interface ComposerDraft {
  mode: ComposerMode
  text: string
  credentialId?: string
  parentCommentId?: string
}

/**
 * The messages that stop a send, from the same rules the outbox applies, so the composer
 * shows them inline and queues nothing. Keys are the operation's fields (`message`, `note`,
 * `conversation`, `parentCommentId`).
 */
export function composerErrors(draft: ComposerDraft, conversation: ReplyTargetConversation): FieldErrors {
  if (draft.mode === 'note') return validateNote(draft.text)
  return validateReply(
    {
      message: draft.text,
      ...(draft.credentialId === undefined ? {} : { credentialId: draft.credentialId }),
      ...(draft.parentCommentId === undefined ? {} : { parentCommentId: draft.parentCommentId }),
    },
    conversation,
  )
}
