import type { BrowserWindowConstructorOptions } from 'electron'
import type { WindowBounds } from './windowState'

export const MIN_WINDOW_WIDTH = 960
export const MIN_WINDOW_HEIGHT = 600

/**
 * The renderer is untrusted: it shows text written by strangers on social networks. It runs
 * sandboxed and isolated with no Node, and reaches main only through the preload's one object.
 */
export function mainWindowOptions(bounds: WindowBounds, preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title: 'Inbox Desk',
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  }
}
