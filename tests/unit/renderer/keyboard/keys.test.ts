import { describe, expect, it } from 'vitest'
import { canonicalPresses, detectPlatform, isValidBinding, parseBinding, pressMatches, type Platform } from '../../../../src/renderer/keyboard/keys'
import { press } from './fakeKeys'

const matches = (binding: string, event: ReturnType<typeof press>, platform: Platform = 'other') =>
  parseBinding(binding, platform).length === 1 && pressMatches(event, parseBinding(binding, platform)[0]!)

describe('key matching', () => {
  it('matches a bare letter, and not while a modifier is held', () => {
    expect(matches('j', press('j'))).toBe(true)
    expect(matches('j', press('j', ['Control']))).toBe(false)
    expect(matches('j', press('k'))).toBe(false)
  })

  it('tells e from Shift+E', () => {
    expect(matches('e', press('E', ['Shift']))).toBe(false)
    expect(matches('Shift+E', press('E', ['Shift']))).toBe(true)
    expect(matches('Shift+E', press('e'))).toBe(false)
  })

  it('resolves $mod to Command on macOS and to Control elsewhere', () => {
    expect(matches('$mod+k', press('k', ['Meta']), 'mac')).toBe(true)
    expect(matches('$mod+k', press('k', ['Control']), 'mac')).toBe(false)
    expect(matches('$mod+k', press('k', ['Control']), 'other')).toBe(true)
    expect(matches('$mod+Enter', press('Enter', ['Control']), 'other')).toBe(true)
  })

  it('accepts ? and / whether or not the layout needs Shift for them', () => {
    expect(matches('?', press('?', ['Shift'], 'Slash'))).toBe(true)
    expect(matches('/', press('/', [], 'Slash'))).toBe(true)
    expect(matches('/', press('/', ['Shift'], 'Digit7'))).toBe(true)
    expect(matches('/', press('?', ['Shift'], 'Slash'))).toBe(false)
    expect(matches('?', press('?', ['Shift', 'Control']))).toBe(false)
  })

  it('matches named keys', () => {
    expect(matches('ArrowDown', press('ArrowDown'))).toBe(true)
    expect(matches('Escape', press('Escape'))).toBe(true)
  })

  it('parses sequences into one press per key', () => {
    expect(parseBinding('g i', 'other')).toEqual([
      [[], 'g'],
      [[], 'i'],
    ])
  })
})

describe('bindings the keymap accepts', () => {
  it.each(['j', 'Shift+E', '$mod+k', 'g i', 'Control+Alt+Delete', '?', 'ArrowDown'])('accepts %s', (binding) => {
    expect(isValidBinding(binding)).toBe(true)
  })

  it.each(['', '  ', 'Shift', 'shift+e', 'Hyper+x', 'g  i', '(a|b)'])('refuses %j', (binding) => {
    expect(isValidBinding(binding)).toBe(false)
  })

  it('spells equal bindings the same way', () => {
    const canonical = (binding: string) => canonicalPresses(parseBinding(binding, 'other'))
    expect(canonical('Shift+E')).toEqual(canonical('Shift+e'))
    expect(canonical('Alt+Shift+x')).toEqual(canonical('Shift+Alt+x'))
    expect(canonical('?')).toEqual(canonical('Shift+?'))
    expect(canonical('$mod+k')).toEqual(canonical('Control+k'))
    expect(canonical('e')).not.toEqual(canonical('Shift+E'))
  })
})

describe('platform', () => {
  it('is macOS on Apple platforms and "other" everywhere else, including no navigator', () => {
    expect(detectPlatform({ platform: 'MacIntel' })).toBe('mac')
    expect(detectPlatform({ platform: 'Win32' })).toBe('other')
    expect(detectPlatform({ platform: 'Linux x86_64' })).toBe('other')
    expect(detectPlatform(undefined)).toBe('other')
  })
})
