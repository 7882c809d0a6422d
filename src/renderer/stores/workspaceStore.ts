import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Session } from '../../shared/domain/session'
import type { Result } from '../../shared/result'
import { cacheNameOf } from '../components/settings/accountCache'
import { useLiveQuery } from '../composables/useLiveQuery'
import { createCannedSearch } from '../conversation/cannedSearch'
import type { InboxDatabase } from '../db/database'
import type { CannedResponseRow, UserRow } from '../db/rows'
import { deleteDatabase, openDatabase } from '../db/earlyOpen'
import { toConversationQuery, type ConversationFilter } from '../db/viewFilters'
import { useIpc } from '../ipc'
import { observeIpc } from '../ipc/observed'
import { INITIAL_CONNECTIVITY, nextConnectivity, type ConnectivityEvent, type ConnectivityState } from '../sync/connectivity'
import { discard, resend, undo } from '../sync/outbox/actions'
import { OutboxEngine, systemClock, type OutboxSignal } from '../sync/outbox/engine'
import { enqueue } from '../sync/outbox/enqueue'
import type { OutboxEntry } from '../sync/outbox/entry'
import type { Operation } from '../sync/outbox/operations'
import { ingestConversations } from '../sync/pull/conversationSync'
import { createIpcRemote, type SyncRemote } from '../sync/remote'
import { SyncService, type RefreshReason } from '../sync/syncService'
import { inboxStrings } from '../strings/inbox'
import { useToastStore } from './toastStore'

function describeError(error: unknown): string {
  const inner = (error as { inner?: unknown } | null)?.inner
  const cause = inner instanceof Error ? inner : error
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
}

export const DEFAULT_UNDO_WINDOW_MS = 5_000
const PROBE_INTERVAL_MS = 15_000
const SERVER_SEARCH_LIMIT = 100

/** Runs once the page is idle after startup (at most a second later); at once where idleness cannot be told. */
function afterStartup(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 1_000 })
  else queueMicrotask(callback)
}

/**
 * The signed-in account's working set: its IndexedDB cache, the outbox engine that sends
 * what the agent queues, the sync service that keeps the cache fresh, and the connection
 * state the status bar shows. Views read the database through live queries and act through
 * `queue`; nothing here talks HTTP.
 */
