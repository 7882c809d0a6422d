import { isModifierOnly, pressMatches, type KeyBindingPress, type KeyPress } from './keys'

/** A command's binding, ready to match: one entry per key combination of the command. */
export interface SequenceBinding<Id extends string> {
  readonly commandId: Id
  readonly presses: readonly KeyBindingPress[]
}

interface Pending<Id extends string> {
  readonly commandId: Id
  readonly remaining: readonly KeyBindingPress[]
}

/** Sequences begun by earlier presses ('g' of 'g i'), alive until `expiresAt`. */
export interface SequenceState<Id extends string> {
  readonly pending: readonly Pending<Id>[]
  readonly expiresAt: number
}

export type SequenceStep<Id extends string> =
  | { kind: 'matched'; commandId: Id; state: SequenceState<Id> }
  | { kind: 'pending'; state: SequenceState<Id> }
  | { kind: 'none'; state: SequenceState<Id> }

export function idleSequence<Id extends string>(): SequenceState<Id> {
  return { pending: [], expiresAt: 0 }
}

type Advance<Id extends string> = { kind: 'matched'; commandId: Id } | { kind: 'advanced'; pending: Pending<Id>[] }

/** Feeds one press to candidates in priority order; the first one it completes wins. */
function advance<Id extends string>(candidates: readonly Pending<Id>[], event: KeyPress): Advance<Id> {
  const pending: Pending<Id>[] = []
  for (const candidate of candidates) {
    const [next, ...rest] = candidate.remaining
    if (next === undefined || !pressMatches(event, next)) continue
    if (rest.length === 0) return { kind: 'matched', commandId: candidate.commandId }
    pending.push({ commandId: candidate.commandId, remaining: rest })
  }
  return { kind: 'advanced', pending }
}

/**
 * One keydown through the sequence machine. A press that continues a live sequence completes
 * or extends it; otherwise it is matched afresh, so 'g' then 'j' still moves down. Modifier
 * presses on their own (the Shift of 'g Shift+E') leave everything as it was.
 */
export function stepSequence<Id extends string>(
  state: SequenceState<Id>,
  event: KeyPress,
  now: number,
  bindings: readonly SequenceBinding<Id>[],
  timeoutMs: number,
): SequenceStep<Id> {
  if (isModifierOnly(event)) return { kind: 'none', state }
  const live = now < state.expiresAt ? state.pending : []
  const starts = bindings.map((binding) => ({ commandId: binding.commandId, remaining: binding.presses }))
  for (const candidates of [live, starts]) {
    const result = advance(candidates, event)
    if (result.kind === 'matched') return { kind: 'matched', commandId: result.commandId, state: idleSequence() }
    if (result.pending.length > 0) return { kind: 'pending', state: { pending: result.pending, expiresAt: now + timeoutMs } }
  }
  return { kind: 'none', state: idleSequence() }
}
