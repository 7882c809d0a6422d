import { EventEmitter } from 'node:events'
import type { Session, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { denyAllPermissions, hardenWebContents } from '../../../../src/main/security/hardenWebContents'

type WindowOpenHandler = (details: { url: string }) => { action: string }

function fakeWebContents() {
  const emitter = new EventEmitter()
  let windowOpenHandler: WindowOpenHandler | undefined
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: WindowOpenHandler) => {
      windowOpenHandler = handler
    },
  })
  return { contents: contents as unknown as WebContents, emitter, openWindow: (url: string) => windowOpenHandler?.({ url }) }
}

function navigationEvent() {
  return { preventDefault: vi.fn() }
}

describe('hardenWebContents', () => {
  function setup() {
    const openExternal = vi.fn(async (_url: string) => {})
    const fake = fakeWebContents()
    hardenWebContents(fake.contents, { appOrigin: 'app://inbox-desk', openExternal })
    return { ...fake, openExternal }
  }

  it('refuses navigation away from the app and hands https links to the OS browser', () => {
    const { emitter, openExternal } = setup()
    const event = navigationEvent()
    emitter.emit('will-navigate', event, 'https://example.com/page')
    expect(event.preventDefault).toHaveBeenCalled()
    expect(openExternal).toHaveBeenCalledWith('https://example.com/page')
  })

  it('refuses navigation to a javascript: URL without opening anything', () => {
    const { emitter, openExternal } = setup()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const event = navigationEvent()
    emitter.emit('will-navigate', event, 'javascript:alert(1)')
    expect(event.preventDefault).toHaveBeenCalled()
    expect(openExternal).not.toHaveBeenCalled()
    warn.mockRestore()
  })

  it('allows navigation within the app origin', () => {
    const { emitter } = setup()
    const event = navigationEvent()
    emitter.emit('will-navigate', event, 'app://inbox-desk/index.html#/sign-in')
    expect(event.preventDefault).not.toHaveBeenCalled()
  })

  it('refuses redirects to other origins', () => {
    const { emitter } = setup()
    const event = navigationEvent()
    emitter.emit('will-redirect', event, 'https://evil.example/')
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('denies every new window, opening only https links externally', () => {
    const { openWindow, openExternal } = setup()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(openWindow('https://example.com')).toEqual({ action: 'deny' })
    expect(openWindow('http://example.com')).toEqual({ action: 'deny' })
    expect(openWindow('app://inbox-desk/index.html')).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://example.com']])
    warn.mockRestore()
  })

  it('refuses to attach webviews', () => {
    const { emitter } = setup()
    const event = navigationEvent()
    emitter.emit('will-attach-webview', event)
    expect(event.preventDefault).toHaveBeenCalled()
  })
})

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    let requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined
    let checkHandler: (() => boolean) | undefined
    const session = {
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
    } as unknown as Session
    denyAllPermissions(session)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      requestHandler?.({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    expect(checkHandler?.()).toBe(false)
  })
})
