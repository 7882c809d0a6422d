import { BrowserWindow, screen } from 'electron'
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, mainWindowOptions } from './windowOptions'
import { restoreBounds, type WindowBounds } from './windowState'
import type { WindowStateStore } from './windowStateStore'

export interface MainWindowOptions {
  preloadPath: string
  pageUrl: string
  stateStore: WindowStateStore
}

export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const bounds = restoreBounds(options.stateStore.load(), workAreas, { width: MIN_WINDOW_WIDTH, height: MIN_WINDOW_HEIGHT })
  const window = new BrowserWindow(mainWindowOptions(bounds, options.preloadPath))
  if (bounds.isMaximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  window.on('close', () => options.stateStore.save(currentBounds(window)))
  await window.loadURL(options.pageUrl)
  return window
}

function currentBounds(window: BrowserWindow): WindowBounds {
  const { x, y, width, height } = window.getNormalBounds()
  return { x, y, width, height, isMaximized: window.isMaximized() }
}
