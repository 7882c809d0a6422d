import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_INVOKE_CHANNEL } from '../../../src/shared/ipc/transport'

/**
 * The Electron shell (src/main/index.ts) with Electron's modules replaced by recorders:
 * what it registers, how it configures the window, and that it refuses a second instance.
 */
const electron = vi.hoisted(() => {
  const windows: FakeWindow[] = []
  class FakeWindow {
    webContents = { id: 1 }
    loadURL = vi.fn(async (_url: string) => {})
    once = vi.fn()
    on = vi.fn()
    maximize = vi.fn()
    constructor(public options: Record<string, unknown>) {
      windows.push(this)
    }
    static getAllWindows = () => windows
  }
  return {
    windows,
    FakeWindow,
    hasLock: true,
    appHandlers: new Map<string, (...args: unknown[]) => void>(),
    ipcHandlers: new Map<string, unknown>(),
    protocolHandlers: new Map<string, unknown>(),
    privilegedSchemes: [] as unknown[],
    permissionRequestHandler: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
    quit: vi.fn(),
    setApplicationMenu: vi.fn(),
    startedSandboxes: 0,
  }
})

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-desk-shell-'))

vi.mock('../../../src/sandbox/server', () => ({
  startSandbox: async () => {
    electron.startedSandboxes += 1
    return {
      url: 'http://127.0.0.1:9',
      oktopostBaseUrl: 'http://127.0.0.1:9/v2',
      commboxBaseUrl: 'http://127.0.0.1:9/commbox',
      options: { accountId: 'demo', apiKey: 'demo-key', commboxToken: 'demo-token' },
      close: async () => {},
    }
  },
}))

vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => electron.hasLock,
    quit: electron.quit,
    exit: vi.fn(),
    setBadgeCount: vi.fn(),
    on: (event: string, handler: (...args: unknown[]) => void) => electron.appHandlers.set(event, handler),
    whenReady: () => Promise.resolve(),
    getName: () => 'Inbox Desk',
    getVersion: () => '9.9.9',
    getPath: () => userData,
  },
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.from(plain).reverse(),
    decryptString: (data: Buffer) => Buffer.from(data).reverse().toString(),
  },
  BrowserWindow: electron.FakeWindow,
  Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: electron.setApplicationMenu },
  Notification: { isSupported: () => true },
  ipcMain: { handle: (channel: string, handler: unknown) => electron.ipcHandlers.set(channel, handler) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.privilegedSchemes.push(...schemes),
    handle: (scheme: string, handler: unknown) => electron.protocolHandlers.set(scheme, handler),
  },
  net: { fetch: vi.fn() },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof electron.permissionRequestHandler) => {
        electron.permissionRequestHandler = handler
      },
      setPermissionCheckHandler: vi.fn(),
    },
  },
  shell: { openExternal: vi.fn(async () => {}) },
}))

async function startShell() {
  vi.resetModules()
  electron.windows.length = 0
  electron.appHandlers.clear()
  electron.ipcHandlers.clear()
  electron.protocolHandlers.clear()
  electron.privilegedSchemes.length = 0
  const sandboxesBefore = electron.startedSandboxes
  await import('../../../src/main/index')
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1))
  // With no account stored, the shell opens the demo workspace after the window.
  await vi.waitFor(() => expect(electron.startedSandboxes).toBe(sandboxesBefore + 1))
}

describe('Electron shell', () => {
  beforeEach(() => {
    electron.hasLock = true
    electron.quit.mockClear()
    delete process.env['ELECTRON_RENDERER_URL']
  })

  it('opens one sandboxed, isolated window on the app:// origin', async () => {
    await startShell()
    const [window] = electron.windows
    expect(window?.options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect(String((window?.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/)
    expect(window?.loadURL).toHaveBeenCalledWith('app://inbox-desk/index.html')
  })

  it('serves the renderer from a privileged app:// scheme', async () => {
    await startShell()
    expect(electron.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
    expect(electron.protocolHandlers.has('app')).toBe(true)
  })

  it('registers one IPC entry point that refuses foreign senders', async () => {
    await startShell()
    expect([...electron.ipcHandlers.keys()]).toEqual([IPC_INVOKE_CHANNEL])
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const handler = electron.ipcHandlers.get(IPC_INVOKE_CHANNEL) as (event: unknown, channel: string, payload: unknown) => Promise<unknown>
    const foreign = { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } }
    await expect(handler(foreign, 'app:info', {})).resolves.toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    const own = { sender: { id: 1 }, senderFrame: { url: 'app://inbox-desk/index.html', parent: null } }
    await expect(handler(own, 'app:info', {})).resolves.toMatchObject({ ok: true, value: { version: '9.9.9', transport: 'electron' } })
    warn.mockRestore()
  })

  it('hardens every web contents it creates and denies permission requests', async () => {
    await startShell()
    expect(electron.appHandlers.has('web-contents-created')).toBe(true)
    const callback = vi.fn()
    electron.permissionRequestHandler?.({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
  })

  it('opens the demo workspace on a first launch with no account', async () => {
    electron.startedSandboxes = 0
    await startShell()
    expect(electron.startedSandboxes).toBe(1)
  })

  it('installs the application menu before the renderer describes its commands', async () => {
    electron.setApplicationMenu.mockClear()
    await startShell()
    const [template] = electron.setApplicationMenu.mock.calls[0] as [{ role?: string; label?: string }[]]
    expect(template.map((item) => item.role ?? item.label)).toEqual(expect.arrayContaining(['editMenu', 'View', 'windowMenu']))
  })

  it('quits when another instance already runs, and focuses the running one instead', async () => {
    electron.hasLock = false
    vi.resetModules()
    electron.appHandlers.clear()
    await import('../../../src/main/index')
    expect(electron.quit).toHaveBeenCalled()
    expect(electron.appHandlers.has('second-instance')).toBe(false)
  })
})
