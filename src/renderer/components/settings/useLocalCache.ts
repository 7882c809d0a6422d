import { ref } from 'vue'
import { useWorkspaceStore } from '../../stores/workspaceStore'
import { countUnsent } from './pendingChanges'

export interface CacheStats {
  conversations: number
  timelineEntries: number
  unsent: number
}

/** What the current account's cache holds, and deleting it. */
export function useLocalCache() {
  const workspace = useWorkspaceStore()
  const stats = ref<CacheStats | null>(null)

  async function measure(): Promise<void> {
    const db = workspace.db
    if (!db) return
    const [conversations, timelineEntries, unsent] = await Promise.all([db.conversations.count(), db.timeline.count(), countUnsent(db)])
    stats.value = { conversations, timelineEntries, unsent }
  }

  /** Deletes the account's cache (unsent outbox entries too: the agent was warned) and starts afresh. */
  async function clear(): Promise<boolean> {
    const isRebuilt = await workspace.rebuildCache()
    if (isRebuilt) await measure()
    return isRebuilt
  }

  return { stats, measure, clear }
}
