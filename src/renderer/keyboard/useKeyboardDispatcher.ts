import { onBeforeUnmount, onMounted } from 'vue'
import { useCommandStore } from '../stores/commandStore'
import { useKeymapStore } from '../stores/keymapStore'
import type { CommandId } from './commands'
import { activeBindings, decideKeydown } from './dispatch'
import { resolveActiveScopes } from './scopes'
import { idleSequence } from './sequence'
import { describeTarget, isControlActivation, isTypingTarget } from './target'

/** How long the second key of 'g i' may take; tinykeys' 1 s is short for many people. */
export const SEQUENCE_TIMEOUT_MS = 1500

/** The one keydown listener of the app; mount it once, in App.vue. */
export function useKeyboardDispatcher(now: () => number = () => performance.now()): void {
  const commands = useCommandStore()
  const keymap = useKeymapStore()
  let state = idleSequence<CommandId>()

  function onKeydown(event: KeyboardEvent): void {
    // A widget that handled the key itself (the palette's arrows) or an IME composition wins.
    if (event.defaultPrevented || event.isComposing) return
    const target = describeTarget(event.target)
    if (isControlActivation(target, event)) return
    const scopes = resolveActiveScopes({
      isOverlayOpen: commands.isOverlayOpen,
      isComposerFocused: target.isInComposer,
      isConversationOpen: commands.isConversationOpen,
    })
    const decision = decideKeydown(state, event, {
      bindings: activeBindings(scopes, keymap.pressesOf, commands.isBound),
      isTyping: isTypingTarget(target),
      now: now(),
      sequenceTimeoutMs: SEQUENCE_TIMEOUT_MS,
    })
    state = decision.state
    switch (decision.outcome.kind) {
      case 'run':
        event.preventDefault()
        commands.run(decision.outcome.commandId)
        return
      case 'pending':
        event.preventDefault()
        return
      case 'leaveField':
        if (event.target instanceof HTMLElement) event.target.blur()
        return
      case 'pass':
        return
    }
  }

  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}
