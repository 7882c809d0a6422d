import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createTestServices } from '../../../support/mainServices'
import { createInvokeListener } from '../../../../src/main/ipc/electronIpc'
import { isTrustedSender } from '../../../../src/main/ipc/senderPolicy'

const APP_ORIGIN = 'app://inbox-desk'
const OWN_WEB_CONTENTS_ID = 7

function event(options: { url?: string; isTopFrame?: boolean; webContentsId?: number; noFrame?: boolean }) {
  const senderFrame = options.noFrame
    ? null
    : { url: options.url ?? `${APP_ORIGIN}/index.html`, parent: options.isTopFrame === false ? {} : null }
  return { sender: { id: options.webContentsId ?? OWN_WEB_CONTENTS_ID }, senderFrame } as unknown as IpcMainInvokeEvent
}

const listener = createInvokeListener({
  handlers: createTestServices().handlers,
  appOrigin: APP_ORIGIN,
  isOwnWebContents: (id) => id === OWN_WEB_CONTENTS_ID,
})

describe('Electron IPC listener', () => {
  it('answers the top frame of our own window', async () => {
    const result = await listener(event({}), 'app:info', {})
    expect(result).toMatchObject({ ok: true, value: { transport: 'electron' } })
  })

  it.each([
    ['an iframe inside our window', { isTopFrame: false }],
    ['a page navigated to another origin', { url: 'https://evil.example/index.html' }],
    ['another web contents', { webContentsId: 99 }],
    ['a frame that is gone', { noFrame: true }],
  ])('refuses %s with a forbidden error', async (_label, options) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const result = await listener(event(options), 'app:info', {})
    expect(result).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: 'Request refused: it did not come from the Inbox Desk window' },
    })
    warn.mockRestore()
  })

  it('still validates channel and payload for a trusted sender', async () => {
    expect(await listener(event({}), 'shell:exec', {})).toMatchObject({ ok: false, error: { kind: 'invalid' } })
    expect(await listener(event({}), 'app:info', 'x')).toMatchObject({ ok: false, error: { kind: 'invalid' } })
  })
})

describe('isTrustedSender', () => {
  it('accepts the dev server origin when that is the app origin', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/#/view/inbox', parent: null }, true, 'http://localhost:5173')).toBe(true)
  })

  it('refuses a look-alike host', () => {
    expect(isTrustedSender({ url: 'app://inbox-desk.evil/index.html', parent: null }, true, APP_ORIGIN)).toBe(false)
  })

  it('refuses an unparsable URL', () => {
    expect(isTrustedSender({ url: 'not a url', parent: null }, true, APP_ORIGIN)).toBe(false)
  })
})
