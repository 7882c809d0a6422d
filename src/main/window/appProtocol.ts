import { resolveInside } from '../security/safePath'

/** The renderer is served from its own origin instead of file://, so CSP 'self' means the app only. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'inbox-desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** Maps an app:// request to a file of the renderer build, or null for anything else. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  return resolveInside(rendererDir, url.pathname)
}
