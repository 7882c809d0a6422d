import type { DesktopMenu, DesktopNotification } from '../../shared/ipc/contract'
import { ok } from '../../shared/result'
import type { Handlers } from '../ipc/handlers'

/**
 * What the operating system offers besides the window: the application menu, system
 * notifications and the dock or taskbar badge. The desktop app implements it with Electron
 * (src/main/electron/desktopShell.ts); the browser preview has none of them.
 */
export interface DesktopShell {
  /** Shows it only while no window of the app has focus; answers whether it was shown. */
  notify(notification: DesktopNotification): boolean
  setBadgeCount(count: number): void
  setMenu(menu: DesktopMenu): void
}

export const headlessDesktop: DesktopShell = {
  notify: () => false,
  setBadgeCount: () => undefined,
  setMenu: () => undefined,
}

type DesktopHandlers = Pick<Handlers, 'desktop:notify' | 'desktop:setBadgeCount' | 'desktop:setMenu'>

export function desktopHandlers(shell: DesktopShell): DesktopHandlers {
  return {
    'desktop:notify': async (notification) => ok({ isShown: shell.notify(notification) }),
    'desktop:setBadgeCount': async ({ count }) => {
      shell.setBadgeCount(count)
      return ok(null)
    },
    'desktop:setMenu': async (menu) => {
      shell.setMenu(menu)
      return ok(null)
    },
  }
}
