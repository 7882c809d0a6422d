import Dexie from 'dexie'
import { openInboxDatabase, type InboxDatabase } from './database'

const LAST_DATABASE_KEY = 'inbox-desk:last-database'

/** Where the name is remembered: the page's localStorage. */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

interface EarlyDatabase {
  name: string
  opened: Promise<InboxDatabase | null>
}

let early: EarlyDatabase | null = null

/**
 * Starts opening the database the app used last, while the page is still asking main who is
 * signed in: opening IndexedDB from disk takes about as long as that answer, and the list's
 * first screen waits for both. A database that no longer exists (its cache was deleted) is
 * never created again here. The name says whose cache it is, never a secret.
 */
export function openLastDatabaseEarly(storage: Pick<KeyValueStore, 'getItem'>): void {
  const name = storage.getItem(LAST_DATABASE_KEY)
  if (!name) return
  const opened = Dexie.exists(name).then(async (exists) => {
    if (!exists) return null
    const db = openInboxDatabase(name)
    await db.open()
    return db
  })
  early = { name, opened: opened.catch(() => null) }
}

/** The database of that name, opened: the early one when it is the same, otherwise a fresh one. */
export async function openDatabase(name: string, storage: Pick<KeyValueStore, 'setItem'>): Promise<InboxDatabase> {
  const waiting = early
  early = null
  const earlyDb = waiting ? await waiting.opened : null
  let db: InboxDatabase
  if (earlyDb && waiting?.name === name && earlyDb.isOpen()) {
    db = earlyDb
  } else {
    earlyDb?.close()
    db = openInboxDatabase(name)
    await db.open()
  }
  storage.setItem(LAST_DATABASE_KEY, name)
  return db
}
