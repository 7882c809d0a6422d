import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'
import { BUILT_MAIN, BUILT_PRELOAD, BUILT_RENDERER, readBuilt, rendererScripts, requireBuild } from './support/builtApp'
import { callsOf, enclosingFunction, functionNamed, literalProperties, literalValue, parseCompiled, propertiesNamed, propertyName, receiverOf, type CompiledFile } from './support/compiledCode'

/**
 * Electron's security checklist, read off the build that ships (out/): the window options in
 * the compiled main, the preload's whole surface, and the renderer page's CSP and scripts.
 * builtMain.test.ts runs the same compiled main; these checks read it, so a setting hidden
 * behind a code path the run did not take is still seen.
 */
beforeAll(() => requireBuild())

describe('the compiled main process, read', () => {
  let main: CompiledFile
  beforeAll(() => {
    main = parseCompiled(BUILT_MAIN, readBuilt(BUILT_MAIN))
  })

  it('sets webPreferences in exactly one place, with every protection on as a literal', () => {
    const webPreferences = propertiesNamed(main, 'webPreferences')
    expect(webPreferences).toHaveLength(1)
    const object = webPreferences[0]!.initializer
    if (!ts.isObjectLiteralExpression(object)) throw new Error(`webPreferences is not an object literal: ${object.getText()}`)
    expect(literalProperties(object)).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    })
  })

  it('never turns a protection off, anywhere in main', () => {
    const unsafe: Record<string, unknown> = {
      nodeIntegration: true,
      nodeIntegrationInWorker: true,
      nodeIntegrationInSubFrames: true,
      contextIsolation: false,
      sandbox: false,
      webSecurity: false,
      allowRunningInsecureContent: true,
      webviewTag: true,
      experimentalFeatures: true,
      enableRemoteModule: true,
      bypassCSP: true,
    }
    const found = main.nodes
      .filter((node): node is ts.PropertyAssignment => ts.isPropertyAssignment(node))
      .filter((node) => {
        const name = propertyName(node)
        if (name === 'enableBlinkFeatures') return true
        return name !== undefined && name in unsafe && literalValue(node.initializer) === unsafe[name]
      })
      .map((node) => node.getText())
    expect(found).toEqual([])
  })

  it('passes no switch that weakens Chromium', () => {
    const text = readBuilt(BUILT_MAIN)
    for (const flag of ['disable-web-security', 'ignore-certificate-errors', 'no-sandbox', 'remote-debugging-port', 'allow-running-insecure-content', 'disable-site-isolation-trials', 'js-flags']) {
      expect(text, flag).not.toContain(flag)
    }
    expect(callsOf(main, 'appendSwitch')).toEqual([])
    expect(callsOf(main, 'setCertificateVerifyProc')).toEqual([])
  })

  it('opens external links only through the https check', () => {
    const calls = callsOf(main, 'openExternal')
    expect(calls.length).toBeGreaterThan(0)
    for (const call of calls) {
      const fn = enclosingFunction(call)
      const isChecked = fn !== undefined && fn.getText().indexOf('isSafeExternalUrl(') !== -1 && fn.getText().indexOf('isSafeExternalUrl(') < call.getStart() - fn.getStart()
      // The adapter `openExternal: (url) => shell.openExternal(url)`, handed to hardenWebContents, which checks first.
      const property = fn?.parent
      const isAdapter =
        property !== undefined && ts.isPropertyAssignment(property) && propertyName(property) === 'openExternal' && ts.isCallExpression(property.parent.parent) && property.parent.parent.expression.getText() === 'hardenWebContents'
      expect(isChecked || isAdapter, call.getText()).toBe(true)
    }
  })

  it('takes IPC on one invoke channel only, checking the sender before dispatching', () => {
    expect(callsOf(main, 'handle').filter((call) => receiverOf(call) === 'ipcMain').map((call) => call.getText())).toHaveLength(1)
    for (const method of ['on', 'once', 'addListener', 'handleOnce']) {
      expect(callsOf(main, method).filter((call) => receiverOf(call) === 'ipcMain'), method).toEqual([])
    }
    const listener = functionNamed(main, 'createInvokeListener')?.getText() ?? ''
    expect(listener.indexOf('isTrustedSender(')).toBeGreaterThan(-1)
    expect(listener.indexOf('isTrustedSender(')).toBeLessThan(listener.indexOf('dispatch('))
  })

  it('starts no crash reporter that could upload a crash report', () => {
    expect(callsOf(main, 'start').filter((call) => receiverOf(call) === 'crashReporter')).toEqual([])
  })
})

