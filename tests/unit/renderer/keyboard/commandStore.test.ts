import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref, nextTick } from 'vue'
import { useCommandHandlers } from '../../../../src/renderer/keyboard/useCommandHandlers'
import { useKeyboardScope } from '../../../../src/renderer/keyboard/useKeyboardScope'
import { useCommandStore } from '../../../../src/renderer/stores/commandStore'

beforeEach(() => {
  setActivePinia(createPinia())
})

/** Runs `setup` as a component would, and returns the function that unmounts it. */
function mount(setup: () => void): () => void {
  const scope = effectScope()
  scope.run(setup)
  return () => scope.stop()
}

describe('binding handlers from views', () => {
  it('binds for the lifetime of the view', () => {
    const commands = useCommandStore()
    const next = vi.fn()
    const unmount = mount(() => useCommandHandlers({ 'list.next': next }))
    expect(commands.run('list.next')).toBe(true)
    expect(next).toHaveBeenCalledOnce()
    unmount()
    expect(commands.isBound('list.next')).toBe(false)
    expect(commands.run('list.next')).toBe(false)
  })

  it('lets the latest view win, and hands back to the earlier one when it goes', () => {
    const commands = useCommandStore()
    const listBack = vi.fn()
    const dialogBack = vi.fn()
    mount(() => useCommandHandlers({ 'overlay.close': listBack }))
    const unmountDialog = mount(() => useCommandHandlers({ 'overlay.close': dialogBack }))
    commands.run('overlay.close')
    unmountDialog()
    commands.run('overlay.close')
    expect(dialogBack).toHaveBeenCalledOnce()
    expect(listBack).toHaveBeenCalledOnce()
  })

  it('binds only while its condition holds', async () => {
    const commands = useCommandStore()
    const hasConversation = ref(false)
    mount(() => useCommandHandlers({ 'composer.reply': vi.fn() }, () => hasConversation.value))
    expect(commands.isBound('composer.reply')).toBe(false)
    hasConversation.value = true
    await nextTick()
    expect(commands.isBound('composer.reply')).toBe(true)
  })

  it('keeps two bindings of the same function apart', () => {
    const commands = useCommandStore()
    const handler = vi.fn()
    mount(() => useCommandHandlers({ 'list.next': handler }))
    const unmountSecond = mount(() => useCommandHandlers({ 'list.next': handler }))
    unmountSecond()
    expect(commands.isBound('list.next')).toBe(true)
  })
})

describe('scopes turned on by views', () => {
  it('counts nested overlays and conversations until each one goes', async () => {
    const commands = useCommandStore()
    const closeFirst = mount(() => useKeyboardScope('overlay'))
    const closeSecond = mount(() => useKeyboardScope('overlay'))
    closeFirst()
    expect(commands.isOverlayOpen).toBe(true)
    closeSecond()
    expect(commands.isOverlayOpen).toBe(false)

    const isOpen = ref(true)
    mount(() => useKeyboardScope('conversation', () => isOpen.value))
    expect(commands.isConversationOpen).toBe(true)
    isOpen.value = false
    await nextTick()
    expect(commands.isConversationOpen).toBe(false)
  })
})
