import fs from 'node:fs'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Result } from '../../src/shared/result'
import { BUILT_MAIN, BUILT_PRELOAD, requireBuild } from './support/builtApp'
import type { ElectronRecord, FakeWebContents } from './support/fakeElectron'

/**
 * The compiled main process (out/main/index.js), as it ships, started under a recording
 * stand-in for Electron: the window it opens, how it hardens every web contents, what it
 * answers permission requests and IPC from strangers, and how it serves the renderer.
 */
const shared = vi.hoisted(() => ({ record: undefined as ElectronRecord | undefined }))

vi.mock('electron', async () => {
  const { fakeElectronModule, newRecord } = await import('./support/fakeElectron')
  shared.record = newRecord()
  return fakeElectronModule(shared.record)
})

const APP_PAGE = 'app://inbox-desk/index.html'
let record: ElectronRecord
let contents: FakeWebContents

type Invoke = (event: unknown, channel: unknown, payload: unknown) => Promise<Result<unknown>>

function invoke(channel: string, payload: unknown, frame: unknown = { url: APP_PAGE, parent: null }, senderId = contents.id) {
  const listener = record.ipcHandlers.get('inbox-desk:invoke') as Invoke | undefined
  if (!listener) throw new Error('main registered no invoke handler')
  return listener({ sender: { id: senderId }, senderFrame: frame }, channel, payload)
}

beforeAll(async () => {
  requireBuild()
  // Refused links are logged; the tests below look at what was refused, not at the log.
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  await import(pathToFileURL(BUILT_MAIN).href)
  record = shared.record!
  await vi.waitFor(() => expect(record.windows[0]?.loadedUrls).toEqual([APP_PAGE]), { timeout: 10_000 })
  contents = record.windows[0]!.webContents
  // auth:status waits for the demo workspace to finish starting, so the test ends with it running.
  await invoke('auth:status', {})
})

afterAll(async () => {
  vi.restoreAllMocks()
  // Quitting stops the demo workspace's sandbox.
  await Promise.all((record?.appListeners.get('will-quit') ?? []).map((listener) => listener()))
  if (record) fs.rmSync(record.userData, { recursive: true, force: true })
})

function navigate(event: string, url: string): { isPrevented: boolean } {
  const outcome = { isPrevented: false }
  for (const listener of contents.listeners.get(event) ?? []) listener({ preventDefault: () => (outcome.isPrevented = true) }, url)
  return outcome
}

