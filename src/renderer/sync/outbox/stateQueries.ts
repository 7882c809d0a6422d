import type { InboxDatabase } from '../../db/database'
import type { OutboxState } from './entry'

/*
 * Outbox reads by state, one index lookup per state. Dexie answers `anyOf` by walking a cursor
 * one entry at a time, an event per entry; one state is a single native read (all keys, or a
 * count). Both run after every outbox write, and the queue can hold thousands of changes. The
 * lookups share one read transaction, so an entry changing state meanwhile is seen once.
 */

/** The entries in any of `states`, by key (their place in line), oldest first. */
export async function seqsInStates(db: InboxDatabase, states: readonly OutboxState[]): Promise<number[]> {
  const perState = await db.transaction('r', db.outbox, () => Promise.all(states.map((state) => db.outbox.where('state').equals(state).primaryKeys())))
  return perState
    .flat()
    .filter((seq): seq is number => seq !== undefined)
    .sort((a, b) => a - b)
}

/** How many entries are in any of `states`. */
export async function countInStates(db: InboxDatabase, states: readonly OutboxState[]): Promise<number> {
  const counts = await db.transaction('r', db.outbox, () => Promise.all(states.map((state) => db.outbox.where('state').equals(state).count())))
  return counts.reduce((sum, count) => sum + count, 0)
}
