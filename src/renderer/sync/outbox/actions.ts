import { err, invalid, ok, type Result } from '../../../shared/result'
import type { InboxDatabase } from '../../db/database'
import type { OutboxEntry } from './entry'
import { revertOptimistic } from './localEffects'
import { timelineText, type Operation } from './operations'
import { validateOperation } from './validate'

/**
 * What the agent can do with an entry: take it back inside its undo window, discard it,
 * or edit and send it again. Each is one transaction with the optimistic change it affects.
 */

/**
 * Only an entry that has not started leaving can be undone. An undone reply or note goes
 * back into the composer as the conversation's draft, so nothing the agent wrote is lost.
 */
export async function undo(db: InboxDatabase, entryId: string, now: number): Promise<boolean> {
  return db.transaction('rw', [db.outbox, db.conversations, db.timeline, db.tags, db.drafts], async () => {
    const entry = await db.outbox.get({ id: entryId })
    if (!entry || entry.state !== 'queued' || entry.attempts > 0) return false
    await revertOptimistic(db, entry)
    await db.outbox.delete(entry.seq!)
    const operation = entry.operation
    if (operation.kind === 'reply' || operation.kind === 'note') {
      await db.drafts.put({
        conversationId: operation.conversationId,
        mode: operation.kind,
        text: timelineText(operation) ?? '',
        ...(operation.kind === 'reply' && operation.parentCommentId ? { parentCommentId: operation.parentCommentId } : {}),
        ...(operation.kind === 'reply' && operation.credentialId ? { credentialId: operation.credentialId } : {}),
        updatedAt: now,
      })
    }
    return true
  })
}

const DISCARDABLE = new Set(['queued', 'retrying', 'paused', 'needsAttention', 'unknownOutcome', 'held'])

export async function discard(db: InboxDatabase, entryId: string): Promise<boolean> {
  return db.transaction('rw', [db.outbox, db.conversations, db.timeline, db.tags], async () => {
    const entry = await db.outbox.get({ id: entryId })
    if (!entry || !DISCARDABLE.has(entry.state)) return false
    await revertOptimistic(db, entry)
    await db.outbox.delete(entry.seq!)
    return true
  })
}

const RESENDABLE = new Set(['needsAttention', 'held', 'paused', 'retrying', 'unknownOutcome'])

/**
 * Sends an entry again, optionally edited (same kind only). A held reply the agent resends
 * has been looked at: it is not held again for what they have already seen.
 */
export async function resend(
  db: InboxDatabase,
  entryId: string,
  now: number,
  edited?: Operation,
): Promise<Result<OutboxEntry>> {
  const entry = await db.outbox.get({ id: entryId })
  if (!entry || !RESENDABLE.has(entry.state)) {
    return err(invalid('This change is no longer waiting to be sent', { entry: 'is not waiting' }))
  }
  const operation = edited ?? entry.operation
  if (operation.kind !== entry.operation.kind) {
    return err(invalid('An edit must keep the kind of change', { kind: `must stay ${entry.operation.kind}` }))
  }
  const conversation = 'conversationId' in operation ? await db.conversations.get(operation.conversationId) : undefined
  const fields = validateOperation(operation, conversation ? { conversationStatus: conversation.status } : {})
  if (Object.keys(fields).length > 0) return err(invalid('Not sent: fix the highlighted fields', fields))

  return db.transaction('rw', [db.outbox, db.timeline], async () => {
    const next: OutboxEntry = {
      ...entry,
      operation,
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      sendAfter: now,
      updatedAt: now,
      lastError: null,
      overrideHold: entry.state === 'held' || entry.overrideHold === true,
      verifyAttempts: 0,
      ...(edited ? { revision: (entry.revision ?? 0) + 1 } : {}),
    }
    delete next.heldReasons
    await db.outbox.put(next)
    const text = timelineText(operation)
    if (entry.localEntryId && text !== null) {
      await db.timeline.where('outboxEntryId').equals(entry.id).modify({ content: text })
    }
    return ok(next)
  })
}
