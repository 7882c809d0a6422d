import { describe, expect, it } from 'vitest'
import { parseBinding } from '../../../../src/renderer/keyboard/keys'
import { idleSequence, stepSequence, type SequenceBinding, type SequenceState } from '../../../../src/renderer/keyboard/sequence'
import { manualClock, press } from './fakeKeys'

const TIMEOUT = 1500
const bindings: SequenceBinding<string>[] = [
  { commandId: 'go.inbox', presses: parseBinding('g i', 'other') },
  { commandId: 'go.mine', presses: parseBinding('g m', 'other') },
  { commandId: 'go.reopenAll', presses: parseBinding('g Shift+E', 'other') },
  { commandId: 'list.next', presses: parseBinding('j', 'other') },
]

/** Feeds presses through the machine and lists what each one did. */
function feed(presses: ReturnType<typeof press>[], clock = manualClock(), gapMs = 100) {
  let state: SequenceState<string> = idleSequence()
  return presses.map((event) => {
    const step = stepSequence(state, event, clock.now(), bindings, TIMEOUT)
    state = step.state
    clock.advance(gapMs)
    return step.kind === 'matched' ? step.commandId : step.kind
  })
}

describe('key sequences', () => {
  it('runs g i when i follows g within the timeout', () => {
    expect(feed([press('g'), press('i')])).toEqual(['pending', 'go.inbox'])
  })

  it('forgets g once the timeout has passed', () => {
    expect(feed([press('g'), press('i')], manualClock(), TIMEOUT)).toEqual(['pending', 'none'])
  })

  it('completes a sequence whose second key comes just before the deadline', () => {
    expect(feed([press('g'), press('m')], manualClock(), TIMEOUT - 1)).toEqual(['pending', 'go.mine'])
  })

  it('treats a key that continues nothing as a fresh press: g then j moves down', () => {
    expect(feed([press('g'), press('j')])).toEqual(['pending', 'list.next'])
  })

  it('lets Shift be pressed on its own inside a sequence', () => {
    expect(feed([press('g'), press('Shift', ['Shift']), press('E', ['Shift'])])).toEqual(['pending', 'none', 'go.reopenAll'])
  })

  it('starts over after a completed sequence', () => {
    expect(feed([press('g'), press('i'), press('i')])).toEqual(['pending', 'go.inbox', 'none'])
  })

  it('prefers the first binding in priority order', () => {
    const layered: SequenceBinding<string>[] = [
      { commandId: 'composer.leave', presses: parseBinding('Escape', 'other') },
      { commandId: 'conversation.back', presses: parseBinding('Escape', 'other') },
    ]
    const step = stepSequence(idleSequence<string>(), press('Escape'), 0, layered, TIMEOUT)
    expect(step).toMatchObject({ kind: 'matched', commandId: 'composer.leave' })
  })
})
