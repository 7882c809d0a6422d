import { watch } from 'vue'
import { useSessionStore } from '../../stores/sessionStore'
import { useWorkspaceStore } from '../../stores/workspaceStore'

/**
 * The signed-in account's cache and outbox, open on pages other than the inbox too (the inbox
 * opens them the same way), so a page loaded first, or after an account switch, has them.
 */
export function useWorkspaceSession(): void {
  const session = useSessionStore()
  const workspace = useWorkspaceStore()
  watch(
    () => session.session,
    (next) => {
      if (next === null) void workspace.close()
      else if (workspace.session?.account.id !== next.account.id || workspace.session.user.id !== next.user.id) void workspace.open(next)
    },
    { immediate: true },
  )
}
