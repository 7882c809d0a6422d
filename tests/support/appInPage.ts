import type { Page } from 'playwright-core'
import { OPEN_RETRY_DELAYS_MS } from '../../src/renderer/db/earlyOpen'

/** What the app keeps in the browser, read back by end-to-end tests from inside a page on its origin. */

const TOKEN_META = 'meta[name="inbox-desk-bridge-token"]'

/**
 * Calls main's handler table the way the page's own bridge client does: with the per-run token
 * the preview writes into the pages it serves (read from the page it is given, or from the
 * preview's own page when that one is not the app), from the page's own origin.
 */
export function invokeInPage(page: Page, channel: string, payload: unknown = {}): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  return page.evaluate(
    async ({ channel, payload, tokenMeta }) => {
      const servedToken = async () => {
        const served = new DOMParser().parseFromString(await (await fetch('/')).text(), 'text/html')
        return served.querySelector<HTMLMetaElement>(tokenMeta)?.content ?? ''
      }
      const token = document.querySelector<HTMLMetaElement>(tokenMeta)?.content ?? (await servedToken())
      const response = await fetch('/__bridge/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-inbox-desk-token': token },
        body: JSON.stringify({ channel, payload }),
      })
      return response.json()
    },
    { channel, payload, tokenMeta: TOKEN_META },
  )
}

/** The app's IndexedDB databases on the page's origin: one per account with a cache here. */
export function inboxDatabaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name ?? '').filter((name) => name.startsWith('inbox-desk:')))
}

/** An account's cache as IndexedDB holds it, read without the app's code. */
export interface CacheSnapshot {
  name: string
  /** IndexedDB's own version number (Dexie stores its schema version times ten). */
  version: number
  stores: string[]
  /** The fields of each cached conversation that the list orders and filters on. */
  conversations: { id: unknown; status: unknown; sortAt: unknown; network: unknown; tagNames: unknown }[]
  outbox: unknown[]
}

/**
 * Opens the app's only cache on the page's origin with plain IndexedDB, reads it and closes it
 * again: what a restarted app would find, checked before the app itself runs. Null when there
 * is none (yet, or any more); an error when the database does not open.
 */
export function readInboxCache(page: Page): Promise<CacheSnapshot | null> {
  return page.evaluate(async (openRetryDelaysMs) => {
    const names = (await indexedDB.databases()).map((database) => database.name ?? '').filter((name) => name.startsWith('inbox-desk:'))
    if (names.length > 1) throw new Error(`More than one cache here: ${names.join(', ')}`)
    const name = names[0]
    if (name === undefined) return null
    const request = <T>(started: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        started.onsuccess = () => resolve(started.result)
        started.onerror = () => reject(started.error)
      })
    // Never creates a database: an upgrade here means Chromium had dropped the store (as it does
    // with one it found torn), so the open is aborted and there is no cache.
    const openExisting = () =>
      new Promise<IDBDatabase | null>((resolve, reject) => {
        const started = indexedDB.open(name)
        let isGone = false
        started.onupgradeneeded = () => {
          isGone = true
          started.transaction?.abort()
        }
        started.onsuccess = () => resolve(started.result)
        started.onerror = () => (isGone ? resolve(null) : reject(started.error))
      })
    // Chromium may refuse the backing store for a moment after a kill; the app then waits and
    // tries again, and so does this, with the same delays.
    const open = async (): Promise<IDBDatabase | null> => {
      for (let retry = 0; ; retry += 1) {
        try {
          return await openExisting()
        } catch (error) {
          const delayMs = openRetryDelaysMs[retry]
          if (delayMs === undefined || (error as DOMException | null)?.name !== 'UnknownError') throw error
          await new Promise((resolve) => setTimeout(resolve, delayMs))
        }
      }
    }
    const db = await open()
    if (db === null) return null
    try {
      const all = (store: string) => request(db.transaction(store, 'readonly').objectStore(store).getAll())
      const conversations = (await all('conversations')) as Record<string, unknown>[]
      return {
        name,
        version: db.version,
        stores: [...db.objectStoreNames],
        conversations: conversations.map(({ id, status, sortAt, network, tagNames }) => ({ id, status, sortAt, network, tagNames })),
        outbox: await all('outbox'),
      }
    } finally {
      db.close()
    }
  }, OPEN_RETRY_DELAYS_MS)
}

/**
 * Chromium's answer when it will not open an origin's IndexedDB at all: after a kill in the middle
 * of a commit it can find LevelDB's log torn ("Corruption: checksum mismatch") and give up on the
 * whole store, deleting it at its next start.
 */
export function isBackingStoreRefusal(error: unknown): boolean {
  return error instanceof Error && error.message.includes('Internal error opening backing store')
}
