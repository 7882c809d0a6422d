import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A recording stand-in for the `electron` module, for loading the *compiled* main
 * (out/main/index.js) in Node: what the shell registers, how it configures windows, sessions
 * and protocols, is recorded so tests can drive it. Anything not modelled here is a harmless
 * stub, so desktop features added later load without changes to this file.
 */
type Listener = (...args: unknown[]) => unknown

export interface FakeWebContents {
  id: number
  listeners: Map<string, Listener[]>
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  sent: unknown[][]
}

export interface FakeWindow {
  options: Record<string, unknown>
  loadedUrls: string[]
  webContents: FakeWebContents
}

export interface ElectronRecord {
  userData: string
  windows: FakeWindow[]
  appListeners: Map<string, Listener[]>
  ipcHandlers: Map<string, Listener>
  /** ipcMain.on / once / addListener registrations, which bypass the invoke listener. */
  ipcListeners: string[]
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>
  privilegedSchemes: { scheme: string; privileges: Record<string, unknown> }[]
  permissionRequestHandler: Listener | undefined
  permissionCheckHandler: Listener | undefined
  certificateVerifyProcs: unknown[]
  commandLineSwitches: unknown[][]
  openedExternally: string[]
  crashReporterStarts: unknown[]
  menuTemplates: unknown[]
  notifications: unknown[]
}

export function newRecord(): ElectronRecord {
  return {
    userData: fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-desk-built-main-')),
    windows: [],
    appListeners: new Map(),
    ipcHandlers: new Map(),
    ipcListeners: [],
    protocolHandlers: new Map(),
    privilegedSchemes: [],
    permissionRequestHandler: undefined,
    permissionCheckHandler: undefined,
    certificateVerifyProcs: [],
    commandLineSwitches: [],
    openedExternally: [],
    crashReporterStarts: [],
    menuTemplates: [],
    notifications: [],
  }
}

/** A function-object that accepts any property access or call and returns another such stub. */
function stub(): unknown {
  return new Proxy(function stubbed() {}, {
    get: (_target, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : stub()),
    apply: () => stub(),
    construct: () => stub() as object,
  })
}

/** Recorded members first; everything else is a stub. */
function withStubs<T extends object>(members: T): T {
  return new Proxy(members, {
    get: (target, key) => (key in target ? (target as Record<PropertyKey, unknown>)[key] : key === 'then' ? undefined : stub()),
  })
}

let nextWebContentsId = 1

function fakeWebContents(): FakeWebContents {
  const contents: FakeWebContents & Record<string, unknown> = {
    id: nextWebContentsId++,
    listeners: new Map(),
    windowOpenHandler: undefined,
    sent: [],
    on(event: string, listener: Listener) {
      contents.listeners.set(event, [...(contents.listeners.get(event) ?? []), listener])
    },
    setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']) {
      contents.windowOpenHandler = handler
    },
    send(...args: unknown[]) {
      contents.sent.push(args)
    },
  }
  return withStubs(contents)
}

export function fakeElectronModule(record: ElectronRecord): Record<string, unknown> {
  const on = (listeners: Map<string, Listener[]>) => (event: string, listener: Listener) => {
    listeners.set(event, [...(listeners.get(event) ?? []), listener])
  }

  class BrowserWindow {
    static getAllWindows = () => record.windows.map((window) => window as unknown as BrowserWindow)
    static getFocusedWindow = () => null
    options: Record<string, unknown>
    loadedUrls: string[] = []
    webContents = fakeWebContents()
    constructor(options: Record<string, unknown>) {
      this.options = options
      const window = withStubs(this)
      record.windows.push(window as unknown as FakeWindow)
      // Electron emits this for every web contents it creates, the window's included.
      for (const listener of record.appListeners.get('web-contents-created') ?? []) listener({}, this.webContents)
      return window
    }
    async loadURL(url: string) {
      this.loadedUrls.push(url)
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 }
    }
    isMaximized() {
      return false
    }
    isMinimized() {
      return false
    }
  }

  const app = withStubs({
    on: on(record.appListeners),
    once: on(record.appListeners),
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    getName: () => 'Inbox Desk',
    getVersion: () => '0.0.0-test',
    getPath: () => record.userData,
    commandLine: withStubs({
      appendSwitch: (...args: unknown[]) => record.commandLineSwitches.push(args),
      appendArgument: (...args: unknown[]) => record.commandLineSwitches.push(args),
    }),
  })

  const defaultSession = withStubs({
    setPermissionRequestHandler: (handler: Listener) => {
      record.permissionRequestHandler = handler
    },
    setPermissionCheckHandler: (handler: Listener) => {
      record.permissionCheckHandler = handler
    },
    setCertificateVerifyProc: (proc: unknown) => record.certificateVerifyProcs.push(proc),
  })

  return new Proxy(
    {
      app,
      BrowserWindow,
      ipcMain: withStubs({
        handle: (channel: string, listener: Listener) => record.ipcHandlers.set(channel, listener),
        on: (channel: string) => record.ipcListeners.push(channel),
        once: (channel: string) => record.ipcListeners.push(channel),
        addListener: (channel: string) => record.ipcListeners.push(channel),
      }),
      protocol: withStubs({
        registerSchemesAsPrivileged: (schemes: ElectronRecord['privilegedSchemes']) => record.privilegedSchemes.push(...schemes),
        handle: (scheme: string, handler: (request: Request) => Promise<Response>) => record.protocolHandlers.set(scheme, handler),
      }),
      net: withStubs({
        fetch: async (url: string) => new Response(fs.readFileSync(fileURLToPath(url))),
      }),
      session: withStubs({ defaultSession }),
      shell: withStubs({
        openExternal: async (url: string) => {
          record.openedExternally.push(url)
        },
      }),
      screen: withStubs({ getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] }),
      safeStorage: withStubs({
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => 'gnome_libsecret',
        encryptString: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
        decryptString: (data: Buffer) => Buffer.from(data).reverse().toString('utf8'),
      }),
      Menu: withStubs({
        buildFromTemplate: (template: unknown) => {
          record.menuTemplates.push(template)
          return stub()
        },
      }),
      Notification: Object.assign(
        function Notification(options: unknown) {
          record.notifications.push(options)
          return stub()
        },
        { isSupported: () => false },
      ),
      crashReporter: withStubs({ start: (options: unknown) => record.crashReporterStarts.push(options) }),
    } as Record<string, unknown>,
    {
      has: () => true,
      get: (target, key) => (key in target ? target[key as string] : key === 'then' || key === '__esModule' ? undefined : stub()),
    },
  )
}
