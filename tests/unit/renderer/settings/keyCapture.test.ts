import { describe, expect, it } from 'vitest'
import { bindingFromPresses, pressFromKeydown, type CapturedKey } from '../../../../src/renderer/components/settings/keyCapture'
import { isValidBinding } from '../../../../src/renderer/keyboard/keys'

function press(key: string, options: Partial<CapturedKey> = {}): CapturedKey {
  return { key, code: '', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...options }
}

describe('recording keys for the keymap', () => {
  it.each([
    [press('j'), 'other', 'j'],
    [press('E', { shiftKey: true }), 'other', 'Shift+E'],
    [press('k', { ctrlKey: true }), 'other', '$mod+k'],
    [press('k', { metaKey: true }), 'mac', '$mod+k'],
    [press('k', { ctrlKey: true }), 'mac', 'Control+k'],
    [press('?', { shiftKey: true }), 'other', '?'],
    [press('ArrowDown'), 'other', 'ArrowDown'],
    [press('Enter', { ctrlKey: true }), 'other', '$mod+Enter'],
    [press(' '), 'other', 'Space'],
    [press('˚', { altKey: true, code: 'KeyK' }), 'mac', 'Alt+KeyK'],
    [press('Escape'), 'other', 'Escape'],
  ] as const)('reads %j on %s as %s', (event, platform, binding) => {
    const recorded = pressFromKeydown(event, platform)
    expect(recorded).toBe(binding)
    expect(isValidBinding(recorded!)).toBe(true)
  })

  it('waits for a real key while only a modifier is down', () => {
    expect(pressFromKeydown(press('Shift', { shiftKey: true }), 'other')).toBeNull()
    expect(pressFromKeydown(press('Meta', { metaKey: true }), 'mac')).toBeNull()
  })

  it('joins two presses into a sequence', () => {
    expect(bindingFromPresses(['g', 'x'])).toBe('g x')
  })
})
