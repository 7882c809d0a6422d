import type { InboxDatabase } from '../db/database'
import type { DraftRow } from '../db/rows'

/**
 * One draft per conversation, saved as the agent types and restored when they come back.
 * Queueing the reply or note clears it (in the same transaction, see localEffects).
 */
export async function saveDraft(db: InboxDatabase, draft: Omit<DraftRow, 'updatedAt'>, now: number): Promise<void> {
  if (draft.text.trim() === '') {
    await db.drafts.delete(draft.conversationId)
    return
  }
  await db.drafts.put({ ...draft, updatedAt: now })
}

export function loadDraft(db: InboxDatabase, conversationId: string): Promise<DraftRow | undefined> {
  return db.drafts.get(conversationId)
}
