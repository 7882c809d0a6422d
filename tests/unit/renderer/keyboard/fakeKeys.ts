import type { KeyPress } from '../../../../src/renderer/keyboard/keys'

type Modifier = 'Shift' | 'Control' | 'Alt' | 'Meta'

/** A keydown as matching sees it: the key, its physical code and the modifiers held. */
export function press(key: string, modifiers: readonly Modifier[] = [], code = ''): KeyPress {
  return { key, code, getModifierState: (name: string) => (modifiers as readonly string[]).includes(name) }
}

/** A clock the test moves by hand. */
export function manualClock(start = 1_000) {
  let now = start
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms
    },
  }
}
