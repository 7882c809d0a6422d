import { err, invalid, ok, type Result } from '../../../shared/result'
import type { InboxDatabase } from '../../db/database'
import type { ConversationBaseline, OutboxEntry } from './entry'
import { applyOptimistic } from './localEffects'
import { orderingKey, type Operation } from './operations'
import { validateOperation } from './validate'

export interface EnqueueContext {
  now: number
  newId: () => string
  meId: string | null
  isOffline: boolean
  /** How long a reply waits before it leaves, so the agent can take it back. */
  undoWindowMs: number
}

/**
 * Queues one operation: refused with field messages if it breaks a documented limit;
 * otherwise the outbox entry and its optimistic change are written in one transaction.
 */
export async function enqueue(db: InboxDatabase, operation: Operation, context: EnqueueContext): Promise<Result<OutboxEntry>> {
  const conversation = 'conversationId' in operation ? await db.conversations.get(operation.conversationId) : undefined
  const existingNames =
    operation.kind === 'createCannedResponse' ? (await db.cannedResponses.toArray()).map((row) => row.name) : []
  const fields = validateOperation(operation, {
    ...(conversation ? { conversationStatus: conversation.status } : {}),
    existingCannedResponseNames: existingNames,
  })
  if (Object.keys(fields).length > 0) return err(invalid('Not queued: fix the highlighted fields', fields))

  const id = context.newId()
  return db.transaction('rw', [db.outbox, db.conversations, db.timeline, db.tags, db.drafts], async () => {
    const baseline = operation.kind === 'reply' ? await captureBaseline(db, operation.conversationId) : null
    const optimistic = await applyOptimistic(db, id, operation, { nowIso: new Date(context.now).toISOString(), meId: context.meId })
    const entry: OutboxEntry = {
      id,
      orderingKey: orderingKey(operation),
      operation,
      state: 'queued',
      attempts: 0,
      createdAt: context.now,
      updatedAt: context.now,
      sendAfter: operation.kind === 'reply' ? context.now + context.undoWindowMs : context.now,
      nextAttemptAt: context.now,
      lastError: null,
      queuedOffline: context.isOffline,
      baseline,
      revert: optimistic.revert,
      ...(optimistic.localEntryId ? { localEntryId: optimistic.localEntryId } : {}),
    }
    const seq = await db.outbox.add(entry)
    return ok({ ...entry, seq })
  })
}

/** The conversation as the agent saw it when writing, to notice later what changed. */
async function captureBaseline(db: InboxDatabase, conversationId: string): Promise<ConversationBaseline | null> {
  const conversation = await db.conversations.get(conversationId)
  if (!conversation) return null
  const newest = await db.timeline
    .where('[conversationId+createdAt]')
    .between([conversationId, ''], [conversationId, '\uffff'])
    .reverse()
    .filter((row) => row.outboxEntryId === undefined)
    .first()
  return {
    status: conversation.status,
    assigneeId: conversation.assigneeId,
    newestEntryId: newest?.id ?? null,
    newestEntryAt: newest?.createdAt ?? null,
  }
}
