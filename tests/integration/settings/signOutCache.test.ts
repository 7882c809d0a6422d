// First, so Dexie finds this IndexedDB when it loads, as the app's Dexie finds Chromium's.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { cacheNameOf } from '../../../src/renderer/components/settings/accountCache'
import { useSignOut } from '../../../src/renderer/components/settings/useSignOut'
import { openInboxDatabase } from '../../../src/renderer/db/database'
import { setIpcClient } from '../../../src/renderer/ipc'
import { createIpcClient, type IpcClient } from '../../../src/renderer/ipc/client'
import { useSessionStore } from '../../../src/renderer/stores/sessionStore'
import { useSettingsStore } from '../../../src/renderer/stores/settingsStore'
import { useToastStore } from '../../../src/renderer/stores/toastStore'
import { useWorkspaceStore } from '../../../src/renderer/stores/workspaceStore'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import type { Session } from '../../../src/shared/domain/session'
import type { AccountSummary } from '../../../src/shared/ipc/contract'
import { err } from '../../../src/shared/result'
import { createTestServices } from '../../support/mainServices'
import { sandboxControl } from '../../support/sandboxControl'
import { inProcessApi, UNLIMITED } from '../../support/sync/harness'
import { memoryStorage } from '../../support/memoryStorage'

/**
 * Signing out with and without deleting the account's cache: the renderer's stores and Dexie
 * on fake-indexeddb, main's real handlers (memory vault) and two sandboxes, one per account.
 */
const SECOND_ACCOUNT = '00A0000SECOND01'

let first: RunningSandbox
let second: RunningSandbox
let ipc: IpcClient

beforeAll(async () => {
  ;[first, second] = await Promise.all([startSandbox({ conversations: 20 }), startSandbox({ conversations: 20, accountId: SECOND_ACCOUNT })])
})

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()])
})

beforeEach(() => {
  const localStorage = memoryStorage()
  // What the workspace store reaches for in a window: its events, timers and storage.
  vi.stubGlobal('localStorage', localStorage)
  vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {}, setInterval, clearInterval, localStorage })
  ipc = createIpcClient(inProcessApi(createTestServices({ rateWindows: UNLIMITED })))
  setIpcClient(ipc)
  setActivePinia(createPinia())
})

afterEach(async () => {
  await useWorkspaceStore().close()
  await Promise.all([sandboxControl(first.url).clearFaults(), sandboxControl(second.url).clearFaults()])
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  for (const database of await indexedDB.databases()) if (database.name) await Dexie.delete(database.name)
})

async function signIn(sandbox: RunningSandbox): Promise<Session> {
  const session = await useSessionStore().signIn({ accountId: sandbox.options.accountId, apiKey: sandbox.options.apiKey, baseUrl: sandbox.oktopostBaseUrl })
  if (!session.ok) throw new Error(session.error.message)
  return session.value
}

/** Signs in and opens the account's cache, as the inbox does, with one change waiting in its outbox. */
async function openWithUnsentChange(sandbox: RunningSandbox): Promise<Session> {
  const session = await signIn(sandbox)
  const workspace = useWorkspaceStore()
  await workspace.open(session)
  await sandboxControl(sandbox.url).addFault({ route: 'POST /v2/conversation/:id/note', mode: 'status500' })
  const queued = await workspace.queue({ kind: 'note', conversationId: 'eit000000000001', note: 'Waits in the outbox' })
  if (!queued.ok) throw new Error(JSON.stringify(queued.error))
  return session
}

async function cacheNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((database) => database.name ?? '')
}

async function outboxTexts(name: string): Promise<string[]> {
  const db = openInboxDatabase(name)
  await db.open()
  try {
    return (await db.outbox.toArray()).map((entry) => (entry.operation.kind === 'note' ? entry.operation.note : entry.operation.kind))
  } finally {
    db.close()
  }
}

const signOutCurrent = () => useSessionStore().signOut()
const toastMessages = () => useToastStore().toasts.map((toast) => `${toast.tone}: ${toast.message}`)

