import { commands, type Command, type CommandId } from './commands'
import { canonicalPresses, parseBinding, type Platform } from './keys'
import { scopesOverlap } from './scopes'

export interface KeyConflict {
  readonly binding: string
  readonly otherId: CommandId
  readonly otherBinding: string
  /** 'same': identical keys; 'prefix': one is the start of the other ('g' and 'g i'). */
  readonly kind: 'same' | 'prefix'
}

function isPrefix(shorter: readonly string[], longer: readonly string[]): boolean {
  return shorter.length < longer.length && shorter.every((press, index) => press === longer[index])
}

function compare(a: readonly string[], b: readonly string[]): KeyConflict['kind'] | null {
  if (a.length === b.length && a.every((press, index) => press === b[index])) return 'same'
  return isPrefix(a, b) || isPrefix(b, a) ? 'prefix' : null
}

/**
 * The first command whose keys would collide with `bindings` for `command`: same keys, or one
 * a prefix of the other, in scopes that can be active together. `keysOf` gives each command's
 * current keys (defaults with the user's changes).
 */
export function findKeyConflict(
  command: Command,
  bindings: readonly string[],
  keysOf: (id: CommandId) => readonly string[],
  platform: Platform,
): KeyConflict | null {
  const canonical = (binding: string) => canonicalPresses(parseBinding(binding, platform))
  for (const binding of bindings) {
    const presses = canonical(binding)
    for (const other of commands) {
      if (other.id === command.id || !scopesOverlap(command.scopes, other.scopes)) continue
      for (const otherBinding of keysOf(other.id)) {
        const kind = compare(presses, canonical(otherBinding))
        if (kind) return { binding, otherId: other.id, otherBinding, kind }
      }
    }
  }
  return null
}
