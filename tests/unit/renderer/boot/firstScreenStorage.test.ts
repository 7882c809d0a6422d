import { describe, expect, it } from 'vitest'
import {
  FIRST_SCREEN_KEY,
  MAX_FIRST_SCREEN_CHARS,
  forgetFirstScreen,
  readFirstScreen,
  storeFirstScreen,
  type FirstScreen,
} from '../../../../src/renderer/boot/firstScreenStorage'
import { memoryStorage } from '../../../support/memoryStorage'

const SCREEN: FirstScreen = { database: 'inbox-desk:us:1', styles: './assets/style-a1.css', theme: 'dark', html: '<div class="app-shell"></div>' }

describe('the kept first screen', () => {
  it('is read back for the cache and the build it was kept for', () => {
    const storage = memoryStorage()
    expect(storeFirstScreen(storage, SCREEN)).toBe(true)
    expect(readFirstScreen(storage, SCREEN.database, SCREEN.styles)).toEqual(SCREEN)
  })

  it('is not read for another account’s cache, another build, or a page with no built styles', () => {
    const storage = memoryStorage()
    storeFirstScreen(storage, SCREEN)
    expect(readFirstScreen(storage, 'inbox-desk:us:2', SCREEN.styles)).toBeNull()
    expect(readFirstScreen(storage, SCREEN.database, './assets/style-b2.css')).toBeNull()
    expect(readFirstScreen(storage, null, SCREEN.styles)).toBeNull()
    expect(readFirstScreen(storage, SCREEN.database, null)).toBeNull()
  })

  it('ignores what is not whole: bad JSON, missing or mistyped fields, an oversized entry', () => {
    const storage = memoryStorage()
    for (const stored of ['{not json', 'null', '"text"', JSON.stringify({ ...SCREEN, html: 42 }), JSON.stringify({ ...SCREEN, theme: 1 }), JSON.stringify({ database: SCREEN.database, styles: SCREEN.styles })]) {
      storage.items.set(FIRST_SCREEN_KEY, stored)
      expect(readFirstScreen(storage, SCREEN.database, SCREEN.styles)).toBeNull()
    }
    storage.items.set(FIRST_SCREEN_KEY, JSON.stringify({ ...SCREEN, html: 'x'.repeat(MAX_FIRST_SCREEN_CHARS) }))
    expect(readFirstScreen(storage, SCREEN.database, SCREEN.styles)).toBeNull()
  })

  it('is not kept when too large, and a full storage leaves no stale copy behind', () => {
    const storage = memoryStorage()
    expect(storeFirstScreen(storage, { ...SCREEN, html: 'x'.repeat(MAX_FIRST_SCREEN_CHARS + 1) })).toBe(false)
    expect(storage.items.has(FIRST_SCREEN_KEY)).toBe(false)

    const full = memoryStorage({}, { failWrites: true })
    full.items.set(FIRST_SCREEN_KEY, JSON.stringify(SCREEN))
    expect(storeFirstScreen(full, { ...SCREEN, html: '<div class="app-shell">newer</div>' })).toBe(false)
    expect(full.items.has(FIRST_SCREEN_KEY)).toBe(false)
  })

  it('is forgotten', () => {
    const storage = memoryStorage()
    storeFirstScreen(storage, SCREEN)
    forgetFirstScreen(storage)
    expect(readFirstScreen(storage, SCREEN.database, SCREEN.styles)).toBeNull()
  })
})
