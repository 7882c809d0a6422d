import { computed, onBeforeUnmount, onMounted, watch } from 'vue'
import type { ConversationRow } from '../db/rows'
import { useIpc } from '../ipc'
import { isCommandId } from '../keyboard/commands'
import { useAppStore } from '../stores/appStore'
import { useCommandStore } from '../stores/commandStore'
import { useInboxStore } from '../stores/inboxStore'
import { useKeymapStore } from '../stores/keymapStore'
import { useSettingsStore } from '../stores/settingsStore'
import { useWorkspaceStore } from '../stores/workspaceStore'
import { assignmentNotification, newlyAssigned, type AssignmentBaseline } from './assignmentNotices'
import { desktopMenu } from './menuSpec'

/**
 * The renderer's side of the desktop integration; mount once, in App.vue. The application
 * menu shows the registry's commands with the agent's keys, and its choices run like key
 * presses; the dock or taskbar badge counts my open conversations; a conversation newly
 * assigned to me while the window is in the background raises a system notification. All of
 * it only in the desktop app: the browser preview has no menu, badge or notifications.
 */
export function useDesktopIntegration(): void {
  const ipc = useIpc()
  const app = useAppStore()
  const workspace = useWorkspaceStore()
  const inbox = useInboxStore()
  const keymap = useKeymapStore()
  const commands = useCommandStore()
  const settings = useSettingsStore()
  const isDesktop = computed(() => app.info?.transport === 'electron')

  watch(
    [isDesktop, () => keymap.overrides],
    () => {
      if (isDesktop.value) void ipc.invoke('desktop:setMenu', desktopMenu(keymap.keysFor))
    },
    { deep: true },
  )

  let stopListening: (() => void) | undefined
  onMounted(() => {
    stopListening = window.inboxDesk?.onCommand?.((commandId) => {
      if (isCommandId(commandId)) commands.run(commandId)
    })
  })
  onBeforeUnmount(() => stopListening?.())

  /**
   * Every cached conversation assigned to me (null without an account, or while the cache is
   * still being read): open ones count, new ones announce. From the list's in-memory index,
   * which follows every write: a query of the cache here ran again after each one, reading
   * every row assigned to me (thousands in a large account) while the outbox was sending.
   */
  const assignedToMe = computed(() => (workspace.meId === null ? null : inbox.assignedTo(workspace.meId)))
  const openCount = computed(() => assignedToMe.value?.filter((row) => row.status === 'open').length ?? 0)

  watch([isDesktop, openCount], ([desktop, count]) => {
    if (desktop) void ipc.invoke('desktop:setBadgeCount', { count })
  })

  let baseline: AssignmentBaseline | null = null
  watch(
    () => workspace.db,
    () => {
      baseline = null
    },
  )
  watch(assignedToMe, (rows) => {
    if (rows === null) return
    const fresh = newlyAssigned(baseline, rows)
    baseline = { ids: new Set(rows.map((row) => row.id)), since: baseline?.since ?? Date.now() }
    if (fresh.length === 0 || !isDesktop.value || !settings.settings.notifyOnAssignment || document.hasFocus()) return
    void announce(fresh.map((entry) => entry.id))
  })

  /** The notification names who wrote and what: the full rows of the few announced. */
  async function announce(conversationIds: string[]): Promise<void> {
    const rows = (await workspace.db?.conversations.bulkGet(conversationIds)) ?? []
    const found = rows.filter((row): row is ConversationRow => row !== undefined)
    if (found.length > 0) await ipc.invoke('desktop:notify', assignmentNotification(found))
  }
}
