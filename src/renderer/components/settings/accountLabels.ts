import type { AccountSummary } from '../../../shared/ipc/contract'
import { settingsStrings } from '../../strings/settings'

/** Where an account lives, as the agent knows it: a data centre, the demo, or the host of a custom URL. */
export function endpointLabel(account: Pick<AccountSummary, 'endpoint' | 'isDemo'>): string {
  if (account.isDemo) return settingsStrings.accounts.demo
  if ('region' in account.endpoint) return settingsStrings.accounts.regions[account.endpoint.region]
  try {
    return new URL(account.endpoint.baseUrl).host
  } catch {
    return account.endpoint.baseUrl
  }
}

/** Two letters for an avatar: the first letters of the first two words. */
export function initialsOf(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .map((word) => [...word][0] ?? '')
    .join('')
  return [...letters].slice(0, 2).join('').toLocaleUpperCase() || '?'
}

/** The endpoint as the renderer names its database (see databaseName). */
export function endpointKey(account: Pick<AccountSummary, 'endpoint'>): string {
  return 'region' in account.endpoint ? account.endpoint.region : account.endpoint.baseUrl
}
