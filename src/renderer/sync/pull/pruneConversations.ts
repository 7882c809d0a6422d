import type { InboxDatabase } from '../../db/database'

export interface PruneOptions {
  /** How many of the newest conversations (by last activity) stay cached. */
  keepNewest: number
  /** Kept whatever their age: the open conversation, the rows the list shows. */
  alsoKeep?: Iterable<string>
}

/** Deleted per transaction, so pruning thousands never holds the UI thread for long. */
const PRUNE_CHUNK = 200

/**
 * Keeps the offline cache to the size the agent chose: the newest `keepNewest` conversations,
 * plus every conversation with unsent work (an outbox entry not yet done, or a draft), plus
 * `alsoKeep`. The rest leave the cache with their timelines and cursors; the server still has
 * them, and a refresh or a search brings them back. Answers how many were removed.
 */
export async function pruneConversations(db: InboxDatabase, options: PruneOptions): Promise<number> {
  const older = await db.conversations.orderBy('sortAt').reverse().offset(Math.max(0, options.keepNewest)).primaryKeys()
  if (older.length === 0) return 0
  const keep = new Set(options.alsoKeep)
  const pending = await db.outbox.where('state').notEqual('done').toArray()
  for (const entry of pending) {
    if ('conversationId' in entry.operation) keep.add(entry.operation.conversationId)
  }
  for (const conversationId of await db.drafts.toCollection().primaryKeys()) keep.add(conversationId)

  const removable = older.filter((conversationId) => !keep.has(conversationId))
  for (let start = 0; start < removable.length; start += PRUNE_CHUNK) {
    const chunk = removable.slice(start, start + PRUNE_CHUNK)
    await db.transaction('rw', [db.conversations, db.timeline, db.timelineCursors], async () => {
      await db.conversations.bulkDelete(chunk)
      await db.timeline.where('conversationId').anyOf(chunk).delete()
      await db.timelineCursors.bulkDelete(chunk)
    })
  }
  return removable.length
}
