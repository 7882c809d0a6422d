import Dexie from 'dexie'
import { openInboxDatabase, type InboxDatabase } from '../../db/database'
import { cacheNameOf, type CachedAccount } from './accountCache'

/** Changes still waiting in an outbox: anything not yet delivered. */
export function countUnsent(db: InboxDatabase): Promise<number> {
  return db.outbox.where('state').notEqual('done').count()
}

/**
 * How many changes an account's outbox still holds, read from its own database (the current
 * account's is open already); 0 when the account has never had a cache on this computer.
 */
export async function unsentChangesOf(account: CachedAccount, current: InboxDatabase | null): Promise<number> {
  const name = cacheNameOf(account)
  if (current?.name === name) return countUnsent(current)
  if (!(await Dexie.exists(name))) return 0
  const db = openInboxDatabase(name)
  try {
    await db.open()
    return await countUnsent(db)
  } finally {
    db.close()
  }
}
