import type { Scope } from './commands'

export interface ScopeContext {
  readonly isOverlayOpen: boolean
  readonly isComposerFocused: boolean
  readonly isConversationOpen: boolean
}

/**
 * The active scopes, most specific first; the first command matching a key wins.
 * An overlay (palette, sheet, dialog) is modal: nothing underneath reacts while it is open.
 */
export function resolveActiveScopes(context: ScopeContext): Scope[] {
  if (context.isOverlayOpen) return ['overlay']
  const scopes: Scope[] = []
  if (context.isComposerFocused) scopes.push('composer')
  if (context.isConversationOpen) scopes.push('conversation')
  scopes.push('list', 'global')
  return scopes
}

/**
 * Whether two commands can answer the same key press: they share a scope, or one is global
 * (active wherever no overlay is). The composer and the conversation may both be active, but
 * there the composer deliberately shadows the conversation (Escape leaves the field first).
 */
export function scopesOverlap(a: readonly Scope[], b: readonly Scope[]): boolean {
  return a.some((left) =>
    b.some((right) => left === right || (left === 'global' && right !== 'overlay') || (right === 'global' && left !== 'overlay')),
  )
}