export const useWorkspaceStore = defineStore('workspace', () => {
  const db = shallowRef<InboxDatabase | null>(null)
  const session = shallowRef<Session | null>(null)
  const connectivity = ref<ConnectivityState>(INITIAL_CONNECTIVITY)
  const isRefreshing = ref(false)
  const lastSyncAt = ref<number | null>(null)
  const undoWindowMs = ref(DEFAULT_UNDO_WINDOW_MS)
  /** The newest entry the agent can still take back with `z`. */
  const lastUndoable = ref<{ entryId: string; until: number } | null>(null)
  /** Why the account's cache did not open (after the retries); null while it is open or opening. */
  const cacheError = ref<string | null>(null)
  let engine: OutboxEngine | null = null
  let sync: SyncService | null = null
  let remote: SyncRemote | null = null
  let stopListening: (() => void) | null = null

  const meId = computed(() => session.value?.user.id ?? null)
  /**
   * The account's users by id, kept current from the cache: one read shared by the list and
   * every conversation opened, which would otherwise each read the table and draw again.
   */
  const users = useLiveQuery(
    () => db.value,
    async (current) => new Map<string, UserRow>(((await current?.users.toArray()) ?? []).map((user) => [user.id, user])),
    new Map<string, UserRow>(),
  )
  /**
   * The canned responses and their search, kept in memory from the cache: the composer's `/` and
   * the `c` picker answer the first keystroke, instead of waiting on a read each time one opens.
   */
  const cannedResponses = useLiveQuery(() => db.value, (current) => current?.cannedResponses.toArray() ?? [], [] as CannedResponseRow[])
  const cannedSearch = computed(() => createCannedSearch(cannedResponses.value))

  function report(event: ConnectivityEvent): void {
    const wasOnline = connectivity.value.kind === 'online'
    const next = nextConnectivity(connectivity.value, event)
    connectivity.value = next
    if (!wasOnline && next.kind === 'online') void onReconnect()
  }

  async function open(next: Session): Promise<void> {
    await close()
    session.value = next
    cacheError.value = null
    let database: InboxDatabase
    try {
      const opened = await openDatabase(cacheNameOf(next), window.localStorage)
      database = opened.db
      if (opened.wasLost) useToastStore().show(inboxStrings.cacheLost, { tone: 'error', isSticky: true })
    } catch (error) {
      if (session.value === next) cacheError.value = describeError(error)
      return
    }
    if (session.value !== next) {
      database.close()
      return
    }
    db.value = database
    const ipc = observeIpc(useIpc(), (outcome) =>
      report(outcome.ok ? { type: 'answered' } : { type: 'failed', error: outcome.error, at: systemClock.now() }),
    )
    remote = createIpcRemote(ipc)
    engine = new OutboxEngine({ db: database, remote, clock: systemClock, random: Math.random, meId: () => meId.value, onSignal })
    sync = new SyncService({
      db: database,
      remote,
      clock: systemClock,
      onRefreshing: (value) => {
        isRefreshing.value = value
        if (!value) lastSyncAt.value = systemClock.now()
      },
    })
    stopListening = listenToWindow()
    report({ type: 'signedIn' })
    await engine.start()
    // The first refresh waits for a quiet moment, so the cached list paints before it starts.
    const starting = sync
    afterStartup(() => {
      if (sync === starting) void starting.start()
    })
  }

  /** Tries the account's cache again, after an open that failed. */
  async function reopen(): Promise<void> {
    const current = session.value
    if (current) await open(current)
  }

  /**
   * Deletes the account's cache and starts a fresh one, filled again from Oktopost: asked for in
   * Settings, or when the cache would not open. Whatever the outbox held in it is lost: the agent
   * was told so before. False when it failed; `cacheError` then says why.
   */
  async function rebuildCache(): Promise<boolean> {
    const current = session.value
    if (!current) return false
    await close()
    try {
      await deleteDatabase(cacheNameOf(current), window.localStorage)
    } catch (error) {
      session.value = current
      cacheError.value = describeError(error)
      return false
    }
    await open(current)
    return cacheError.value === null
  }

  async function close(): Promise<void> {
    cacheError.value = null
    stopListening?.()
    stopListening = null
    sync?.stop()
    await engine?.stop()
    db.value?.close()
    engine = null
    sync = null
    remote = null
    db.value = null
    session.value = null
  }

  function onSignal(signal: OutboxSignal): void {
    if (signal.type === 'rateLimited') report({ type: 'failed', error: { kind: 'rateLimited', message: '', retryAfterMs: signal.until - systemClock.now() }, at: systemClock.now() })
  }

  async function onReconnect(): Promise<void> {
    await engine?.retryNow()
    await sync?.refresh('reconnect')
  }

  /** Focus, online and a probe loop while offline; `navigator.onLine` alone decides nothing. */
  function listenToWindow(): () => void {
    const onFocus = () => void sync?.refresh('focus')
    const onOffline = () => report({ type: 'browserOffline', at: systemClock.now() })
    const onOnline = () => void probe()
    window.addEventListener('focus', onFocus)
    window.addEventListener('offline', onOffline)
    window.addEventListener('online', onOnline)
    const timer = window.setInterval(() => {
      report({ type: 'tick', at: systemClock.now() })
      if (connectivity.value.kind === 'offline') void probe()
    }, PROBE_INTERVAL_MS)
    return () => {
      window.removeEventListener('focus', onFocus)
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
      window.clearInterval(timer)
    }
  }

  async function probe(): Promise<void> {
    const result = await useIpc().invoke('connectivity:probe', {})
    report({ type: 'probe', isReachable: result.ok && result.value.isReachable, at: systemClock.now() })
  }

  function requireDb(): InboxDatabase {
    if (!db.value) throw new Error('No account is open')
    return db.value
  }

  /** Queues a change; invalid input is refused with field messages and nothing is written. */
  async function queue(operation: Operation): Promise<Result<OutboxEntry>> {
    const result = await enqueue(requireDb(), plain(operation), {
      now: systemClock.now(),
      newId: () => crypto.randomUUID(),
      meId: meId.value,
      isOffline: connectivity.value.kind === 'offline',
      undoWindowMs: undoWindowMs.value,
    })
    if (result.ok) {
      const undoUntil = result.value.sendAfter > result.value.createdAt ? result.value.sendAfter : systemClock.now() + undoWindowMs.value
      lastUndoable.value = { entryId: result.value.id, until: undoUntil }
      engine?.kick()
    }
    return result
  }

  /** Takes back the last change if it has not left yet. */
  async function undoLast(): Promise<boolean> {
    const last = lastUndoable.value
    if (!last || systemClock.now() > last.until) return false
    const isUndone = await undo(requireDb(), last.entryId, systemClock.now())
    lastUndoable.value = null
    return isUndone
  }

  async function discardEntry(entryId: string): Promise<boolean> {
    return discard(requireDb(), entryId)
  }

  async function resendEntry(entryId: string, edited?: Operation): Promise<Result<OutboxEntry>> {
    const result = await resend(requireDb(), entryId, systemClock.now(), edited && plain(edited))
    if (result.ok) engine?.kick()
    return result
  }

  function setView(filter: ConversationFilter): Promise<void> {
    return sync?.setView(filter) ?? Promise.resolve()
  }

  function openConversation(conversationId: string | null): Promise<void> {
    return sync?.openConversation(conversationId) ?? Promise.resolve()
  }

  async function loadOlder(conversationId: string): Promise<void> {
    await sync?.loadOlder(conversationId)
  }

  /** Asks Oktopost too (`q`), caches what it finds, and answers the ids that matched. */
  async function searchServer(filter: ConversationFilter, query: string): Promise<string[]> {
    if (!remote || !db.value || connectivity.value.kind !== 'online') return []
    const result = await remote.listConversations({ ...toConversationQuery(filter), search: query, count: SERVER_SEARCH_LIMIT }, 'user')
    if (!result.ok) return []
    await ingestConversations(db.value, result.value.items)
    return result.value.items.map((conversation) => conversation.id)
  }

  function refresh(reason: RefreshReason = 'manual'): Promise<void> {
    return sync?.refresh(reason) ?? Promise.resolve()
  }

  async function resumeAfterSignIn(): Promise<void> {
    report({ type: 'signedIn' })
    await engine?.resumeAfterSignIn()
  }

  return {
    db,
    session,
    meId,
    users,
    cannedSearch,
    connectivity,
    isRefreshing,
    lastSyncAt,
    undoWindowMs,
    lastUndoable,
    cacheError,
    open,
    reopen,
    rebuildCache,
    close,
    queue,
    undoLast,
    discardEntry,
    resendEntry,
    setView,
    openConversation,
    loadOlder,
    refresh,
    searchServer,
    resumeAfterSignIn,
  }
})

/**
 * Operations often carry arrays straight from reactive state; IndexedDB cannot clone Vue's
 * proxies, so what is queued is always a plain copy (operations are JSON data).
 */
function plain(operation: Operation): Operation {
  return JSON.parse(JSON.stringify(operation)) as Operation
}
