import { onScopeDispose, watch } from 'vue'
import { useCommandStore, type ToggledScope } from '../stores/commandStore'

/**
 * Turns a scope on for the lifetime of the calling component, while `isActive` holds:
 * an overlay calls `useKeyboardScope('overlay')`, the conversation pane
 * `useKeyboardScope('conversation', () => conversation.value !== null)`.
 * The composer needs no call: focus inside `[data-command-scope="composer"]` is its scope.
 */
export function useKeyboardScope(scope: ToggledScope, isActive: () => boolean = () => true): void {
  const store = useCommandStore()
  let leave: (() => void) | null = null
  const stop = watch(
    isActive,
    (active) => {
      leave?.()
      leave = active ? store.enterScope(scope) : null
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    stop()
    leave?.()
  })
}