describe('the compiled preload', () => {
  interface Loaded {
    required: string[]
    exposed: [string, Record<string, unknown>][]
    ipc: { method: string; args: unknown[] }[]
    ipcRenderer: Record<string, unknown>
    emit(channel: string, ...args: unknown[]): void
  }

  /** Runs out/preload/index.cjs as the sandboxed preload runs: CommonJS, with only what require('electron') gives. */
  function loadPreload(): Loaded {
    const loaded: Loaded = { required: [], exposed: [], ipc: [], ipcRenderer: {}, emit: () => {} }
    const listeners = new Map<string, ((...args: unknown[]) => void)[]>()
    const record = (method: string) => (...args: unknown[]) => {
      loaded.ipc.push({ method, args })
      return Promise.resolve({ ok: true, value: 'answer' })
    }
    loaded.ipcRenderer = {
      invoke: record('invoke'),
      send: record('send'),
      sendSync: record('sendSync'),
      postMessage: record('postMessage'),
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        loaded.ipc.push({ method: 'on', args: [channel] })
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener])
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
        loaded.ipc.push({ method: 'removeListener', args: [channel] })
        listeners.set(channel, (listeners.get(channel) ?? []).filter((other) => other !== listener))
      },
    }
    loaded.emit = (channel, ...args) => {
      for (const listener of listeners.get(channel) ?? []) listener(...args)
    }
    const electron = { contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => loaded.exposed.push([key, api]) }, ipcRenderer: loaded.ipcRenderer }
    const module = { exports: {} }
    const require = (name: string) => {
      loaded.required.push(name)
      if (name !== 'electron') throw new Error(`the preload required ${name}`)
      return electron
    }
    vm.runInNewContext(readBuilt(BUILT_PRELOAD), { require, module, exports: module.exports, console })
    return loaded
  }

  it('requires nothing but electron and exposes exactly one object, window.inboxDesk', () => {
    const loaded = loadPreload()
    expect(loaded.required).toEqual(['electron'])
    expect(loaded.exposed.map(([key]) => key)).toEqual(['inboxDesk'])
    expect(loaded.ipc).toEqual([])
  })

  it('offers only invoke (and menu commands as plain ids), never ipcRenderer itself', async () => {
    const loaded = loadPreload()
    const [, api] = loaded.exposed[0]!
    expect(Object.keys(api).sort()).toEqual(expect.arrayContaining(['invoke']))
    expect(Object.keys(api).every((key) => ['invoke', 'onCommand'].includes(key))).toBe(true)
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function')
      expect(Object.values(loaded.ipcRenderer)).not.toContain(value)
    }
    expect(Object.values(api)).not.toContain(loaded.ipcRenderer)
    const invoke = api['invoke'] as (channel: string, request: unknown) => Promise<unknown>
    await expect(invoke('app:info', { any: 'payload' })).resolves.toEqual({ ok: true, value: 'answer' })
    expect(loaded.ipc).toEqual([{ method: 'invoke', args: ['inbox-desk:invoke', 'app:info', { any: 'payload' }] }])
  })

  it('hands menu commands to the page as ids only, never the event or its sender', () => {
    const loaded = loadPreload()
    const onCommand = loaded.exposed[0]![1]['onCommand'] as ((listener: (...args: unknown[]) => void) => () => void) | undefined
    if (onCommand === undefined) return
    const heard: unknown[][] = []
    const stop = onCommand((...args) => heard.push(args))
    const event = { sender: loaded.ipcRenderer, senderId: 0, ports: [] }
    loaded.emit('inbox-desk:command', event, 'go.inbox')
    loaded.emit('inbox-desk:command', event, '<img src=x onerror=alert(1)>')
    loaded.emit('inbox-desk:command', event, { toString: () => 'go.inbox' })
    loaded.emit('inbox-desk:command', event, 'x'.repeat(500))
    expect(heard).toEqual([['go.inbox']])
    stop()
    loaded.emit('inbox-desk:command', event, 'go.inbox')
    expect(heard).toHaveLength(1)
    expect(loaded.ipc.map((call) => `${call.method} ${String(call.args[0])}`)).toEqual(['on inbox-desk:command', 'removeListener inbox-desk:command'])
  })
})

describe('the renderer build', () => {
  const page = () => readBuilt(path.join(BUILT_RENDERER, 'index.html'))

  function cspDirectives(): Map<string, string[]> {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page())
    if (!meta?.[1]) throw new Error('out/renderer/index.html has no CSP meta tag')
    return new Map(meta[1].split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name ?? '', sources]))
  }

  it('carries its CSP as the first thing in <head>, before any script or style', () => {
    const html = page()
    const cspAt = html.indexOf('<meta http-equiv="Content-Security-Policy"')
    expect(cspAt).toBeGreaterThan(-1)
    expect(cspAt).toBeLessThan(html.search(/<script|<link|<style/))
    expect(html.slice(html.indexOf('<head>') + '<head>'.length, cspAt).trim()).toBe('')
  })

  it('allows scripts from the app only: no eval, no inline script, no remote source', () => {
    const csp = cspDirectives()
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('default-src')).toEqual(["'none'"])
    for (const directive of ['object-src', 'base-uri', 'form-action', 'frame-src']) expect(csp.get(directive), directive).toEqual(["'none'"])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    expect(csp.get('worker-src')).toEqual(["'self'"])
    const everything = [...csp.values()].flat()
    expect(everything).not.toContain("'unsafe-eval'")
    expect(everything).not.toContain("'wasm-unsafe-eval'")
    expect(csp.get('style-src')).not.toContain("'unsafe-inline'")
  })

  it('loads only its own script files: no inline script, no event-handler attributes, no remote script', () => {
    const html = page()
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes = '', body = ''] of scripts) {
      expect(body.trim(), 'inline script').toBe('')
      const src = /\ssrc="([^"]+)"/.exec(attributes)?.[1] ?? ''
      expect(src).toMatch(/^\.\/assets\/[\w.-]+\.js$/)
      expect(fs.existsSync(path.join(BUILT_RENDERER, src))).toBe(true)
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i)
    expect(html).not.toMatch(/javascript:/i)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i)
  })

  it('needs no eval at run time, and holds neither Node access nor a credential', () => {
    for (const file of rendererScripts()) {
      const code = readBuilt(file)
      // zod probes once whether eval is allowed (`new Function("")` in a try); nothing builds code from text.
      expect([...code.matchAll(/new Function\(([^)]*)\)/g)].filter((match) => match[1] !== '""'), file).toEqual([])
      expect(code, file).not.toMatch(/(?<![\w.$])eval\(/)
      expect(code, file).not.toMatch(/ipcRenderer|require\(["']electron["']\)/)
      expect(code, file).not.toContain('sandbox-api-key')
      expect(code, file).not.toContain('sandbox-commbox-token')
    }
  })
})
