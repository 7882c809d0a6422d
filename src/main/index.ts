import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, ipcMain, net, protocol, session, shell } from 'electron'
import { startSandbox } from '../sandbox/server'
import { createFileSecretStore } from './auth/secretStore'
import { APP_ID } from './electron/appId'
import { createElectronDesktopShell, EMPTY_MENU } from './electron/desktopShell'
import { createSafeStorageCipher } from './electron/safeStorageCipher'
import { registerElectronIpc } from './ipc/electronIpc'
import { originOf } from './ipc/senderPolicy'
import { contentSecurityPolicy } from './security/csp'
import { denyAllPermissions, hardenWebContents } from './security/hardenWebContents'
import { APP_ORIGIN, APP_SCHEME, resolveAppFile } from './window/appProtocol'
import { createMainWindow } from './window/mainWindow'
import { createMainServices } from './services'
import { windowStateFile } from './window/windowStateStore'

// electron-vite sets this while `npm run dev` serves the renderer with hot reload.
const devServerUrl = process.env['ELECTRON_RENDERER_URL']
const pageUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`
const appOrigin = originOf(pageUrl) ?? APP_ORIGIN
const rendererDir = path.join(import.meta.dirname, '../renderer')
const preloadPath = path.join(import.meta.dirname, '../preload/index.cjs')

// Windows shows notifications only for an app with an identity; the installer registers the same one.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID)

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', focusMainWindow)
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { appOrigin, openExternal: (url) => shell.openExternal(url) }),
  )
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.whenReady().then(start).catch((error: unknown) => {
    console.error('[main] Inbox Desk failed to start', error)
    app.exit(1)
  })
}

async function start(): Promise<void> {
  serveRendererOverAppProtocol()
  denyAllPermissions(session.defaultSession)
  const desktop = createElectronDesktopShell()
  // The standard menus at once; the renderer adds its commands (with the agent's keys) when it loads.
  desktop.setMenu(EMPTY_MENU)
  const services = createMainServices({
    identity: { name: app.getName(), version: app.getVersion(), platform: process.platform },
    cipher: createSafeStorageCipher(),
    store: createFileSecretStore(path.join(app.getPath('userData'), 'credentials.json')),
    startSandbox,
    desktop,
  })
  app.on('will-quit', () => void services.demo.stop())
  registerElectronIpc(ipcMain, {
    handlers: services.handlers,
    appOrigin,
    isOwnWebContents: (id) => BrowserWindow.getAllWindows().some((window) => window.webContents.id === id),
  })
  await openMainWindow()
  await services.demo.startIfNoAccount()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openMainWindow()
  })
}

function openMainWindow(): Promise<BrowserWindow> {
  return createMainWindow({ preloadPath, pageUrl, stateStore: windowStateFile(app.getPath('userData')) })
}

function serveRendererOverAppProtocol(): void {
  const csp = contentSecurityPolicy()
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', csp)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}

function focusMainWindow(): void {
  const [window] = BrowserWindow.getAllWindows()
  if (!window) return
  if (window.isMinimized()) window.restore()
  window.focus()
}
