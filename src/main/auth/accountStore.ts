import { ok, type Result } from '../../shared/result'
import { isLoopbackEndpoint, NO_ACCOUNTS, upsertAccount } from './accounts'
import type { CredentialVault, StoredAccounts } from './vault'

export interface AccountStore {
  read(): Promise<Result<StoredAccounts>>
  /**
   * Reads, changes and saves the accounts as one step; steps never interleave, so two sign-ins
   * at once cannot lose one. `change` answers the new record, or an error to save nothing.
   */
  update<T>(change: (state: StoredAccounts) => Result<{ state: StoredAccounts; value: T }>): Promise<Result<T>>
}

/** The accounts record of the vault, with the one-time move of an earlier version's single sign-in. */
export function createAccountStore(vault: CredentialVault): AccountStore {
  let queue: Promise<unknown> = Promise.resolve()

  async function migrateLegacy(): Promise<Result<StoredAccounts>> {
    const legacy = await vault.oktopost.load()
    if (!legacy.ok || legacy.value === null) return legacy.ok ? ok(NO_ACCOUNTS) : legacy
    const commbox = await vault.commbox.load()
    const state = upsertAccount(NO_ACCOUNTS, {
      ...legacy.value,
      // Earlier versions stored the demo workspace like any sign-in; its sandbox is always on loopback.
      isDemo: isLoopbackEndpoint(legacy.value.endpoint),
      lastUsedAt: 0,
      ...(commbox.ok && commbox.value !== null ? { commbox: commbox.value } : {}),
    })
    const saved = await vault.accounts.save(state)
    if (!saved.ok) return saved
    await vault.oktopost.clear()
    await vault.commbox.clear()
    return ok(state)
  }

  async function read(): Promise<Result<StoredAccounts>> {
    const stored = await vault.accounts.load()
    if (!stored.ok) return stored
    return stored.value === null ? migrateLegacy() : ok(stored.value)
  }

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work)
    queue = next.catch(() => undefined)
    return next
  }

  return {
    read: () => exclusive(read),
    update: (change) =>
      exclusive(async () => {
        const current = await read()
        if (!current.ok) return current
        const changed = change(current.value)
        if (!changed.ok) return changed
        const saved = await vault.accounts.save(changed.value.state)
        return saved.ok ? ok(changed.value.value) : saved
      }),
  }
}
