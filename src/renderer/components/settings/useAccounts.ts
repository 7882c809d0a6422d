import { ref, watch } from 'vue'
import { useRouter } from 'vue-router'
import type { Session } from '../../../shared/domain/session'
import type { AccountSummary } from '../../../shared/ipc/contract'
import { err, type Result } from '../../../shared/result'
import { useIpc } from '../../ipc'
import { useSessionStore } from '../../stores/sessionStore'
import { useWorkspaceStore } from '../../stores/workspaceStore'

/**
 * The Oktopost accounts signed in on this computer, and switching between them. The account
 * being left has its outbox stopped and its cache closed before main changes keys, so nothing
 * queued in one account can ever be sent with another's key.
 */
export function useAccounts() {
  const ipc = useIpc()
  const session = useSessionStore()
  const workspace = useWorkspaceStore()
  const router = useRouter()
  const accounts = ref<AccountSummary[]>([])
  const loadError = ref<string | null>(null)
  const busyKey = ref<string | null>(null)

  function adopt(next: Session | null): void {
    session.$patch((state) => {
      state.session = next
    })
  }

  async function refresh(): Promise<void> {
    const listed = await ipc.invoke('auth:accounts', {})
    accounts.value = listed.ok ? listed.value.accounts : []
    loadError.value = listed.ok ? null : listed.error.message
  }

  // A switch made elsewhere (the switcher, another page) changes which row is current.
  watch(() => session.session, refresh)

  /** Whether the account is the one open here, by who and where, whatever an older list said. */
  function isOpenHere(account: AccountSummary): boolean {
    const open = session.session
    return (
      open !== null &&
      open.account.id === account.account.id &&
      open.user.id === account.user.id &&
      JSON.stringify(open.endpoint) === JSON.stringify(account.endpoint)
    )
  }

  async function switchTo(account: AccountSummary): Promise<Result<Session>> {
    if (isOpenHere(account) && session.session) return { ok: true, value: session.session }
    busyKey.value = account.key
    const leaving = session.session
    await workspace.close()
    const switched = await ipc.invoke('auth:switchAccount', { accountKey: account.key })
    if (switched.ok) adopt(switched.value)
    // Main still has the old account active: open its cache again.
    else if (leaving) await workspace.open(leaving)
    busyKey.value = null
    await refresh()
    return switched
  }

  /** Signing out of the current account ends at the sign-in page, as the sidebar's sign-out does. */
  async function remove(account: AccountSummary): Promise<Result<null>> {
    busyKey.value = account.key
    const isCurrent = isOpenHere(account)
    if (isCurrent) await workspace.close()
    const removed = await ipc.invoke('auth:removeAccount', { accountKey: account.key })
    busyKey.value = null
    if (!removed.ok) {
      if (isCurrent && session.session) await workspace.open(session.session)
      return err(removed.error)
    }
    accounts.value = removed.value.accounts
    if (isCurrent) {
      adopt(null)
      await router.replace({ name: 'sign-in' })
    }
    return { ok: true, value: null }
  }

  /** The sign-in page adds the account; the current one's outbox stops first, as for a switch. */
  async function add(): Promise<void> {
    await workspace.close()
    await router.push({ name: 'sign-in' })
  }

  return { accounts, loadError, busyKey, refresh, switchTo, remove, add }
}
