import { describe, expect, it } from 'vitest'
import { bindingToAccelerator } from '../../../../src/main/electron/accelerators'

describe('keymap bindings as menu accelerators', () => {
  it.each([
    ['$mod+k', 'CmdOrCtrl+K'],
    ['$mod+Enter', 'CmdOrCtrl+Enter'],
    ['Shift+E', 'Shift+E'],
    ['j', 'J'],
    ['ArrowDown', 'Down'],
    ['Escape', 'Escape'],
    ['?', '?'],
    ['/', '/'],
    ['Control+Alt+1', 'Ctrl+Alt+1'],
    ['$mod++', 'CmdOrCtrl+Plus'],
    ['F5', 'F5'],
  ])('shows %s as %s', (binding, accelerator) => {
    expect(bindingToAccelerator(binding)).toBe(accelerator)
  })

  it.each([['g i'], [''], ['Hyper+k'], ['MediaPlayPause'], ['Shift+']])('has none for %j, which a menu cannot show', (binding) => {
    expect(bindingToAccelerator(binding)).toBeNull()
  })
})
