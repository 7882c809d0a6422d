import { watch, watchEffect } from 'vue'
import { useRoute } from 'vue-router'
import { useInboxStore } from '../../stores/inboxStore'
import { useSettingsStore } from '../../stores/settingsStore'
import { useWorkspaceStore } from '../../stores/workspaceStore'
import { pruneConversations } from '../../sync/pull/pruneConversations'

/**
 * What the settings change elsewhere; mount once, in App.vue: the theme on <html>, the undo
 * window of replies, and the size of the offline cache, pruned after each sync.
 */
export function useSettingsEffects(): void {
  const settings = useSettingsStore()
  const workspace = useWorkspaceStore()
  const route = useRoute()

  watchEffect(() => {
    const root = document.documentElement
    if (settings.theme === 'system') delete root.dataset['theme']
    else root.dataset['theme'] = settings.theme
  })

  watch(
    () => settings.undoWindowMs,
    (ms) => {
      workspace.undoWindowMs = ms
    },
    { immediate: true },
  )

  let isPruning = false
  watch([() => workspace.lastSyncAt, () => settings.settings.offlineConversationLimit], async () => {
    const db = workspace.db
    if (!db || isPruning) return
    isPruning = true
    try {
      // What the list shows stays, so pruning never takes rows from under the agent's eyes.
      // The inbox's store is read only where the inbox shows: creating it elsewhere would sync its view.
      const inbox = route.name === 'view' ? useInboxStore() : null
      const shown = inbox ? [...inbox.rows.map((row) => row.id), ...(inbox.openId === null ? [] : [inbox.openId])] : []
      await pruneConversations(db, { keepNewest: settings.settings.offlineConversationLimit, alsoKeep: shown })
    } catch (error) {
      // A switch of account closes the database mid-way; the next sync prunes the new one.
      if (db === workspace.db) console.error('[settings] pruning the offline cache failed', error)
    } finally {
      isPruning = false
    }
  })
}
