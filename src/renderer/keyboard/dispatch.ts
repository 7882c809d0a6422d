import { commands, type CommandId, type Scope } from './commands'
import type { KeyBindingPress, KeyPress } from './keys'
import { stepSequence, type SequenceBinding, type SequenceState } from './sequence'

/** A key combination of a command whose handler is bound, in the priority of the active scopes. */
export interface ActiveBinding extends SequenceBinding<CommandId> {
  readonly allowInFields: boolean
}

export interface KeydownContext {
  readonly bindings: readonly ActiveBinding[]
  /** Focus is in a text field: only `allowInFields` commands may fire. */
  readonly isTyping: boolean
  readonly now: number
  readonly sequenceTimeoutMs: number
}

export type KeydownOutcome =
  | { kind: 'run'; commandId: CommandId }
  /** The first key of a sequence: swallow it and wait for the next. */
  | { kind: 'pending' }
  /** Escape in a field no command claimed: leave the field, so single keys work again. */
  | { kind: 'leaveField' }
  | { kind: 'pass' }

export interface KeydownDecision {
  readonly state: SequenceState<CommandId>
  readonly outcome: KeydownOutcome
}

/**
 * Every key combination of every command that is bound and applies in `scopes`, ordered by
 * scope (most specific first) and then by registry order.
 */
export function activeBindings(
  scopes: readonly Scope[],
  pressesOf: (id: CommandId) => readonly (readonly KeyBindingPress[])[],
  isBound: (id: CommandId) => boolean,
): ActiveBinding[] {
  const seen = new Set<CommandId>()
  const bindings: ActiveBinding[] = []
  for (const scope of scopes) {
    for (const command of commands) {
      if (seen.has(command.id) || !command.scopes.includes(scope) || !isBound(command.id)) continue
      seen.add(command.id)
      for (const presses of pressesOf(command.id)) {
        bindings.push({ commandId: command.id, presses, allowInFields: command.allowInFields === true })
      }
    }
  }
  return bindings
}

/** What one keydown means; the DOM side only carries the outcome out. */
export function decideKeydown(state: SequenceState<CommandId>, event: KeyPress, context: KeydownContext): KeydownDecision {
  const bindings = context.isTyping ? context.bindings.filter((binding) => binding.allowInFields) : context.bindings
  const step = stepSequence(state, event, context.now, bindings, context.sequenceTimeoutMs)
  switch (step.kind) {
    case 'matched':
      return { state: step.state, outcome: { kind: 'run', commandId: step.commandId } }
    case 'pending':
      return { state: step.state, outcome: { kind: 'pending' } }
    case 'none':
      return { state: step.state, outcome: context.isTyping && event.key === 'Escape' ? { kind: 'leaveField' } : { kind: 'pass' } }
  }
}