describe('signing out of the current account', () => {
  it('keeps its cache, unsent changes and all, when the box is left unticked', async () => {
    const session = await openWithUnsentChange(first)
    const name = cacheNameOf(session)

    const outcome = await useSignOut().signOut({ account: session, isDeletingCache: false, wipeCredentials: signOutCurrent })

    expect(outcome).toEqual({ kind: 'kept' })
    expect(await ipc.invoke('auth:status', {})).toMatchObject({ ok: true, value: { oktopost: null } })
    await useWorkspaceStore().close()
    expect(await cacheNames()).toContain(name)
    expect(await outboxTexts(name)).toEqual(['Waits in the outbox'])
    expect(toastMessages()).toEqual(['success: Signed out of Acme Inc'])
  })

  it('deletes its cache only after main has wiped the keys, closing the open database first', async () => {
    const session = await openWithUnsentChange(first)
    const name = cacheNameOf(session)
    const settings = useSettingsStore()
    settings.rememberIntegrationId(session.account.id, 'sfint-1')
    let seenWhileWiping: { isCached: boolean; isOpen: boolean } | null = null

    const outcome = await useSignOut().signOut({
      account: session,
      isDeletingCache: true,
      async wipeCredentials() {
        seenWhileWiping = { isCached: (await cacheNames()).includes(name), isOpen: useWorkspaceStore().db?.isOpen() === true }
        return signOutCurrent()
      },
    })

    expect(outcome).toEqual({ kind: 'deleted' })
    expect(seenWhileWiping).toEqual({ isCached: true, isOpen: true })
    expect(await cacheNames()).not.toContain(name)
    expect(useWorkspaceStore().db).toBeNull()
    expect(settings.integrationIdFor(session.account.id)).toBe('')
    expect(toastMessages()).toEqual(['success: Signed out of Acme Inc and deleted its cache from this computer'])
  })

  it('deletes nothing when main refuses the sign-out', async () => {
    const session = await openWithUnsentChange(first)
    const name = cacheNameOf(session)

    const outcome = await useSignOut().signOut({
      account: session,
      isDeletingCache: true,
      wipeCredentials: async () => err({ kind: 'internal', message: 'The keychain is locked' }),
    })

    expect(outcome).toBeNull()
    expect(useWorkspaceStore().db?.isOpen()).toBe(true)
    expect(await cacheNames()).toContain(name)
    expect(toastMessages()).toEqual(['error: Couldn’t sign out: The keychain is locked'])
  })

  it('says so when the database cannot be deleted, and keeps what it remembers for the account', async () => {
    const session = await openWithUnsentChange(first)
    const settings = useSettingsStore()
    settings.rememberIntegrationId(session.account.id, 'sfint-1')
    vi.spyOn(Dexie, 'delete').mockRejectedValueOnce(new Error('The disk is full'))

    const outcome = await useSignOut().signOut({ account: session, isDeletingCache: true, wipeCredentials: signOutCurrent })

    expect(outcome).toEqual({ kind: 'failed', message: 'The disk is full' })
    expect(settings.integrationIdFor(session.account.id)).toBe('sfint-1')
    expect(toastMessages()).toEqual(['error: Signed out of Acme Inc, but its cache couldn’t be deleted: The disk is full'])
  })
})

describe('signing out of another account', () => {
  it('deletes that account’s cache and leaves the current one open', async () => {
    const leaving = await openWithUnsentChange(first)
    await useWorkspaceStore().close()
    const current = await openWithUnsentChange(second)
    const listed = await ipc.invoke('auth:accounts', {})
    const leavingSummary = listed.ok ? listed.value.accounts.find((account) => account.account.id === leaving.account.id) : undefined
    if (!leavingSummary) throw new Error('the first account is not listed')

    const outcome = await useSignOut().signOut({
      account: leavingSummary,
      isDeletingCache: true,
      wipeCredentials: () => ipc.invoke('auth:removeAccount', { accountKey: leavingSummary.key }),
    })

    expect(outcome).toEqual({ kind: 'deleted' })
    expect(await cacheNames()).not.toContain(cacheNameOf(leaving))
    expect(await cacheNames()).toContain(cacheNameOf(current))
    expect(useWorkspaceStore().db?.name).toBe(cacheNameOf(current))
    expect(useWorkspaceStore().db?.isOpen()).toBe(true)
  })

  it('keeps a cache that another user signed in to the same account still uses', async () => {
    const leaving = await openWithUnsentChange(first)
    await useWorkspaceStore().close()
    const colleague: AccountSummary = { ...leaving, user: { ...leaving.user, id: '00A000000000002', name: 'Hannah Müller' }, key: 'colleague', isActive: false, isDemo: false }
    // Main lists a second user of the same Oktopost account at the same endpoint.
    setIpcClient({
      invoke: (async (channel, request) => {
        const answer = await ipc.invoke(channel, request as never)
        return channel === 'auth:accounts' && answer.ok ? { ok: true, value: { accounts: [...(answer.value as { accounts: AccountSummary[] }).accounts, colleague] } } : answer
      }) as IpcClient['invoke'],
    })

    const outcome = await useSignOut().signOut({ account: leaving, isDeletingCache: true, wipeCredentials: signOutCurrent })

    expect(outcome).toEqual({ kind: 'shared', userName: 'Hannah Müller' })
    expect(await outboxTexts(cacheNameOf(leaving))).toEqual(['Waits in the outbox'])
    expect(toastMessages()).toEqual([
      'info: Signed out of Acme Inc. Its cache stays on this computer: Hannah Müller is still signed in to the same account and uses it.',
    ])
  })
})
