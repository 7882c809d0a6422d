import { keyboardStrings } from '../strings/keyboard'
import { parseBinding, type Platform } from './keys'

const { keys: keyText } = keyboardStrings
const MODIFIER_ORDER = { mac: ['Control', 'Alt', 'Shift', 'Meta'], other: ['Control', 'Meta', 'Alt', 'Shift'] } as const

function keyName(key: string, hasModifiers: boolean): string {
  const named = keyText.names[key]
  if (named !== undefined) return named
  if (key.length === 1) return hasModifiers ? key.toUpperCase() : key
  return key
}

/**
 * The caps to draw for a binding, one array per press: '$mod+k' is [['⌘', 'K']] on macOS and
 * [['Ctrl', 'K']] elsewhere; 'g i' is [['g'], ['i']]. Bare letters stay lower case, as typed.
 */
export function keyCaps(binding: string, platform: Platform): string[][] {
  return parseBinding(binding, platform).map(([mods, key]) => {
    const name = typeof key === 'string' ? key : key.source
    const caseless = name.length === 1 && name.toLowerCase() === name.toUpperCase()
    const shown = MODIFIER_ORDER[platform].filter((mod) => mods.includes(mod) && !(caseless && mod === 'Shift'))
    return [...shown.map((mod) => keyText.modifiers[platform][mod]), keyName(name, shown.length > 0)]
  })
}

/** A binding as one line of text, for labels and messages: "Ctrl+K", "⌘K", "g then i". */
export function bindingLabel(binding: string, platform: Platform): string {
  const joiner = platform === 'mac' ? '' : '+'
  return keyCaps(binding, platform)
    .map((caps) => caps.join(joiner))
    .join(` ${keyText.then} `)
}
