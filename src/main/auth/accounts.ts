import type { AccountList, AccountSummary } from '../../shared/ipc/contract'
import type { OktopostEndpoint } from '../../shared/domain/session'
import type { StoredAccount, StoredAccounts } from './vault'

/**
 * The stored Oktopost sign-ins and which one is active, as pure functions over the vault's
 * record, so switching and removing can be tested without a vault.
 */

export const NO_ACCOUNTS: StoredAccounts = { activeKey: null, accounts: [] }

function endpointKey(endpoint: OktopostEndpoint): string {
  return 'region' in endpoint ? `region:${endpoint.region}` : `url:${endpoint.baseUrl}`
}

/**
 * One entry per user of an account at an endpoint. The demo workspace is one account whatever
 * port its sandbox got this time, so restarting it replaces the entry instead of adding one.
 */
export function accountKeyOf(account: Pick<StoredAccount, 'accountId' | 'endpoint' | 'user' | 'isDemo'>): string {
  const where = account.isDemo ? 'demo' : endpointKey(account.endpoint)
  return `${where}|${account.accountId}|${account.user.id}`
}

export function activeAccount(state: StoredAccounts): StoredAccount | null {
  return state.accounts.find((account) => accountKeyOf(account) === state.activeKey) ?? null
}

export function findAccount(state: StoredAccounts, key: string): StoredAccount | null {
  return state.accounts.find((account) => accountKeyOf(account) === key) ?? null
}

/** Adds the account, or replaces the stored one with the same key, and makes it the active one. */
export function upsertAccount(state: StoredAccounts, account: StoredAccount): StoredAccounts {
  const key = accountKeyOf(account)
  return { activeKey: key, accounts: [...state.accounts.filter((stored) => accountKeyOf(stored) !== key), account] }
}

/** null when no stored account has that key. */
export function activateAccount(state: StoredAccounts, key: string, now: number): StoredAccounts | null {
  const target = findAccount(state, key)
  if (target === null) return null
  return upsertAccount(state, { ...target, lastUsedAt: now })
}

/** Removing the active account leaves none active: the agent chooses where to go next. */
export function removeAccount(state: StoredAccounts, key: string): StoredAccounts {
  return {
    activeKey: state.activeKey === key ? null : state.activeKey,
    accounts: state.accounts.filter((account) => accountKeyOf(account) !== key),
  }
}

/** Changes the active account only; null when none is active. */
export function updateActive(state: StoredAccounts, change: (account: StoredAccount) => StoredAccount): StoredAccounts | null {
  const active = activeAccount(state)
  return active === null ? null : upsertAccount(state, change(active))
}

export function accountSummary(state: StoredAccounts, account: StoredAccount): AccountSummary {
  const key = accountKeyOf(account)
  return {
    key,
    user: account.user,
    account: account.account,
    endpoint: account.endpoint,
    isActive: key === state.activeKey,
    isDemo: account.isDemo,
  }
}

/** Most recently used first; never a key or a token. */
export function accountList(state: StoredAccounts): AccountList {
  const byRecency = [...state.accounts].sort((a, b) => b.lastUsedAt - a.lastUsedAt)
  return { accounts: byRecency.map((account) => accountSummary(state, account)) }
}

/** The demo workspace and local test servers live on this computer. */
export function isLoopbackEndpoint(endpoint: OktopostEndpoint): boolean {
  if (!('baseUrl' in endpoint)) return false
  try {
    const host = new URL(endpoint.baseUrl).hostname
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]'
  } catch {
    return false
  }
}
