import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { IpcClient } from '../../../../src/renderer/ipc/client'
import { setIpcClient } from '../../../../src/renderer/ipc'
import { useSessionStore } from '../../../../src/renderer/stores/sessionStore'
import type { Session } from '../../../../src/shared/domain/session'

const session: Session = {
  user: { id: '00U1', name: 'Dana Agent', email: 'dana@example.com', lastLoginAt: null },
  account: { id: '00A1', name: 'Acme' },
  endpoint: { region: 'eu' },
}

/** A main process that answers each channel as scripted. */
function mainAnswering(answers: Record<string, unknown>) {
  const invoke = vi.fn(async (channel: string) => answers[channel] ?? { ok: false, error: { kind: 'internal', message: 'unscripted' } })
  setIpcClient({ invoke } as unknown as IpcClient)
  return invoke
}

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('the session store', () => {
  it('loads who is signed in once, however often it is asked', async () => {
    const invoke = mainAnswering({ 'auth:status': { ok: true, value: { oktopost: session, commbox: null } } })
    const store = useSessionStore()
    await Promise.all([store.load(), store.load()])
    await store.load()
    expect(store.session).toEqual(session)
    expect(store.isSignedIn).toBe(true)
    expect(invoke).toHaveBeenCalledTimes(1)
  })

  it('treats an unanswered status as signed out, keeping the reason', async () => {
    mainAnswering({ 'auth:status': { ok: false, error: { kind: 'network', message: 'preview server down' } } })
    const store = useSessionStore()
    await store.load()
    expect(store.isSignedIn).toBe(false)
    expect(store.loadError).toEqual({ kind: 'network', message: 'preview server down' })
  })

  it('adopts the session of a successful sign-in and passes errors back untouched', async () => {
    const refused = { ok: false, error: { kind: 'unauthorized', message: 'no' } }
    const invoke = mainAnswering({ 'auth:signIn': refused })
    const store = useSessionStore()
    const request = { accountId: '00A1', apiKey: 'k', region: 'eu' } as const
    expect(await store.signIn(request)).toEqual(refused)
    expect(store.isSignedIn).toBe(false)
    expect(invoke).toHaveBeenCalledWith('auth:signIn', request)

    mainAnswering({ 'auth:signIn': { ok: true, value: session } })
    await store.signIn(request)
    expect(store.session).toEqual(session)
  })

  it('starts the demo workspace and signs out again', async () => {
    mainAnswering({ 'auth:startDemo': { ok: true, value: session }, 'auth:signOut': { ok: true, value: null } })
    const store = useSessionStore()
    await store.startDemo()
    expect(store.isSignedIn).toBe(true)
    await store.signOut()
    expect(store.session).toBeNull()
  })
})
