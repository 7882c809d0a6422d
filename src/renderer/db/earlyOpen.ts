import Dexie from 'dexie'
import { forgetFirstScreen, LAST_DATABASE_KEY, type KeyValueStore } from '../boot/firstScreenStorage'
import { openInboxDatabase, type InboxDatabase } from './database'

/** Every cache this app has created on this computer and not deleted itself, by name. */
const KNOWN_DATABASES_KEY = 'inbox-desk:known-databases'

/** Written into every cache once: a cache without it was made by this very open. */
const BIRTH_KEY = 'cacheCreatedAt'

interface Opened {
  db: InboxDatabase
  /** Created by this open: there was no such database, or the browser had dropped it. */
  isNew: boolean
}

interface EarlyDatabase {
  name: string
  opened: Promise<Opened | null>
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
  const opened = Dexie.exists(name).then((exists) => (exists ? openTracked(name) : null))
  early = { name, opened: opened.catch(() => null) }
}

async function openTracked(name: string): Promise<Opened> {
  const db = openInboxDatabase(name)
  try {
    await db.open()
    // A read on every start; the write only once in a cache's life.
    const isNew = (await db.syncState.get(BIRTH_KEY)) === undefined
    if (isNew) await db.syncState.put({ key: BIRTH_KEY, value: new Date().toISOString() })
    return { db, isNew }
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Waits before each further try to open. After a crash or a forced quit, Chromium can refuse the
 * backing store for a moment ("Internal error opening backing store"); a later try usually works.
 */
export const OPEN_RETRY_DELAYS_MS: readonly number[] = [250, 1_000, 3_000]

/** Failures that may pass on their own; a schema this app cannot read, for instance, will not. */
const TRANSIENT_OPEN_FAILURES: ReadonlySet<string> = new Set(['UnknownError', 'AbortError', 'TimeoutError'])

function isTransientOpenFailure(error: unknown): boolean {
  const named = error as { name?: unknown; inner?: { name?: unknown } } | null
  return [named?.name, named?.inner?.name].some((name) => typeof name === 'string' && TRANSIENT_OPEN_FAILURES.has(name))
}

/** Runs `attempt` until it succeeds, fails for good, or the delays run out; the last error is thrown. */
export async function openWithRetries<Value>(
  attempt: () => Promise<Value>,
  delaysMs: readonly number[] = OPEN_RETRY_DELAYS_MS,
  wait: (delayMs: number) => Promise<void> = (delayMs) => new Promise((resolve) => setTimeout(resolve, delayMs)),
): Promise<Value> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt()
    } catch (error) {
      const delayMs = delaysMs[retry]
      if (delayMs === undefined || !isTransientOpenFailure(error)) throw error
      await wait(delayMs)
    }
  }
}

/**
 * The database of that name, opened: the early one when it is the same, otherwise a fresh one.
 * `wasLost` says the browser no longer had a cache this app had made and never deleted: Chromium
 * drops an origin's whole IndexedDB when it finds it damaged, as a crash mid-write can leave it,
 * and whatever the outbox held went with it.
 */
export async function openDatabase(
  name: string,
  storage: KeyValueStore,
  retryDelaysMs: readonly number[] = OPEN_RETRY_DELAYS_MS,
): Promise<{ db: InboxDatabase; wasLost: boolean }> {
  const waiting = early
  early = null
  const earlyOpened = waiting ? await waiting.opened : null
  let opened: Opened
  if (earlyOpened && waiting?.name === name && earlyOpened.db.isOpen()) {
    opened = earlyOpened
  } else {
    earlyOpened?.db.close()
    opened = await openWithRetries(() => openTracked(name), retryDelaysMs)
  }
  const known = knownDatabases(storage)
  storage.setItem(LAST_DATABASE_KEY, name)
  if (!known.includes(name)) storage.setItem(KNOWN_DATABASES_KEY, JSON.stringify([...known, name]))
  return { db: opened.db, wasLost: opened.isNew && known.includes(name) }
}

/**
 * Deletes a cache on purpose, so that opening it again later is not taken for a loss; the copy
 * of the first screen (boot/firstScreen.ts) goes with it.
 */
export async function deleteDatabase(name: string, storage: KeyValueStore): Promise<void> {
  forgetFirstScreen(storage)
  storage.setItem(KNOWN_DATABASES_KEY, JSON.stringify(knownDatabases(storage).filter((known) => known !== name)))
  await Dexie.delete(name)
}

function knownDatabases(storage: Pick<KeyValueStore, 'getItem'>): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KNOWN_DATABASES_KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === 'string') : []
  } catch {
    return []
  }
}
