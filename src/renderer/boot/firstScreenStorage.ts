/**
 * Where the first screen (boot/firstScreen.ts) is kept between runs: one entry in localStorage.
 * Nothing here needs a page, so the cache's code can forget it when a cache goes.
 */

export const FIRST_SCREEN_KEY = 'inbox-desk:first-screen'
/** Which database the app opened last, as `earlyOpen` remembers it. */
export const LAST_DATABASE_KEY = 'inbox-desk:last-database'
/** A tall window's first screen is some 50 rows; anything much larger is not one of ours. */
export const MAX_FIRST_SCREEN_CHARS = 400_000
export interface FirstScreen {
  /** The cache it was read from: another account's start never shows it. */
  database: string
  /** The stylesheet it was drawn with: markup from another build is drawn with other styles. */
  styles: string
  /** The theme set on <html> at the time, so it is painted in the same colours. */
  theme: string | null
  html: string
}

/** localStorage, or anything that keeps strings by key as it does. */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** The stored copy, if it is whole, ours and for `database`; anything else is not painted. */
export function readFirstScreen(storage: Pick<KeyValueStore, 'getItem'>, database: string | null, styles: string | null): FirstScreen | null {
  if (database === null || styles === null) return null
  const stored = storage.getItem(FIRST_SCREEN_KEY)
  if (stored === null || stored.length > MAX_FIRST_SCREEN_CHARS) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(stored)
  } catch {
    return null
  }
  if (!isFirstScreen(parsed)) return null
  return parsed.database === database && parsed.styles === styles ? parsed : null
}

function isFirstScreen(value: unknown): value is FirstScreen {
  if (typeof value !== 'object' || value === null) return false
  const { database, styles, theme, html } = value as Record<string, unknown>
  return typeof database === 'string' && typeof styles === 'string' && (theme === null || typeof theme === 'string') && typeof html === 'string'
}

/** Keeps `screen` for the next start; a full localStorage only costs that start its head start. */
export function storeFirstScreen(storage: Pick<KeyValueStore, 'setItem' | 'removeItem'>, screen: FirstScreen): boolean {
  if (screen.html.length > MAX_FIRST_SCREEN_CHARS) return false
  try {
    storage.setItem(FIRST_SCREEN_KEY, JSON.stringify(screen))
    return true
  } catch {
    storage.removeItem(FIRST_SCREEN_KEY)
    return false
  }
}

/** On signing out or deleting a cache: the next start shows nothing of it. */
export function forgetFirstScreen(storage: Pick<KeyValueStore, 'removeItem'>): void {
  storage.removeItem(FIRST_SCREEN_KEY)
}
