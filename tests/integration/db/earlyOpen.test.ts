import { FIRST_SCREEN_KEY } from '../../../src/renderer/boot/firstScreenStorage'
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { openInboxDatabase, type InboxDatabase } from '../../../src/renderer/db/database'
import { deleteDatabase, openDatabase, openLastDatabaseEarly, openWithRetries } from '../../../src/renderer/db/earlyOpen'
import { memoryStorage } from '../../support/memoryStorage'

const opened: InboxDatabase[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

async function existingDatabase(name: string): Promise<void> {
  const db = openInboxDatabase(name)
  await db.open()
  await db.syncState.put({ key: 'marker', value: name } as never)
  db.close()
}

async function databaseNames(): Promise<string[]> {
  return Dexie.getDatabaseNames()
}

describe('opening the last database early', () => {
  it('hands over the database it opened early when the session is for the same account', async () => {
    await existingDatabase('inbox-desk:us:early-a')
    const storage = memoryStorage({ 'inbox-desk:last-database': 'inbox-desk:us:early-a' })
    openLastDatabaseEarly(storage)
    const { db } = await openDatabase('inbox-desk:us:early-a', storage)
    opened.push(db)
    expect(db.isOpen()).toBe(true)
    expect(await db.syncState.get('marker')).toMatchObject({ value: 'inbox-desk:us:early-a' })
  })

  it('opens the signed-in account’s database instead when another was remembered, and remembers it', async () => {
    await existingDatabase('inbox-desk:us:early-b')
    const storage = memoryStorage({ 'inbox-desk:last-database': 'inbox-desk:us:early-b' })
    openLastDatabaseEarly(storage)
    const { db } = await openDatabase('inbox-desk:eu:early-c', storage)
    opened.push(db)
    expect(db.name).toBe('inbox-desk:eu:early-c')
    expect(db.isOpen()).toBe(true)
    expect(storage.items.get('inbox-desk:last-database')).toBe('inbox-desk:eu:early-c')
  })

  it('never creates again a database whose cache was deleted', async () => {
    const storage = memoryStorage({ 'inbox-desk:last-database': 'inbox-desk:us:deleted' })
    openLastDatabaseEarly(storage)
    opened.push((await openDatabase('inbox-desk:us:early-d', storage)).db)
    expect(await databaseNames()).not.toContain('inbox-desk:us:deleted')
  })

  it('opens normally with nothing remembered', async () => {
    const storage = memoryStorage()
    openLastDatabaseEarly(storage)
    const { db } = await openDatabase('inbox-desk:us:early-e', storage)
    opened.push(db)
    expect(db.isOpen()).toBe(true)
    expect(storage.items.get('inbox-desk:last-database')).toBe('inbox-desk:us:early-e')
  })
})

describe('opening again after a refused backing store', () => {
  const backingStoreRefused = () =>
    new Dexie.OpenFailedError('UnknownError Internal error opening backing store for indexedDB.open.', new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'))

  it('tries again after each delay and answers the open that worked', async () => {
    const waits: number[] = []
    let attempts = 0
    const value = await openWithRetries(
      async () => {
        attempts += 1
        if (attempts < 3) throw backingStoreRefused()
        return 'opened'
      },
      [10, 20, 30],
      async (delayMs) => void waits.push(delayMs),
    )
    expect(value).toBe('opened')
    expect(waits).toEqual([10, 20])
  })

  it('gives up with the last error once the delays run out', async () => {
    let attempts = 0
    const opening = openWithRetries(
      async () => {
        attempts += 1
        throw backingStoreRefused()
      },
      [1, 1],
      async () => undefined,
    )
    await expect(opening).rejects.toThrow(/Internal error opening backing store/)
    expect(attempts).toBe(3)
  })

  it('does not retry a failure that will not pass, such as a newer schema', async () => {
    let attempts = 0
    const opening = openWithRetries(
      async () => {
        attempts += 1
        throw new Dexie.VersionError('The database is newer than this app')
      },
      [1, 1],
      async () => undefined,
    )
    await expect(opening).rejects.toThrow(/newer than this app/)
    expect(attempts).toBe(1)
  })
})

describe('telling a lost cache from a new one', () => {
  it('says nothing the first time, and says it was lost when a cache it made has vanished', async () => {
    const storage = memoryStorage()
    const first = await openDatabase('inbox-desk:us:lost-a', storage)
    opened.push(first.db)
    expect(first.wasLost).toBe(false)
    first.db.close()
    const again = await openDatabase('inbox-desk:us:lost-a', storage)
    opened.push(again.db)
    expect(again.wasLost).toBe(false)
    again.db.close()
    // The browser dropped it, as Chromium does with a store it finds damaged.
    await Dexie.delete('inbox-desk:us:lost-a')
    const afterLoss = await openDatabase('inbox-desk:us:lost-a', storage)
    opened.push(afterLoss.db)
    expect(afterLoss.wasLost).toBe(true)
  })

  it('takes a cache the app deleted itself for new, not lost', async () => {
    const storage = memoryStorage()
    const first = await openDatabase('inbox-desk:us:lost-b', storage)
    first.db.close()
    storage.setItem(FIRST_SCREEN_KEY, '{"database":"inbox-desk:us:lost-b"}')
    await deleteDatabase('inbox-desk:us:lost-b', storage)
    expect(await databaseNames()).not.toContain('inbox-desk:us:lost-b')
    // Its rows are not painted at the next start either.
    expect(storage.items.has(FIRST_SCREEN_KEY)).toBe(false)
    const fresh = await openDatabase('inbox-desk:us:lost-b', storage)
    opened.push(fresh.db)
    expect(fresh.wasLost).toBe(false)
  })

  it('ignores a corrupt list of known caches', async () => {
    const storage = memoryStorage({ 'inbox-desk:known-databases': '{not json' })
    const { db, wasLost } = await openDatabase('inbox-desk:us:lost-c', storage)
    opened.push(db)
    expect(wasLost).toBe(false)
    expect(JSON.parse(storage.items.get('inbox-desk:known-databases')!)).toEqual(['inbox-desk:us:lost-c'])
  })
})
