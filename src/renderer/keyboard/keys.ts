import { matchKeyBindingPress, parseKeybinding, type KeyBindingPress } from 'tinykeys'

export type Platform = 'mac' | 'other'

/** What matching reads from a keydown; a real KeyboardEvent has all of it, tests build just this. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'getModifierState'>

export type { KeyBindingPress }

const MODIFIERS = ['Shift', 'Alt', 'Control', 'Meta'] as const
const MODIFIER_KEYS: ReadonlySet<string> = new Set([...MODIFIERS, 'AltGraph', 'CapsLock', 'Fn', 'FnLock', 'Hyper', 'Super', 'OS'])

export function detectPlatform(navigatorLike: { platform?: string; userAgent?: string } | undefined): Platform {
  const text = `${navigatorLike?.platform ?? ''} ${navigatorLike?.userAgent ?? ''}`
  return /Mac|iPhone|iPad|iPod/.test(text) ? 'mac' : 'other'
}

/**
 * tinykeys resolves `$mod` from the global navigator when it loads; resolving it here from
 * an explicit platform keeps matching, conflicts and display in agreement, and testable.
 */
export function parseBinding(binding: string, platform: Platform): KeyBindingPress[] {
  return parseKeybinding(binding.replace(/\$mod/g, platform === 'mac' ? 'Meta' : 'Control'))
}

/** A binding the keymap accepts: known modifiers, a real key on every press, no regex keys. */
export function isValidBinding(binding: string): boolean {
  if (binding.trim() === '' || /\s{2,}/.test(binding.trim())) return false
  const presses = parseBinding(binding.trim(), 'other')
  return presses.every(
    ([mods, key]) =>
      typeof key === 'string' &&
      key !== '' &&
      !MODIFIER_KEYS.has(key) &&
      mods.every((mod) => (MODIFIERS as readonly string[]).includes(mod)),
  )
}

/** Keys with no upper and lower case (?, /, digits) need Shift on some layouts and not others. */
function isCaselessCharacter(key: string | RegExp): key is string {
  return typeof key === 'string' && key.length === 1 && key !== ' ' && key.toLowerCase() === key.toUpperCase()
}

/**
 * tinykeys refuses a press when an unlisted modifier is held, so '?' (Shift+/ on US keyboards)
 * or '/' (Shift+7 on German ones) would never match; for such keys Shift is allowed either way.
 */
export function pressMatches(event: KeyPress, press: KeyBindingPress): boolean {
  // tinykeys reads only key, code and getModifierState, which KeyPress guarantees.
  const keyboardEvent = event as KeyboardEvent
  if (matchKeyBindingPress(keyboardEvent, press)) return true
  const [mods, key] = press
  return isCaselessCharacter(key) && !mods.includes('Shift') && matchKeyBindingPress(keyboardEvent, [[...mods, 'Shift'], key])
}

export function isModifierOnly(event: Pick<KeyPress, 'key'>): boolean {
  return MODIFIER_KEYS.has(event.key)
}

/** One spelling per set of key presses, so 'Shift+e', 'shift+E' and ('?', 'Shift+?') compare equal. */
export function canonicalPresses(presses: readonly KeyBindingPress[]): string[] {
  return presses.map(([mods, key]) => {
    const name = typeof key === 'string' ? (key.length === 1 ? key.toLowerCase() : key) : key.source
    const relevant = isCaselessCharacter(key) ? mods.filter((mod) => mod !== 'Shift') : mods
    return [...[...new Set(relevant)].sort(), name].join('+')
  })
}
