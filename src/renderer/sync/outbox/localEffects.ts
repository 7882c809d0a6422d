import type { ConversationTag } from '../../../shared/domain/conversationTag'
import type { TimelineEntry } from '../../../shared/domain/timeline'
import type { InboxDatabase } from '../../db/database'
import { toConversationRow, type ConversationRow, type TimelineRow } from '../../db/rows'
import type { OutboxEntry, Revert } from './entry'
import type { Operation } from './operations'

/**
 * The optimistic side of each operation: what the cache shows at once, what undo or discard
 * puts back, and what the server's answer settles. Always called inside the same Dexie
 * transaction as the outbox write, so the two never disagree.
 */

export const LOCAL_ID_PREFIX = 'local:'

export interface OptimisticResult {
  revert: Revert
  localEntryId?: string
}

export async function applyOptimistic(
  db: InboxDatabase,
  entryId: string,
  operation: Operation,
  context: { nowIso: string; meId: string | null },
): Promise<OptimisticResult> {
  switch (operation.kind) {
    case 'reply':
    case 'note': {
      const localEntryId = await addLocalRow(db, entryId, operation.conversationId, {
        type: operation.kind === 'note' ? 'note' : operation.itemType === 'Conversation' ? 'message' : 'comment',
        content: operation.kind === 'note' ? operation.note : operation.message,
        parentId: operation.kind === 'reply' ? (operation.parentCommentId ?? null) : null,
        ...context,
      })
      await db.drafts.delete(operation.conversationId)
      return { revert: {}, localEntryId }
    }
    case 'setStatus':
      return { revert: await updateConversation(db, operation.conversationId, (row) => ({ ...row, status: operation.status })) }
    case 'assign': {
      const revert = await updateConversation(db, operation.conversationId, (row) => ({ ...row, assigneeId: operation.assigneeId }))
      if (!operation.note) return { revert }
      const localEntryId = await addLocalRow(db, entryId, operation.conversationId, { type: 'note', content: operation.note, ...context })
      return { revert, localEntryId }
    }
    case 'replaceTags': {
      const known = await db.tags.where('name').anyOf(operation.tags).toArray()
      const tags: ConversationTag[] = operation.tags.map((name) => ({
        id: known.find((tag) => tag.name === name)?.id ?? `${LOCAL_ID_PREFIX}${name}`,
        name,
      }))
      return { revert: await updateConversation(db, operation.conversationId, (row) => ({ ...row, tags })) }
    }
    case 'renameTag': {
      const tag = await db.tags.get(operation.tagId)
      if (!tag) return { revert: {} }
      await db.tags.put({ ...tag, name: operation.name })
      await renameOnConversations(db, tag.name, operation.name)
      return { revert: { tag } }
    }
    case 'deleteTag': {
      const tag = await db.tags.get(operation.tagId)
      if (!tag) return { revert: {} }
      const tagged = await db.conversations.where('tagNames').equals(tag.name).toArray()
      await db.tags.delete(tag.id)
      await db.conversations.bulkPut(tagged.map((row) => withTags(row, (row.tags ?? []).filter((t) => t.name !== tag.name))))
      return { revert: { tag, taggedConversationIds: tagged.map((row) => row.id) } }
    }
    case 'createCannedResponse':
    case 'createCase':
    case 'createCommboxTag':
      return { revert: {} }
  }
}

/** Undo or discard: the cache goes back to what it showed before the operation. */
export async function revertOptimistic(db: InboxDatabase, entry: OutboxEntry): Promise<void> {
  if (entry.localEntryId) await db.timeline.where('outboxEntryId').equals(entry.id).delete()
  const { revert } = entry
  if (!revert) return
  const operation = entry.operation
  if (revert.conversation && 'conversationId' in operation) {
    const previous = revert.conversation
    await updateConversation(db, operation.conversationId, (row) => ({
      ...row,
      status: previous.status,
      assigneeId: previous.assigneeId,
      ...(previous.tags ? { tags: previous.tags } : {}),
    }))
  }
  if (revert.tag && operation.kind === 'renameTag') {
    await db.tags.put(revert.tag)
    await renameOnConversations(db, operation.name, revert.tag.name)
  }
  if (revert.tag && operation.kind === 'deleteTag') {
    const tag = revert.tag
    await db.tags.put(tag)
    const rows = await db.conversations.bulkGet(revert.taggedConversationIds ?? [])
    await db.conversations.bulkPut(
      rows.filter((row): row is ConversationRow => row !== undefined).map((row) => withTags(row, [...(row.tags ?? []), tag])),
    )
  }
}

/** The server accepted it: replace optimistic rows with what it answered, where it answered anything. */
export async function settleOptimistic(db: InboxDatabase, entry: OutboxEntry, answer: unknown): Promise<void> {
  const operation = entry.operation
  if (operation.kind === 'note' && isTimelineEntry(answer)) {
    await db.timeline.where('outboxEntryId').equals(entry.id).delete()
    await db.timeline.put({ ...answer, conversationId: operation.conversationId })
  }
  if (operation.kind === 'replaceTags' && Array.isArray(answer)) {
    const tags = answer as ConversationTag[]
    await updateConversation(db, operation.conversationId, (row) => ({ ...row, tags }))
    await db.tags.bulkPut(tags)
  }
}

async function addLocalRow(
  db: InboxDatabase,
  entryId: string,
  conversationId: string,
  row: { type: string; content: string; nowIso: string; meId: string | null; parentId?: string | null },
): Promise<string> {
  const id = `${LOCAL_ID_PREFIX}${entryId}`
  const local: TimelineRow = {
    id,
    conversationId,
    type: row.type,
    content: row.content,
    createdAt: row.nowIso,
    createdBy: row.meId,
    author: null,
    parentId: row.parentId ?? null,
    isInbound: false,
    media: [],
    outboxEntryId: entryId,
  }
  await db.timeline.put(local)
  return id
}

async function updateConversation(
  db: InboxDatabase,
  conversationId: string,
  change: (row: ConversationRow) => ConversationRow,
): Promise<Revert> {
  const row = await db.conversations.get(conversationId)
  if (!row) return {}
  const next = change(row)
  await db.conversations.put(toConversationRow(next, next))
  return { conversation: { status: row.status, assigneeId: row.assigneeId, ...(row.tags ? { tags: row.tags } : {}) } }
}

async function renameOnConversations(db: InboxDatabase, from: string, to: string): Promise<void> {
  const tagged = await db.conversations.where('tagNames').equals(from).toArray()
  await db.conversations.bulkPut(
    tagged.map((row) => withTags(row, (row.tags ?? []).map((tag) => (tag.name === from ? { ...tag, name: to } : tag)))),
  )
}

function withTags(row: ConversationRow, tags: ConversationTag[]): ConversationRow {
  return toConversationRow({ ...row, tags }, row)
}

function isTimelineEntry(value: unknown): value is TimelineEntry {
  return typeof value === 'object' && value !== null && 'id' in value && 'createdAt' in value
}
