import { onScopeDispose, watch } from 'vue'
import { useCommandStore, type CommandHandlers } from '../stores/commandStore'

/**
 * Binds handlers to commands for the lifetime of the calling component (or effect scope),
 * and only while `isActive` holds when given: e.g. `useCommandHandlers({ 'list.next': next })`.
 */
export function useCommandHandlers(handlers: CommandHandlers, isActive: () => boolean = () => true): void {
  const store = useCommandStore()
  let unbind: (() => void) | null = null
  const stop = watch(
    isActive,
    (active) => {
      unbind?.()
      unbind = active ? store.bind(handlers) : null
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    stop()
    unbind?.()
  })
}
