import { isModifierOnly, type Platform } from '../../keyboard/keys'

/** What the recorder reads from a keydown; a KeyboardEvent has all of it, tests build just this. */
export type CapturedKey = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>

/** The longest sequence the keymap records ('g i'); longer ones are hard to remember and to type. */
export const MAX_SEQUENCE_PRESSES = 2

function isCaseless(key: string): boolean {
  return key.length === 1 && key.toLowerCase() === key.toUpperCase()
}

/**
 * One key press in the keymap's syntax: '$mod+k', 'Shift+E', 'j', '?', 'ArrowDown', 'Alt+KeyK'.
 * The platform's command key (Cmd on macOS, Ctrl elsewhere) becomes $mod, so a binding works
 * on both. null for a press of a modifier alone.
 */
export function pressFromKeydown(event: CapturedKey, platform: Platform): string | null {
  if (isModifierOnly(event)) return null
  const primary = platform === 'mac' ? event.metaKey : event.ctrlKey
  const secondary = platform === 'mac' ? event.ctrlKey : event.metaKey
  const modifiers = [
    ...(primary ? ['$mod'] : []),
    ...(secondary ? [platform === 'mac' ? 'Control' : 'Meta'] : []),
    ...(event.altKey ? ['Alt'] : []),
  ]
  let key = event.key
  // Alt changes the character typed on many layouts (Alt+K is ˚ on a Mac); name the key itself.
  if (event.altKey && /^(Key[A-Z]|Digit\d)$/.test(event.code)) key = event.code
  else if (key === ' ') key = 'Space'
  else if (key.length === 1 && !isCaseless(key)) key = event.shiftKey ? key.toUpperCase() : key.toLowerCase()
  // A caseless character (?, /, 1) is whatever Shift the layout needs to type it.
  const withShift = event.shiftKey && !(key.length === 1 && isCaseless(key)) ? ['Shift'] : []
  return [...modifiers, ...withShift, key].join('+')
}

export function bindingFromPresses(presses: readonly string[]): string {
  return presses.join(' ')
}