const FOREIGN_URLS = ['https://evil.example/login', 'http://example.com/', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>', 'https://user:secret@example.com/', 'inbox-desk://x', 'app://other-host/index.html']

describe('the compiled main process', () => {
  it('opens one window: sandboxed, isolated, without Node, loading the app from its own origin', () => {
    expect(record.windows).toHaveLength(1)
    const webPreferences = record.windows[0]!.options['webPreferences'] as Record<string, unknown>
    expect(webPreferences).toMatchObject({
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
    })
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(webPreferences).not.toHaveProperty('additionalArguments')
    expect(webPreferences['preload']).toBe(BUILT_PRELOAD)
    expect(fs.existsSync(BUILT_PRELOAD)).toBe(true)
  })

  it('keeps its window on the app: navigation elsewhere is refused, and only plain https opens, in the browser', () => {
    expect(navigate('will-navigate', 'app://inbox-desk/index.html#/inbox').isPrevented).toBe(false)
    for (const url of FOREIGN_URLS) {
      expect(navigate('will-navigate', url).isPrevented, url).toBe(true)
      expect(navigate('will-redirect', url).isPrevented, url).toBe(true)
    }
    expect(record.openedExternally).toEqual(['https://evil.example/login', 'https://evil.example/login'])
  })

  it('opens no new window, whatever the page asks for', () => {
    record.openedExternally.length = 0
    for (const url of [...FOREIGN_URLS, APP_PAGE, 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' })
    }
    expect(record.openedExternally).toEqual(['https://evil.example/login'])
  })

  it('refuses webviews, and hardens web contents created later the same way', () => {
    const attach = { isPrevented: false }
    for (const listener of contents.listeners.get('will-attach-webview') ?? []) listener({ preventDefault: () => (attach.isPrevented = true) })
    expect(attach.isPrevented).toBe(true)
    const later: FakeWebContents & { on: (event: string, listener: () => void) => void; setWindowOpenHandler: (handler: unknown) => void } = {
      id: 99,
      listeners: new Map(),
      windowOpenHandler: undefined,
      sent: [],
      on(event, listener) {
        later.listeners.set(event, [listener])
      },
      setWindowOpenHandler(handler) {
        later.windowOpenHandler = handler as FakeWebContents['windowOpenHandler']
      },
    }
    for (const listener of record.appListeners.get('web-contents-created') ?? []) listener({}, later)
    expect([...later.listeners.keys()]).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']))
    expect(later.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })

  it('denies every permission the page could ask for', () => {
    const answers: unknown[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'pointerLock', 'openExternal', 'hid', 'serial', 'usb', 'midiSysex']) {
      record.permissionRequestHandler?.(contents, permission, (isGranted: boolean) => answers.push(isGranted), {})
      answers.push(record.permissionCheckHandler?.(contents, permission, 'app://inbox-desk', {}))
    }
    expect(answers).toHaveLength(24)
    expect(new Set(answers)).toEqual(new Set([false]))
  })

  it('answers IPC only from the top frame of its own window on its own origin', async () => {
    expect(record.ipcListeners).toEqual([])
    expect([...record.ipcHandlers.keys()]).toEqual(['inbox-desk:invoke'])
    expect(await invoke('app:info', {})).toMatchObject({ ok: true, value: { name: 'Inbox Desk', transport: 'electron' } })
    const strangers: [unknown, number][] = [
      [{ url: APP_PAGE, parent: {} }, contents.id],
      [{ url: 'https://evil.example/', parent: null }, contents.id],
      [{ url: 'app://evil/index.html', parent: null }, contents.id],
      [null, contents.id],
      [{ url: APP_PAGE, parent: null }, contents.id + 1000],
    ]
    for (const [frame, senderId] of strangers) {
      expect(await invoke('auth:signOut', {}, frame, senderId), JSON.stringify(frame)).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    }
    expect(await invoke('auth:status', {})).toMatchObject({ ok: true, value: { oktopost: { account: expect.anything() } } })
  })

  it('serves the renderer over app:// with the strict CSP header, and nothing outside the build', async () => {
    const handler = record.protocolHandlers.get('app')
    if (!handler) throw new Error('main registered no app:// handler')
    const page = await handler({ url: APP_PAGE } as Request)
    expect(page.status).toBe(200)
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/unsafe-(eval|inline)/)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    const outside = ['app://inbox-desk/../main/index.js', 'app://inbox-desk/%2e%2e/main/index.js', 'app://inbox-desk/..%2fmain%2findex.js', 'app://inbox-desk/..%5cmain%5cindex.js', 'app://other/index.html', 'app://inbox-desk/%00']
    for (const url of outside) {
      // Refused with 404, or (a path URL resolution kept inside the build, but missing) a failed read.
      const status = await handler({ url } as Request).then((response) => response.status, () => 'failed')
      expect(status, url).toBeOneOf([404, 'failed'])
    }
    expect(record.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.not.objectContaining({ bypassCSP: true }) }])
  })

  it('weakens nothing process-wide: no command-line switches, certificate overrides or crash uploads', () => {
    expect(record.commandLineSwitches).toEqual([])
    expect(record.certificateVerifyProcs).toEqual([])
    expect(record.appListeners.has('certificate-error')).toBe(false)
    expect(record.appListeners.has('select-client-certificate')).toBe(false)
    expect(record.crashReporterStarts).toEqual([])
  })
})
