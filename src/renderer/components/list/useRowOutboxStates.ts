import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue'
import type { InboxDatabase } from '../../db/database'
import type { OutboxEntry } from '../../sync/outbox/entry'
import type { RowOutboxState } from './ConversationRowItem.vue'

/**
 * Which of the given conversations show "sending", "needs attention" or "held": a live query
 * over their own outbox entries only, so a long outbox is not read again for every change.
 * The previous answer stays until the next one arrives, so badges do not blink while scrolling.
 */
export function useRowOutboxStates(
  db: () => InboxDatabase | null,
  conversationIds: () => readonly string[],
): Readonly<ShallowRef<ReadonlyMap<string, RowOutboxState>>> {
  const states = shallowRef<ReadonlyMap<string, RowOutboxState>>(new Map())
  let subscription: Subscription | null = null

  watch(
    [db, conversationIds],
    ([current, ids]) => {
      subscription?.unsubscribe()
      subscription = null
      if (!current) {
        states.value = new Map()
        return
      }
      const keys = ids.map((id) => `conversation:${id}`)
      subscription = liveQuery(() => current.outbox.where('orderingKey').anyOf(keys).filter((entry) => entry.state !== 'done').toArray()).subscribe({
        next: (entries) => {
          states.value = rowStates(entries)
        },
        error: (error: unknown) => console.error('[list] reading the outbox failed', error),
      })
    },
    { immediate: true },
  )
  onScopeDispose(() => subscription?.unsubscribe())
  return states
}

function rowStates(entries: readonly OutboxEntry[]): Map<string, RowOutboxState> {
  const states = new Map<string, RowOutboxState>()
  for (const entry of entries) {
    if (!('conversationId' in entry.operation)) continue
    const state: RowOutboxState = entry.state === 'needsAttention' ? 'failed' : entry.state === 'held' ? 'held' : 'queued'
    const id = entry.operation.conversationId
    if (states.get(id) !== 'failed') states.set(id, state)
  }
  return states
}
