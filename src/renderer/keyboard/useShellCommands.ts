import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { useRouter } from 'vue-router'
import type { SavedView } from '../router'
import { useSessionStore } from '../stores/sessionStore'
import { useCommandHandlers } from './useCommandHandlers'
import { useKeyboardScope } from './useKeyboardScope'

export type ShellOverlay = 'palette' | 'sheet'

/**
 * The commands the shell itself answers: the palette, the sheet and the saved views (signing
 * out asks first, in SignOutCommand). Returns which overlay is open, for App.vue to render,
 * and what was typed into the palette before it could take the keys.
 */
export function useShellCommands() {
  const router = useRouter()
  const session = useSessionStore()
  const overlay = ref<ShellOverlay | null>(null)
  // Modal from the key that opens it, not from when its code has loaded.
  useKeyboardScope('overlay', () => overlay.value !== null)
  const typedAhead = useTypedAhead(overlay)

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

  return { overlay, typedAhead, close: () => (overlay.value = null) }
}

/**
 * The palette and the sheet load on first use. Keys typed after Ctrl+K, before the palette's
 * search box has focus, are what the agent meant to search for: they are kept for it (Backspace
 * takes one back) and Escape closes it, as the loaded palette would.
 */
function useTypedAhead(overlay: Ref<ShellOverlay | null>): Ref<string> {
  const typed = ref('')
  watch(overlay, () => (typed.value = ''))

  function onKeydown(event: KeyboardEvent): void {
    if (overlay.value === null || isInsideDialog(event.target)) return
    if (event.key === 'Escape') {
      overlay.value = null
      return
    }
    if (overlay.value !== 'palette' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return
    if (event.key === 'Backspace') typed.value = typed.value.slice(0, -1)
    else if ([...event.key].length === 1) typed.value += event.key
    else return
    event.preventDefault()
  }

  onMounted(() => window.addEventListener('keydown', onKeydown, { capture: true }))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown, { capture: true }))
  return typed
}

function isInsideDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"]') !== null
}
