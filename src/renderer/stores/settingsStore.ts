import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import {
  parseSettings,
  serializeSettings,
  SETTINGS_STORAGE_KEY,
  type Settings,
  type ThemeChoice,
} from '../components/settings/settingsSchema'

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(SETTINGS_STORAGE_KEY) ?? null
  } catch {
    // Storage can be switched off; the defaults still work.
    return null
  }
}

function writeStored(settings: Settings): void {
  try {
    globalThis.localStorage?.setItem(SETTINGS_STORAGE_KEY, serializeSettings(settings))
  } catch {
    // Full or switched-off storage: the change still applies until the app closes.
  }
}

/** The agent's preferences, kept in localStorage and checked against their schema when read. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>(parseSettings(readStored()))
  watch(settings, writeStored, { deep: true })

  const theme = computed(() => settings.value.theme)
  const undoWindowMs = computed(() => settings.value.undoWindowSeconds * 1000)

  function setTheme(theme: ThemeChoice): void {
    settings.value.theme = theme
  }

  /** Light and dark in turn, starting from what shows now (the OS's choice under "system"). */
  function toggleTheme(isShowingDark: boolean): void {
    settings.value.theme = isShowingDark ? 'light' : 'dark'
  }

  function setUndoWindowSeconds(seconds: number): void {
    settings.value.undoWindowSeconds = seconds
  }

  function setOfflineConversationLimit(limit: number): void {
    settings.value.offlineConversationLimit = limit
  }

  function setNotifyOnAssignment(isOn: boolean): void {
    settings.value.notifyOnAssignment = isOn
  }

  function integrationIdFor(accountId: string): string {
    return settings.value.salesforceIntegrationIds[accountId] ?? ''
  }

  function rememberIntegrationId(accountId: string, integrationId: string): void {
    settings.value.salesforceIntegrationIds = { ...settings.value.salesforceIntegrationIds, [accountId]: integrationId.trim() }
  }

  /** Drops what is remembered for one Oktopost account, once its cache leaves this computer. */
  function forgetAccount(accountId: string): void {
    const { [accountId]: _forgotten, ...others } = settings.value.salesforceIntegrationIds
    settings.value.salesforceIntegrationIds = others
  }

  return {
    settings,
    theme,
    undoWindowMs,
    setTheme,
    toggleTheme,
    setUndoWindowSeconds,
    setOfflineConversationLimit,
    setNotifyOnAssignment,
    integrationIdFor,
    rememberIntegrationId,
    forgetAccount,
  }
})
