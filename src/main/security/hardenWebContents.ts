import type { Session, WebContents } from 'electron'
import { originOf } from '../ipc/senderPolicy'
import { isSafeExternalUrl } from './externalLinks'

export interface HardenOptions {
  appOrigin: string
  openExternal: (url: string) => Promise<void>
}

/**
 * Every web contents the app creates stays on the app's own origin: navigation elsewhere,
 * new windows and webviews are refused, and https links go to the OS browser instead.
 */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  const refuseForeignNavigation = (event: { preventDefault(): void }, url: string) => {
    if (originOf(url) === options.appOrigin) return
    event.preventDefault()
    openIfSafe(url, options)
  }
  contents.on('will-navigate', refuseForeignNavigation)
  contents.on('will-redirect', refuseForeignNavigation)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openIfSafe(url, options)
    return { action: 'deny' }
  })
}

function openIfSafe(url: string, options: HardenOptions): void {
  if (!isSafeExternalUrl(url)) {
    console.warn('[security] refused to open a link that is not plain https')
    return
  }
  options.openExternal(url).catch((error: unknown) => console.warn('[security] could not open link', error))
}

/** The app asks for no web permissions (camera, geolocation, notifications…): deny them all. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
