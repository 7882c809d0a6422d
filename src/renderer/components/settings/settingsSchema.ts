import { z } from 'zod'

export const SETTINGS_STORAGE_KEY = 'inbox-desk.settings'

export const THEMES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEMES)[number]

/** Seconds a sent reply waits so `z` can take it back; 0 sends at once. */
export const UNDO_WINDOW_CHOICES = [0, 3, 5, 10, 20, 30] as const
export const DEFAULT_UNDO_WINDOW_SECONDS = 5

/**
 * How many conversations the cache keeps. A view refresh reads up to 500, so fewer would
 * prune rows the list is showing.
 */
export const OFFLINE_LIMIT_CHOICES = [500, 1_000, 2_500, 5_000, 10_000] as const
export const DEFAULT_OFFLINE_LIMIT = 2_500

export interface Settings {
  theme: ThemeChoice
  undoWindowSeconds: number
  offlineConversationLimit: number
  notifyOnAssignment: boolean
  /** The Salesforce integration last used per Oktopost account id, to fill in the case form. */
  salesforceIntegrationIds: Record<string, string>
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  undoWindowSeconds: DEFAULT_UNDO_WINDOW_SECONDS,
  offlineConversationLimit: DEFAULT_OFFLINE_LIMIT,
  notifyOnAssignment: true,
  salesforceIntegrationIds: {},
}

/** Each field falls back to its default on its own, so one bad value never costs the others. */
const storedSettingsSchema = z.object({
  version: z.literal(1),
  theme: z.enum(THEMES).catch(DEFAULT_SETTINGS.theme),
  undoWindowSeconds: z.number().int().min(0).max(60).catch(DEFAULT_SETTINGS.undoWindowSeconds),
  offlineConversationLimit: z.number().int().min(500).max(100_000).catch(DEFAULT_SETTINGS.offlineConversationLimit),
  notifyOnAssignment: z.boolean().catch(DEFAULT_SETTINGS.notifyOnAssignment),
  salesforceIntegrationIds: z.record(z.string().max(200), z.string().max(200)).catch({}),
})

/** What `serializeSettings` wrote; anything unreadable (hand-edited, another version) is the defaults. */
export function parseSettings(raw: string | null): Settings {
  if (raw === null) return { ...DEFAULT_SETTINGS }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { ...DEFAULT_SETTINGS }
  }
  const parsed = storedSettingsSchema.safeParse(json)
  if (!parsed.success) return { ...DEFAULT_SETTINGS }
  const { version: _version, ...settings } = parsed.data
  return settings
}

export function serializeSettings(settings: Settings): string {
  return JSON.stringify({ version: 1, ...settings })
}
