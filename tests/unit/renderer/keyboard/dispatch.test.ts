import { describe, expect, it } from 'vitest'
import type { CommandId } from '../../../../src/renderer/keyboard/commands'
import { activeBindings, decideKeydown, type ActiveBinding, type KeydownContext } from '../../../../src/renderer/keyboard/dispatch'
import { parseBinding } from '../../../../src/renderer/keyboard/keys'
import { idleSequence } from '../../../../src/renderer/keyboard/sequence'
import { press } from './fakeKeys'

const binding = (commandId: CommandId, keys: string, allowInFields = false): ActiveBinding => ({
  commandId,
  presses: parseBinding(keys, 'other'),
  allowInFields,
})

const bindings = [
  binding('list.next', 'j'),
  binding('sheet.open', '?'),
  binding('palette.open', '$mod+k', true),
  binding('composer.send', '$mod+Enter', true),
  binding('go.inbox', 'g i'),
]

function decide(event: ReturnType<typeof press>, context: Partial<KeydownContext> = {}) {
  return decideKeydown(idleSequence(), event, { bindings, isTyping: false, now: 0, sequenceTimeoutMs: 1500, ...context }).outcome
}

describe('what a keydown does', () => {
  it('runs a single-key command when focus is not in a field', () => {
    expect(decide(press('j'))).toEqual({ kind: 'run', commandId: 'list.next' })
  })

  it('never runs a single-key command while typing in a field', () => {
    expect(decide(press('j'), { isTyping: true })).toEqual({ kind: 'pass' })
    expect(decide(press('?', ['Shift']), { isTyping: true })).toEqual({ kind: 'pass' })
    expect(decide(press('g'), { isTyping: true })).toEqual({ kind: 'pass' })
  })

  it('runs commands marked for fields while typing', () => {
    expect(decide(press('k', ['Control']), { isTyping: true })).toEqual({ kind: 'run', commandId: 'palette.open' })
    expect(decide(press('Enter', ['Control']), { isTyping: true })).toEqual({ kind: 'run', commandId: 'composer.send' })
  })

  it('swallows the first key of a sequence', () => {
    expect(decide(press('g'))).toEqual({ kind: 'pending' })
  })

  it('leaves the field on an Escape that nothing claims', () => {
    expect(decide(press('Escape'), { isTyping: true })).toEqual({ kind: 'leaveField' })
    expect(decide(press('Escape'))).toEqual({ kind: 'pass' })
  })

  it('lets a claimed Escape in a field run its command instead', () => {
    const withClose = [binding('overlay.close', 'Escape', true), ...bindings]
    expect(decide(press('Escape'), { isTyping: true, bindings: withClose })).toEqual({ kind: 'run', commandId: 'overlay.close' })
  })
})

describe('the bindings in play', () => {
  const defaults = (id: CommandId) => {
    const keys: Partial<Record<CommandId, string[]>> = {
      'composer.leave': ['Escape'],
      'conversation.back': ['Escape'],
      'list.next': ['j', 'ArrowDown'],
      'sheet.open': ['?'],
    }
    return (keys[id] ?? []).map((keys) => parseBinding(keys, 'other'))
  }
  const everythingBound = () => true

  it('orders them by scope, most specific first', () => {
    const ids = activeBindings(['composer', 'conversation', 'list', 'global'], defaults, everythingBound).map((entry) => entry.commandId)
    expect(ids.indexOf('composer.leave')).toBeLessThan(ids.indexOf('conversation.back'))
    expect(ids.indexOf('conversation.back')).toBeLessThan(ids.indexOf('sheet.open'))
  })

  it('holds one entry per key of a command, each command once', () => {
    const next = activeBindings(['conversation', 'list'], defaults, everythingBound).filter((entry) => entry.commandId === 'list.next')
    expect(next).toHaveLength(2)
  })

  it('leaves out commands nothing handles, and scopes that are not active', () => {
    const ids = activeBindings(['list', 'global'], defaults, (id) => id !== 'sheet.open').map((entry) => entry.commandId)
    expect(ids).toContain('list.next')
    expect(ids).not.toContain('sheet.open')
    expect(ids).not.toContain('conversation.back')
  })
})
