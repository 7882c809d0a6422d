import type { CannedResponse } from '../../shared/domain/cannedResponse'
import type { Conversation } from '../../shared/domain/conversation'
import type { ConversationTag } from '../../shared/domain/conversationTag'
import type { Credential } from '../../shared/domain/credential'
import type { TimelineEntry } from '../../shared/domain/timeline'
import type { User } from '../../shared/domain/user'

/**
 * A cached conversation: the domain object plus the few derived fields the list indexes
 * on. IndexedDB cannot index null, so "unassigned" is stored as the empty string.
 */
export interface ConversationRow extends Conversation {
  /** modifiedAt, or createdAt when the API gave none: the list's order. */
  sortAt: string
  assigneeKey: string
  tagNames: string[]
  /** The newest cached text of its timeline, for the list row and local search. */
  snippet: string | null
  /** When the agent last opened it; newer activity marks the row as updated. */
  seenAt: string | null
  /** Conversations that vanished from the server stay readable, marked, until pruned. */
  isGone?: boolean
}

export const UNASSIGNED_KEY = ''

export interface TimelineRow extends TimelineEntry {
  conversationId: string
  /** The outbox entry that put this optimistic row here; absent for rows the server sent. */
  outboxEntryId?: string
}

export interface TimelineCursor {
  conversationId: string
  /** The oldest entry held; the next older page starts after it. */
  oldestId: string | null
  /** No older entries exist on the server. */
  hasReachedStart: boolean
  refreshedAt: number
}

export interface DraftRow {
  conversationId: string
  mode: 'reply' | 'note'
  text: string
  parentCommentId?: string
  credentialId?: string
  updatedAt: number
}

export interface SyncStateRow {
  key: string
  value: unknown
}

export type CannedResponseRow = CannedResponse
export type TagRow = ConversationTag
export type UserRow = User
export type CredentialRow = Credential

export function toConversationRow(conversation: Conversation, previous?: ConversationRow): ConversationRow {
  const tags = conversation.tags ?? previous?.tags
  return {
    ...conversation,
    ...(tags ? { tags } : {}),
    sortAt: conversation.modifiedAt ?? conversation.createdAt,
    assigneeKey: conversation.assigneeId ?? UNASSIGNED_KEY,
    tagNames: (tags ?? []).map((tag) => tag.name),
    snippet: previous?.snippet ?? null,
    seenAt: previous?.seenAt ?? null,
  }
}
