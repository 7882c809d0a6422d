import type { Conversation } from '../../../shared/domain/conversation'
import type { InboxDatabase } from '../../db/database'
import type { OutboxEntry } from '../outbox/entry'
import { LOCAL_ID_PREFIX } from '../outbox/localEffects'

type Overlay = Partial<Pick<Conversation, 'status' | 'assigneeId' | 'tags'>>

/**
 * What the agent has changed but the server does not show yet. A refresh must not undo a
 * close that is still in the outbox: server rows are laid under these pending changes.
 */
export async function pendingOverlays(db: InboxDatabase, conversationIds: readonly string[]): Promise<Map<string, Overlay>> {
  const keys = conversationIds.map((id) => `conversation:${id}`)
  // A refused change (needsAttention) is not what the server shows, nor about to be.
  const pending = await db.outbox
    .where('orderingKey')
    .anyOf(keys)
    .filter((entry) => entry.state !== 'done' && entry.state !== 'needsAttention')
    .sortBy('seq')
  const overlays = new Map<string, Overlay>()
  for (const entry of pending) applyToOverlay(overlays, entry)
  return overlays
}

function applyToOverlay(overlays: Map<string, Overlay>, entry: OutboxEntry): void {
  const operation = entry.operation
  if (!('conversationId' in operation)) return
  const overlay = overlays.get(operation.conversationId) ?? {}
  switch (operation.kind) {
    case 'setStatus':
      overlay.status = operation.status
      break
    case 'assign':
      overlay.assigneeId = operation.assigneeId
      break
    case 'replaceTags':
      overlay.tags = operation.tags.map((name) => ({ id: `${LOCAL_ID_PREFIX}${name}`, name }))
      break
    default:
      return
  }
  overlays.set(operation.conversationId, overlay)
}
