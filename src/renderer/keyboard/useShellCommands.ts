import { ref } from 'vue'
import { useRouter } from 'vue-router'
import type { SavedView } from '../router'
import { useSessionStore } from '../stores/sessionStore'
import { useCommandHandlers } from './useCommandHandlers'

export type ShellOverlay = 'palette' | 'sheet'

/**
 * The commands the shell itself answers: the palette, the sheet and the saved views (signing
 * out asks first, in SignOutCommand). Returns which overlay is open, for App.vue to render.
 */
export function useShellCommands() {
  const router = useRouter()
  const session = useSessionStore()
  const overlay = ref<ShellOverlay | null>(null)

  const toggle = (which: ShellOverlay) => () => {
    overlay.value = overlay.value === which ? null : which
  }
  const goTo = (view: SavedView) => () => void router.push({ name: 'view', params: { view } })

  useCommandHandlers({ 'palette.open': toggle('palette'), 'sheet.open': toggle('sheet') })
  useCommandHandlers(
    {
      'go.inbox': goTo('inbox'),
      'go.mine': goTo('mine'),
      'go.unassigned': goTo('unassigned'),
      'go.closed': goTo('closed'),
      'go.outbox': goTo('outbox'),
    },
    () => session.isSignedIn,
  )

  return { overlay, close: () => (overlay.value = null) }
}
