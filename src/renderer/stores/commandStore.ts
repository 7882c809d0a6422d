import { defineStore } from 'pinia'
import { computed, ref, shallowReactive } from 'vue'
import type { CommandId } from '../keyboard/commands'

export type CommandHandler = () => void | Promise<void>
export type CommandHandlers = Partial<Record<CommandId, CommandHandler>>

/** Scopes that a component turns on while it lives; the composer's is read from focus instead. */
export type ToggledScope = 'overlay' | 'conversation'

/** Each bind gets its own entry, so binding one function twice and unbinding once stays exact. */
interface Binding {
  readonly handler: CommandHandler
}

/**
 * What the running app can do right now: the handlers views have bound to commands, and the
 * scopes they have turned on. Commands without a handler show as unavailable in the palette.
 */
export const useCommandStore = defineStore('commands', () => {
  const bindings = shallowReactive(new Map<CommandId, readonly Binding[]>())
  const openScopes = ref<Record<ToggledScope, number>>({ overlay: 0, conversation: 0 })

  /** The latest binding of a command wins; returns the unbind function. */
  function bind(handlers: CommandHandlers): () => void {
    const added = Object.entries(handlers).map(([id, handler]) => ({ id: id as CommandId, binding: { handler } as Binding }))
    for (const { id, binding } of added) bindings.set(id, [...(bindings.get(id) ?? []), binding])
    let isActive = true
    return () => {
      if (!isActive) return
      isActive = false
      for (const { id, binding } of added) {
        const remaining = (bindings.get(id) ?? []).filter((entry) => entry !== binding)
        if (remaining.length > 0) bindings.set(id, remaining)
        else bindings.delete(id)
      }
    }
  }

  function isBound(id: CommandId): boolean {
    return (bindings.get(id)?.length ?? 0) > 0
  }

  /** Runs the command's current handler; false when nothing handles it here. */
  function run(id: CommandId): boolean {
    const binding = bindings.get(id)?.at(-1)
    if (!binding) return false
    void binding.handler()
    return true
  }

  function enterScope(scope: ToggledScope): () => void {
    openScopes.value[scope] += 1
    let isInside = true
    return () => {
      if (!isInside) return
      isInside = false
      openScopes.value[scope] -= 1
    }
  }

  const isOverlayOpen = computed(() => openScopes.value.overlay > 0)
  const isConversationOpen = computed(() => openScopes.value.conversation > 0)

  return { bind, isBound, run, enterScope, isOverlayOpen, isConversationOpen }
})
