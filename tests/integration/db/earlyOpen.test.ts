import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { openInboxDatabase, type InboxDatabase } from '../../../src/renderer/db/database'
import { openDatabase, openLastDatabaseEarly } from '../../../src/renderer/db/earlyOpen'

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial))
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values }
}

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
    const db = await openDatabase('inbox-desk:us:early-a', storage)
    opened.push(db)
    expect(db.isOpen()).toBe(true)
    expect(await db.syncState.get('marker')).toMatchObject({ value: 'inbox-desk:us:early-a' })
  })

  it('opens the signed-in account’s database instead when another was remembered, and remembers it', async () => {
    await existingDatabase('inbox-desk:us:early-b')
    const storage = memoryStorage({ 'inbox-desk:last-database': 'inbox-desk:us:early-b' })
    openLastDatabaseEarly(storage)
    const db = await openDatabase('inbox-desk:eu:early-c', storage)
    opened.push(db)
    expect(db.name).toBe('inbox-desk:eu:early-c')
    expect(db.isOpen()).toBe(true)
    expect(storage.values.get('inbox-desk:last-database')).toBe('inbox-desk:eu:early-c')
  })

  it('never creates again a database whose cache was deleted', async () => {
    const storage = memoryStorage({ 'inbox-desk:last-database': 'inbox-desk:us:deleted' })
    openLastDatabaseEarly(storage)
    opened.push(await openDatabase('inbox-desk:us:early-d', storage))
    expect(await databaseNames()).not.toContain('inbox-desk:us:deleted')
  })

  it('opens normally with nothing remembered', async () => {
    const storage = memoryStorage()
    openLastDatabaseEarly(storage)
    const db = await openDatabase('inbox-desk:us:early-e', storage)
    opened.push(db)
    expect(db.isOpen()).toBe(true)
    expect(storage.values.get('inbox-desk:last-database')).toBe('inbox-desk:us:early-e')
  })
})
