import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_COMMAND_EVENT } from '../../../src/shared/ipc/api'
import { IPC_INVOKE_CHANNEL } from '../../../src/shared/ipc/transport'

const exposeInMainWorld = vi.fn()
const invoke = vi.fn(async () => ({ ok: true, value: 'answer' }))
const on = vi.fn()
const removeListener = vi.fn()

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld },
  ipcRenderer: { invoke, send: vi.fn(), on, removeListener },
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

  it('offers only invoke and menu commands: no raw ipcRenderer, send or listeners', () => {
    const api = exposeInMainWorld.mock.calls[0]?.[1] as Record<string, unknown>
    expect(Object.keys(api)).toEqual(['invoke', 'onCommand'])
    expect(Object.values(api).includes(invoke)).toBe(false)
    expect(Object.values(api).includes(on)).toBe(false)
  })

  it('passes on menu choices as command ids only, dropping anything else, and stops listening when asked', () => {
    const api = exposeInMainWorld.mock.calls[0]?.[1] as { onCommand(listener: (id: string) => void): () => void }
    const heard: string[] = []
    on.mockClear()
    const stop = api.onCommand((id) => heard.push(id))
    expect(on).toHaveBeenCalledWith(IPC_COMMAND_EVENT, expect.any(Function))
    const forward = on.mock.calls[0]?.[1] as (event: unknown, id: unknown) => void
    forward({ sender: 'main' }, 'go.inbox')
    forward({ sender: 'main' }, { id: 'go.inbox' })
    forward({ sender: 'main' }, 'javascript:alert(1)')
    forward({ sender: 'main' }, `a.${'b'.repeat(80)}`)
    expect(heard).toEqual(['go.inbox'])
    stop()
    expect(removeListener).toHaveBeenCalledWith(IPC_COMMAND_EVENT, forward)
  })

  it('forwards a request on the single invoke channel', async () => {
    const api = exposeInMainWorld.mock.calls[0]?.[1] as { invoke(channel: string, request: unknown): Promise<unknown> }
    await expect(api.invoke('app:info', {})).resolves.toEqual({ ok: true, value: 'answer' })
    expect(invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'app:info', {})
  })
})
