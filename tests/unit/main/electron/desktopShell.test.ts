import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_COMMAND_EVENT } from '../../../../src/shared/ipc/api'

/** Electron's menu, notification and badge APIs replaced by recorders. */
const electron = vi.hoisted(() => {
  const shown: FakeNotification[] = []
  class FakeNotification {
    handlers = new Map<string, () => void>()
    show = vi.fn()
    constructor(public options: Record<string, unknown>) {
      shown.push(this)
    }
    on(event: string, handler: () => void) {
      this.handlers.set(event, handler)
      return this
    }
    static isSupported = vi.fn(() => true)
  }
  const window = {
    webContents: { send: vi.fn() },
    isMinimized: vi.fn(() => true),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  }
  return {
    shown,
    FakeNotification,
    window,
    focusedWindow: null as unknown,
    setBadgeCount: vi.fn(),
    menus: [] as unknown[],
  }
})

vi.mock('electron', () => ({
  app: { setBadgeCount: electron.setBadgeCount },
  BrowserWindow: { getAllWindows: () => [electron.window], getFocusedWindow: () => electron.focusedWindow },
  Notification: electron.FakeNotification,
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => electron.menus.push(menu),
  },
}))

const { createElectronDesktopShell } = await import('../../../../src/main/electron/desktopShell')

beforeEach(() => {
  electron.shown.length = 0
  electron.menus.length = 0
  electron.focusedWindow = null
  vi.clearAllMocks()
})

describe('desktop integration in the Electron shell', () => {
  it('notifies with text only while the window is in the background, and brings it forward on click', () => {
    const shell = createElectronDesktopShell('linux')
    expect(shell.notify({ title: 'Assigned to you', body: 'Dana <dana@example.com>: refund?' })).toBe(true)
    const [notification] = electron.shown
    expect(notification?.options).toEqual({ title: 'Assigned to you', body: 'Dana &lt;dana@example.com&gt;: refund?' })
    expect(notification?.show).toHaveBeenCalledTimes(1)
    notification?.handlers.get('click')?.()
    expect(electron.window.restore).toHaveBeenCalled()
    expect(electron.window.focus).toHaveBeenCalled()
  })

  it('stays quiet while the agent is looking at the app', () => {
    electron.focusedWindow = electron.window
    expect(createElectronDesktopShell('darwin').notify({ title: 'Assigned to you', body: 'x' })).toBe(false)
    expect(electron.shown).toHaveLength(0)
  })

  it('stays quiet where the system has no notifications', () => {
    electron.FakeNotification.isSupported.mockReturnValueOnce(false)
    expect(createElectronDesktopShell('linux').notify({ title: 'Assigned to you', body: 'x' })).toBe(false)
  })

  it('puts the count on the dock or taskbar badge', () => {
    createElectronDesktopShell('darwin').setBadgeCount(7)
    expect(electron.setBadgeCount).toHaveBeenCalledWith(7)
  })

  it('installs the menu, and a menu click reaches the renderer as a command id', () => {
    createElectronDesktopShell('win32').setMenu({ sections: [{ title: 'Go', items: [{ commandId: 'go.outbox', label: 'Go to Outbox', binding: 'g o' }] }] })
    const { template } = electron.menus[0] as { template: { label?: string; submenu?: { click?: () => void }[] }[] }
    template.find((item) => item.label === 'Go')?.submenu?.[0]?.click?.()
    expect(electron.window.webContents.send).toHaveBeenCalledWith(IPC_COMMAND_EVENT, 'go.outbox')
  })
})
