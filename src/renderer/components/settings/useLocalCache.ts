import { ref } from 'vue'
import { deleteDatabase } from '../../db/earlyOpen'
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

  /**
   * Deletes the account's whole IndexedDB database (unsent outbox entries too: the agent was
   * warned), then opens a fresh one, which the sync fills again from Oktopost.
   */
  async function clear(): Promise<void> {
    const session = workspace.session
    const db = workspace.db
    if (!session || !db) return
    const name = db.name
    await workspace.close()
    await deleteDatabase(name, window.localStorage)
    await workspace.open(session)
    await measure()
  }

  return { stats, measure, clear }
}
