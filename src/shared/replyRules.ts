import type { ConversationStatus, ItemType } from './domain/conversation'
import type { ReplyInput } from './domain/conversationActions'
import { networkDisplayName, toKnownNetwork, type KnownNetwork } from './domain/network'
import { checkText, TEXT_RULES } from './limits'
import type { FieldErrors } from './result'

/**
 * Where the Oktopost API accepts a reply (the seed page's matrix); anything else answers 400.
 * The composer reads `replyCapability` to hide what can't work and to say why; main runs
 * `validateReply` before sending so a reply that would be refused never leaves the outbox.
 */

const DIRECT_MESSAGE_NETWORKS: ReadonlySet<KnownNetwork> = new Set(['Facebook', 'Twitter', 'LinkedIn'])
const PUBLIC_COMMENT_NETWORKS: ReadonlySet<KnownNetwork> = new Set([
  'Facebook',
  'Twitter',
  'LinkedIn',
  'Instagram',
  'TikTok',
  'YouTube',
])
/** `parent_comment_id` works on public items here; the API ignores it for direct messages. */
const THREADING_NETWORKS: ReadonlySet<KnownNetwork> = new Set(['Facebook', 'LinkedIn', 'Instagram', 'TikTok', 'YouTube'])
/** `media` is ignored elsewhere, which would silently drop the agent's attachment. */
const MEDIA_NETWORKS: ReadonlySet<KnownNetwork> = new Set(['Facebook', 'Twitter', 'LinkedIn', 'TikTok'])

export const REPLY_RULE_MESSAGES = {
  directMessageUnsupported: (network: string) =>
    `${networkDisplayName(network)} direct messages can't be answered from the Oktopost API`,
  commentUnsupported: (network: string) =>
    `${networkDisplayName(network)} comments can't be answered from the Oktopost API`,
  notOpen: 'Reopen this conversation to reply: the Oktopost API only accepts replies on open items',
  threadingInDirectMessage: "Direct messages have no threads; send the reply without choosing a comment",
  threadingUnsupported: (network: string) => `Threaded replies aren't available on ${networkDisplayName(network)}`,
  mediaUnsupported: (network: string) => `${networkDisplayName(network)} replies can't carry attachments`,
} as const

export interface ReplyTarget {
  network: string
  itemType: ItemType
}

export type ReplyCapability =
  | { canReply: true; supportsThreading: boolean; supportsMedia: boolean }
  | { canReply: false; reason: string }

export function replyCapability(target: ReplyTarget): ReplyCapability {
  const network = toKnownNetwork(target.network)
  const isDirectMessage = target.itemType === 'Conversation'
  const allowed = isDirectMessage ? DIRECT_MESSAGE_NETWORKS : PUBLIC_COMMENT_NETWORKS
  if (network === undefined || !allowed.has(network)) {
    const reason = isDirectMessage
      ? REPLY_RULE_MESSAGES.directMessageUnsupported(target.network)
      : REPLY_RULE_MESSAGES.commentUnsupported(target.network)
    return { canReply: false, reason }
  }
  return {
    canReply: true,
    supportsThreading: !isDirectMessage && THREADING_NETWORKS.has(network),
    supportsMedia: MEDIA_NETWORKS.has(network),
  }
}

/**
 * Field messages for a reply to this item. Threading or media where the API would ignore them
 * are refused rather than dropped, so the agent never posts something other than what they wrote.
 * Under `conversation` when the item can't be answered at all.
 */
export function validateReply(input: ReplyInput, target: ReplyTarget & { status: ConversationStatus }): FieldErrors {
  const fields: FieldErrors = {}
  const capability = replyCapability(target)
  if (!capability.canReply) {
    fields.conversation = capability.reason
  } else if (target.status !== 'open') {
    fields.conversation = REPLY_RULE_MESSAGES.notOpen
  }
  const messageError = checkText(input.message, TEXT_RULES.message)
  if (messageError !== undefined) fields.message = messageError
  if (capability.canReply && input.parentCommentId !== undefined && !capability.supportsThreading) {
    fields.parentCommentId =
      target.itemType === 'Conversation'
        ? REPLY_RULE_MESSAGES.threadingInDirectMessage
        : REPLY_RULE_MESSAGES.threadingUnsupported(target.network)
  }
  if (capability.canReply && input.media !== undefined && input.media.length > 0 && !capability.supportsMedia) {
    fields.media = REPLY_RULE_MESSAGES.mediaUnsupported(target.network)
  }
  return fields
}
