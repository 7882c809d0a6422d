import { shallowRef } from 'vue'
import type { Result } from '../../../shared/result'
import { useIpc } from '../../ipc'
import { useSettingsStore } from '../../stores/settingsStore'
import { useToastStore } from '../../stores/toastStore'
import { deleteDatabase } from '../../db/earlyOpen'
import { useWorkspaceStore } from '../../stores/workspaceStore'
import { settingsStrings } from '../../strings/settings'
import { cacheNameOf, type CachedAccount } from './accountCache'
import { unsentChangesOf } from './pendingChanges'

/** What became of the account's cache once its credentials were wiped. */
export type CacheOutcome =
  | { kind: 'kept' }
  | { kind: 'deleted' }
  /** Another user signed in to the same Oktopost account here reads and writes the same cache. */
  | { kind: 'shared'; userName: string }
  | { kind: 'failed'; message: string }

export interface SignOutRequest {
  account: CachedAccount
  isDeletingCache: boolean
  /** Wipes the credentials in main, the caller's way (the current account, or any stored one). */
  wipeCredentials(): Promise<Result<unknown>>
}

/** The sign-out being asked about: whose, and how many of its changes are still unsent. */
export interface SignOutQuestion {
  account: CachedAccount
  unsent: number
  wipeCredentials(): Promise<Result<unknown>>
}

const strings = settingsStrings.accounts

/**
 * Signing out of one account, from Settings or the `session.signOut` command. The cache stays
 * unless the agent asked for it to go; then it is deleted only after main has wiped the keys,
 * so a refused sign-out never costs the cache. Either way the toast says what happened.
 */
export function useSignOut() {
  const ipc = useIpc()
  const workspace = useWorkspaceStore()
  const settings = useSettingsStore()
  const toasts = useToastStore()

  async function deleteCache(account: CachedAccount): Promise<CacheOutcome> {
    const name = cacheNameOf(account)
    const stillSignedIn = await ipc.invoke('auth:accounts', {})
    if (!stillSignedIn.ok) return { kind: 'failed', message: stillSignedIn.error.message }
    const sharer = stillSignedIn.value.accounts.find((other) => cacheNameOf(other) === name)
    if (sharer) return { kind: 'shared', userName: sharer.user.name }
    if (workspace.db?.name === name) await workspace.close()
    try {
      await deleteDatabase(name, window.localStorage)
    } catch (error) {
      return { kind: 'failed', message: error instanceof Error ? error.message : String(error) }
    }
    settings.forgetAccount(account.account.id)
    return { kind: 'deleted' }
  }

  function report(accountName: string, cache: CacheOutcome): void {
    switch (cache.kind) {
      case 'kept':
        return void toasts.show(strings.signedOut(accountName), { tone: 'success' })
      case 'deleted':
        return void toasts.show(strings.signedOutCacheDeleted(accountName), { tone: 'success' })
      case 'shared':
        return void toasts.show(strings.signedOutCacheShared(accountName, cache.userName), { tone: 'info' })
      case 'failed':
        return void toasts.show(strings.signedOutCacheFailed(accountName, cache.message), { tone: 'error' })
    }
  }

  /** Resolves to what became of the cache, or null when main refused the sign-out. */
  async function signOut(request: SignOutRequest): Promise<CacheOutcome | null> {
    const wiped = await request.wipeCredentials()
    if (!wiped.ok) {
      toasts.show(strings.signOutFailed(wiped.error.message), { tone: 'error' })
      return null
    }
    const cache: CacheOutcome = request.isDeletingCache ? await deleteCache(request.account) : { kind: 'kept' }
    report(request.account.account.name, cache)
    return cache
  }

  const question = shallowRef<SignOutQuestion | null>(null)

  /** Opens the question (SignOutDialog shows it); `answer` carries it out. */
  async function ask(account: CachedAccount, wipeCredentials: () => Promise<Result<unknown>>): Promise<void> {
    question.value = { account, unsent: await unsentChangesOf(account, workspace.db), wipeCredentials }
  }

  async function answer(isDeletingCache: boolean): Promise<void> {
    const asked = question.value
    if (!asked) return
    await signOut({ account: asked.account, isDeletingCache, wipeCredentials: asked.wipeCredentials })
    question.value = null
  }

  function dismiss(): void {
    question.value = null
  }

  return { question, ask, answer, dismiss, signOut }
}
