/**
 * The keymap's bindings (tinykeys syntax: '$mod+k', 'Shift+E', 'g i') as Electron menu
 * accelerators, for display next to menu items. A sequence ('g i') or a key Electron cannot
 * name has no accelerator: null.
 */

const MODIFIERS: Readonly<Record<string, string>> = {
  $mod: 'CmdOrCtrl',
  Control: 'Ctrl',
  Meta: 'Super',
  Alt: 'Alt',
  Shift: 'Shift',
}

const NAMED_KEYS: Readonly<Record<string, string>> = {
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Enter: 'Enter',
  Escape: 'Escape',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Tab: 'Tab',
  Space: 'Space',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
}

const PUNCTUATION = new Set([...'`~!@#$%^&*()-_=[]{}\\|;:\'",.<>/?'])

function keyName(key: string): string | null {
  if (/^[a-z0-9]$/i.test(key)) return key.toUpperCase()
  if (/^F([1-9]|1\d|2[0-4])$/.test(key)) return key
  if (key === '+') return 'Plus'
  if (PUNCTUATION.has(key)) return key
  return NAMED_KEYS[key] ?? null
}

export function bindingToAccelerator(binding: string): string | null {
  const trimmed = binding.trim()
  if (trimmed === '' || /\s/.test(trimmed)) return null
  // A trailing '+' is the plus key itself ('$mod++'), not a separator.
  const parts = trimmed.endsWith('++') ? [...trimmed.slice(0, -2).split('+'), '+'] : trimmed.split('+')
  const key = parts.pop()
  if (key === undefined) return null
  const modifiers = parts.map((part) => MODIFIERS[part])
  if (modifiers.some((modifier) => modifier === undefined)) return null
  const name = keyName(key)
  return name === null ? null : [...modifiers, name].join('+')
}
