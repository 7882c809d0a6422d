import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_INVOKE_CHANNEL } from '../../../src/shared/ipc/transport'

const exposeInMainWorld = vi.fn()
const invoke = vi.fn(async () => ({ ok: true, value: 'answer' }))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld },
  ipcRenderer: { invoke, send: vi.fn(), on: vi.fn() },
}))

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules()
    exposeInMainWorld.mockClear()
    await import('../../../src/preload/index')
  })

  it('exposes exactly one object, window.inboxDesk', () => {
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(exposeInMainWorld.mock.calls[0]?.[0]).toBe('inboxDesk')
  })

  it('offers only invoke: no raw ipcRenderer, send or listeners', () => {
    const api = exposeInMainWorld.mock.calls[0]?.[1] as Record<string, unknown>
    expect(Object.keys(api)).toEqual(['invoke'])
    expect(Object.values(api).includes(invoke)).toBe(false)
  })

  it('forwards a request on the single invoke channel', async () => {
    const api = exposeInMainWorld.mock.calls[0]?.[1] as { invoke(channel: string, request: unknown): Promise<unknown> }
    await expect(api.invoke('app:info', {})).resolves.toEqual({ ok: true, value: 'answer' })
    expect(invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'app:info', {})
  })
})
