import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { DEFAULT_SETTINGS, parseSettings, serializeSettings, SETTINGS_STORAGE_KEY } from '../../../../src/renderer/components/settings/settingsSchema'
import { useSettingsStore } from '../../../../src/renderer/stores/settingsStore'
import { memoryStorage, type MemoryStorage } from '../../../support/memoryStorage'

let storage: MemoryStorage

function freshStore(stored?: string) {
  storage = memoryStorage(stored === undefined ? {} : { [SETTINGS_STORAGE_KEY]: stored })
  vi.stubGlobal('localStorage', storage)
  setActivePinia(createPinia())
  return useSettingsStore()
}

beforeEach(() => {
  freshStore()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('reading stored settings', () => {
  it('reads back what was written', () => {
    const settings = { ...DEFAULT_SETTINGS, theme: 'dark' as const, undoWindowSeconds: 10, salesforceIntegrationIds: { '00A1': 'sfint-1' } }
    expect(parseSettings(serializeSettings(settings))).toEqual(settings)
  })

  it('falls back field by field, so one bad value costs only itself', () => {
    const stored = JSON.stringify({ version: 1, theme: 'purple', undoWindowSeconds: 10, offlineConversationLimit: -5, notifyOnAssignment: 'yes' })
    expect(parseSettings(stored)).toEqual({ ...DEFAULT_SETTINGS, undoWindowSeconds: 10 })
  })

  it('uses the defaults for anything unreadable', () => {
    for (const raw of [null, '{broken', '[]', JSON.stringify({ version: 2, theme: 'dark' })]) expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS)
  })
})

describe('the settings store', () => {
  it('keeps a change in localStorage', async () => {
    const settings = useSettingsStore()
    settings.setTheme('light')
    settings.setUndoWindowSeconds(20)
    await nextTick()
    expect(parseSettings(storage.items.get(SETTINGS_STORAGE_KEY) ?? null)).toMatchObject({ theme: 'light', undoWindowSeconds: 20 })
    expect(settings.undoWindowMs).toBe(20_000)
  })

  it('starts from what was stored', () => {
    const settings = freshStore(serializeSettings({ ...DEFAULT_SETTINGS, offlineConversationLimit: 5_000 }))
    expect(settings.settings.offlineConversationLimit).toBe(5_000)
  })

  it('toggles away from the theme that shows, whatever the OS chose', () => {
    const settings = useSettingsStore()
    settings.toggleTheme(true)
    expect(settings.theme).toBe('light')
    settings.toggleTheme(false)
    expect(settings.theme).toBe('dark')
  })

  it('remembers the Salesforce integration per account', () => {
    const settings = useSettingsStore()
    settings.rememberIntegrationId('00A1', ' sfint-1 ')
    expect(settings.integrationIdFor('00A1')).toBe('sfint-1')
    expect(settings.integrationIdFor('00A2')).toBe('')
  })

  it('forgets what it remembered for one account, keeping the others', async () => {
    const settings = useSettingsStore()
    settings.rememberIntegrationId('00A1', 'sfint-1')
    settings.rememberIntegrationId('00A2', 'sfint-2')
    settings.forgetAccount('00A1')
    expect(settings.integrationIdFor('00A1')).toBe('')
    expect(settings.integrationIdFor('00A2')).toBe('sfint-2')
    await nextTick()
    expect(parseSettings(storage.items.get(SETTINGS_STORAGE_KEY) ?? null).salesforceIntegrationIds).toEqual({ '00A2': 'sfint-2' })
  })
})
