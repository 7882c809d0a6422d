import { app, BrowserWindow, Menu, Notification } from 'electron'
import type { DesktopMenu } from '../../shared/ipc/contract'
import { IPC_COMMAND_EVENT } from '../../shared/ipc/api'
import type { DesktopShell } from '../handlers/desktop'
import { buildMenuTemplate } from './menuTemplate'
import { notificationText } from './notificationText'

export const EMPTY_MENU: DesktopMenu = { sections: [] }

function mainWindow(): BrowserWindow | undefined {
  return BrowserWindow.getAllWindows()[0]
}

function bringToFront(window: BrowserWindow | undefined): void {
  if (!window) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

/** The desktop integration, over Electron's menu, notification and badge APIs. */
export function createElectronDesktopShell(platform: NodeJS.Platform = process.platform): DesktopShell {
  // A notification nothing refers to can be collected before it is clicked; keep it until then.
  const showing = new Set<Notification>()
  return {
    notify(notification) {
      if (BrowserWindow.getFocusedWindow() !== null || !Notification.isSupported()) return false
      const { title, body } = notificationText(notification, platform)
      // Text only: no icon, image, actions or reply field come from the page.
      const shown = new Notification({ title, body })
      showing.add(shown)
      shown.on('click', () => {
        showing.delete(shown)
        bringToFront(mainWindow())
      })
      shown.on('close', () => showing.delete(shown))
      shown.show()
      return true
    },
    setBadgeCount(count) {
      app.setBadgeCount(count)
    },
    setMenu(menu) {
      const template = buildMenuTemplate(menu, {
        platform,
        onCommand: (commandId) => mainWindow()?.webContents.send(IPC_COMMAND_EVENT, commandId),
      })
      Menu.setApplicationMenu(Menu.buildFromTemplate(template))
    },
  }
}
