import type { Session } from '../../../shared/domain/session'
import { databaseName } from '../../db/database'
import { endpointKey } from './accountLabels'

/** What names an account's cache: the Oktopost account and where it lives, not the user. */
export type CachedAccount = Pick<Session, 'account' | 'endpoint'>

/**
 * The IndexedDB database that holds an account's cache on this computer. Two users of one
 * Oktopost account at one endpoint share it.
 */
export function cacheNameOf(account: CachedAccount): string {
  return databaseName(account.account.id, endpointKey(account))
}
