import { describe, expect, it } from 'vitest'
import { bindingLabel, keyCaps } from '../../../../src/renderer/keyboard/display'

describe('keys as the platform shows them', () => {
  it('draws $mod as ⌘ on macOS and Ctrl elsewhere', () => {
    expect(keyCaps('$mod+k', 'mac')).toEqual([['⌘', 'K']])
    expect(keyCaps('$mod+k', 'other')).toEqual([['Ctrl', 'K']])
    expect(bindingLabel('$mod+k', 'mac')).toBe('⌘K')
    expect(bindingLabel('$mod+Enter', 'other')).toBe('Ctrl+Enter')
  })

  it('keeps bare letters as typed and names the special keys', () => {
    expect(keyCaps('j', 'other')).toEqual([['j']])
    expect(keyCaps('Shift+E', 'mac')).toEqual([['⇧', 'E']])
    expect(keyCaps('ArrowDown', 'other')).toEqual([['↓']])
    expect(keyCaps('Escape', 'other')).toEqual([['Esc']])
  })

  it('shows ? without the Shift it needs', () => {
    expect(keyCaps('?', 'other')).toEqual([['?']])
    expect(keyCaps('Shift+?', 'other')).toEqual([['?']])
  })

  it('reads sequences as one key then the next', () => {
    expect(keyCaps('g i', 'other')).toEqual([['g'], ['i']])
    expect(bindingLabel('g i', 'other')).toBe('g then i')
  })
})
