import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { KEYMAP_STORAGE_KEY, parseStoredKeymap, serializeKeymap } from '../../../../src/renderer/keyboard/keymapStorage'
import { useKeymapStore } from '../../../../src/renderer/stores/keymapStore'
import { memoryStorage, type MemoryStorage } from '../../../support/memoryStorage'

let storage: MemoryStorage

function freshStore(stored?: string) {
  storage = memoryStorage(stored === undefined ? {} : { [KEYMAP_STORAGE_KEY]: stored })
  vi.stubGlobal('localStorage', storage)
  setActivePinia(createPinia())
  return useKeymapStore()
}

beforeEach(() => {
  freshStore()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('remapping a command', () => {
  it('uses the new keys and remembers that they were changed', () => {
    const keymap = useKeymapStore()
    expect(keymap.remap('list.next', ['Shift+J'])).toEqual({ ok: true })
    expect(keymap.keysFor('list.next')).toEqual(['Shift+J'])
    expect(keymap.isRemapped('list.next')).toBe(true)
    expect(keymap.pressesOf('list.next')).toEqual([[[['Shift'], 'J']]])
  })

  it('refuses keys another command uses in an overlapping scope, naming that command', () => {
    const keymap = useKeymapStore()
    const result = keymap.remap('composer.reply', ['e'])
    expect(result).toEqual({
      ok: false,
      message: 'e is already used by “Close and go to next”. Change or reset that shortcut first.',
      conflictingCommandId: 'conversation.closeAndNext',
    })
    expect(keymap.keysFor('composer.reply')).toEqual(['r'])
  })

  it('refuses a key that a global sequence starts with', () => {
    const result = useKeymapStore().remap('list.open', ['g'])
    expect(result).toMatchObject({ ok: false, conflictingCommandId: 'go.inbox' })
    expect(result.ok || result.message).toContain('g then i')
  })

  it('refuses a key combination it cannot read', () => {
    expect(useKeymapStore().remap('list.next', ['Hyper+j'])).toMatchObject({ ok: false, message: expect.stringContaining('Hyper+j') })
  })

  it('allows the same key in scopes that never answer together', () => {
    expect(useKeymapStore().remap('overlay.close', ['q'])).toEqual({ ok: true })
    expect(useKeymapStore().remap('list.open', ['q'])).toEqual({ ok: true })
  })

  it('can leave a command to the palette alone', () => {
    const keymap = useKeymapStore()
    expect(keymap.remap('action.undo', [])).toEqual({ ok: true })
    expect(keymap.keysFor('action.undo')).toEqual([])
  })
})

describe('resetting', () => {
  it('puts one command back to its default keys', () => {
    const keymap = useKeymapStore()
    keymap.remap('list.next', ['Shift+J'])
    expect(keymap.reset('list.next')).toEqual({ ok: true })
    expect(keymap.keysFor('list.next')).toEqual(['j', 'ArrowDown'])
    expect(keymap.isRemapped('list.next')).toBe(false)
  })

  it('refuses a reset whose default keys another command has taken meanwhile', () => {
    const keymap = useKeymapStore()
    keymap.remap('composer.reply', ['Shift+R'])
    keymap.remap('composer.note', ['r'])
    expect(keymap.reset('composer.reply')).toMatchObject({ ok: false, conflictingCommandId: 'composer.note' })
  })

  it('puts everything back at once', () => {
    const keymap = useKeymapStore()
    keymap.remap('composer.reply', ['Shift+R'])
    keymap.remap('composer.note', ['r'])
    keymap.resetAll()
    expect(keymap.keysFor('composer.reply')).toEqual(['r'])
    expect(keymap.keysFor('composer.note')).toEqual(['n'])
  })
})

describe('persistence', () => {
  it('survives a restart', () => {
    useKeymapStore().remap('sheet.open', ['F1'])
    const saved = storage.items.get(KEYMAP_STORAGE_KEY)
    expect(saved).toBeDefined()
    expect(freshStore(saved).keysFor('sheet.open')).toEqual(['F1'])
  })

  it('stores only the changes, so new default keys reach users who changed nothing', () => {
    const keymap = useKeymapStore()
    keymap.remap('list.next', ['Shift+J'])
    keymap.reset('list.next')
    expect(parseStoredKeymap(storage.items.get(KEYMAP_STORAGE_KEY) ?? null)).toEqual({})
  })

  it.each([
    ['not JSON', '{"version":1,'],
    ['another version', JSON.stringify({ version: 2, overrides: { 'list.next': ['q'] } })],
    ['the wrong shape', JSON.stringify({ version: 1, overrides: { 'list.next': 'q' } })],
    ['a bare array', '[]'],
  ])('ignores stored data that is %s', (_name, stored) => {
    expect(freshStore(stored).keysFor('list.next')).toEqual(['j', 'ArrowDown'])
  })

  it('drops stored entries for unknown commands, unreadable keys or conflicts, and keeps the rest', () => {
    const stored = serializeKeymap({
      'gone.command': ['q'],
      'list.next': ['Hyper+j'],
      'composer.reply': ['e'],
      'composer.note': ['Shift+N'],
    })
    const keymap = freshStore(stored)
    expect(keymap.keysFor('list.next')).toEqual(['j', 'ArrowDown'])
    expect(keymap.keysFor('composer.reply')).toEqual(['r'])
    expect(keymap.keysFor('composer.note')).toEqual(['Shift+N'])
  })

  it('still works when storage refuses to be used', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    })
    setActivePinia(createPinia())
    const keymap = useKeymapStore()
    expect(keymap.remap('list.next', ['Shift+J'])).toEqual({ ok: true })
    expect(keymap.keysFor('list.next')).toEqual(['Shift+J'])
  })
})
