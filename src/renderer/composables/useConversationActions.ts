import type { Result } from '../../shared/result'
import type { ConversationRow } from '../db/rows'
import type { OutboxEntry } from '../sync/outbox/entry'
import type { Operation } from '../sync/outbox/operations'
import { useInboxStore } from '../stores/inboxStore'
import { useToastStore } from '../stores/toastStore'
import { useWorkspaceStore } from '../stores/workspaceStore'
import { actionStrings } from '../strings/actions'

export interface ReplyOptions {
  credentialId?: string
  parentCommentId?: string
}

/**
 * Every conversation action the agent can take, for the list, the conversation pane, the
 * palette and bulk selection alike. Each goes through the outbox and says what happened.
 */
export function useConversationActions() {
  const workspace = useWorkspaceStore()
  const inbox = useInboxStore()
  const toasts = useToastStore()

  async function queueAll(operations: Operation[], success: string): Promise<Result<OutboxEntry[]>> {
    const queued: OutboxEntry[] = []
    for (const operation of operations) {
      const result = await workspace.queue(operation)
      if (!result.ok) {
        toasts.show(actionStrings.notQueued(result.error.message), { tone: 'error' })
        return result
      }
      queued.push(result.value)
    }
    const suffix = workspace.connectivity.kind === 'offline' ? actionStrings.queuedOffline : ''
    toasts.show(`${success}${suffix}`, { tone: 'success', undoUntil: Date.now() + workspace.undoWindowMs })
    return { ok: true, value: queued }
  }

  /** The selection when there is one, otherwise the conversation under the cursor. */
  function targets(conversationId?: string): string[] {
    if (conversationId !== undefined) return [conversationId]
    if (inbox.selectedIds.size > 0) return [...inbox.selectedIds]
    const current = inbox.openId ?? inbox.cursorId
    return current === null ? [] : [current]
  }

  async function closeAndNext(conversationId?: string) {
    const ids = targets(conversationId)
    if (ids.length === 0) return
    const next = ids.length === 1 ? inbox.neighbourOf(ids[0]!) : null
    const result = await queueAll(ids.map((id) => ({ kind: 'setStatus', conversationId: id, status: 'closed' })), actionStrings.closed(ids.length))
    if (!result.ok) return
    inbox.clearSelection()
    if (ids.length === 1) {
      if (inbox.openId !== null) inbox.open(next)
      else inbox.cursorId = next
    }
  }

  function reopen(conversationId?: string) {
    const ids = targets(conversationId)
    return queueAll(ids.map((id) => ({ kind: 'setStatus', conversationId: id, status: 'open' })), actionStrings.reopened)
  }

  async function assign(assigneeId: string, assigneeName: string, note?: string, conversationId?: string) {
    const ids = targets(conversationId)
    const trimmed = note?.trim()
    const result = await queueAll(
      ids.map((id) => ({ kind: 'assign', conversationId: id, assigneeId, ...(trimmed ? { note: trimmed } : {}) })),
      actionStrings.assigned(assigneeName, ids.length),
    )
    if (result.ok) inbox.clearSelection()
    return result
  }

  function assignToMe(conversationId?: string) {
    const meId = workspace.meId
    if (meId === null) return Promise.resolve()
    return assign(meId, actionStrings.you, undefined, conversationId)
  }

  /** Replaces one conversation's tags, or adds tags to every selected one. */
  async function setTags(tagNames: string[], conversationId?: string) {
    const ids = targets(conversationId)
    const db = workspace.db
    if (!db) return
    const rows = (await db.conversations.bulkGet(ids)).filter((row): row is ConversationRow => row !== undefined)
    const operations: Operation[] = rows.map((row) => ({
      kind: 'replaceTags',
      conversationId: row.id,
      tags: ids.length === 1 ? tagNames : [...new Set([...row.tagNames, ...tagNames])],
    }))
    const result = await queueAll(operations, actionStrings.tagged(ids.length))
    if (result.ok) inbox.clearSelection()
    return result
  }

  async function reply(row: ConversationRow, message: string, options: ReplyOptions = {}) {
    return queueAll(
      [{ kind: 'reply', conversationId: row.id, network: row.network, itemType: row.itemType, message, ...options }],
      actionStrings.replyQueued,
    )
  }

  function note(conversationId: string, text: string) {
    return queueAll([{ kind: 'note', conversationId, note: text }], actionStrings.noteQueued)
  }

  async function undoLast() {
    const isUndone = await workspace.undoLast()
    toasts.show(isUndone ? actionStrings.undone : actionStrings.nothingToUndo, { tone: 'info' })
  }

  return { closeAndNext, reopen, assign, assignToMe, setTags, reply, note, undoLast, queueAll }
}
