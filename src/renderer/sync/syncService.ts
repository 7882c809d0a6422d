import type { Lane } from '../../shared/ipc/contract'
import type { InboxDatabase } from '../db/database'
import type { ConversationFilter } from '../db/viewFilters'
import type { Clock } from './outbox/engine'
import { refreshView } from './pull/conversationSync'
import { refreshReferenceData } from './pull/referenceSync'
import { loadOlderTimeline, refreshTimeline, type ReadTimeline } from './pull/timelineSync'
import type { SyncRemote } from './remote'
import { yieldToBrowser, type Yield } from './yieldToBrowser'

export type RefreshReason = 'start' | 'reconnect' | 'focus' | 'interval' | 'manual'

export interface SyncServiceOptions {
  db: InboxDatabase
  remote: SyncRemote
  clock: Clock
  yieldNow?: Yield
  /** How many of the newest open conversations keep their timeline cached for offline reading. */
  prefetchCount?: number
  intervalMs?: number
  referenceMaxAgeMs?: number
  /** A prefetched timeline younger than this is not read again. */
  timelineMaxAgeMs?: number
  onRefreshing?: (isRefreshing: boolean) => void
}

const DEFAULTS = {
  prefetchCount: 30,
  intervalMs: 60_000,
  referenceMaxAgeMs: 15 * 60_000,
  timelineMaxAgeMs: 5 * 60_000,
}

/**
 * Pull: keeps the cache fresh. On start, reconnect, focus and an interval it refreshes the
 * current view, the open conversation's timeline, and the timelines of the newest open
 * conversations; reference data less often. The agent's own reads use the user lane, the
 * rest waits behind them in main's rate limiter.
 */
export class SyncService {
  private filter: ConversationFilter | null = null
  private openConversationId: string | null = null
  private referenceRefreshedAt = Number.NEGATIVE_INFINITY
  private cancelInterval: (() => void) | null = null
  private running: Promise<void> | null = null
  private isStarted = false
  private readonly settings: typeof DEFAULTS

  constructor(private readonly options: SyncServiceOptions) {
    this.settings = { ...DEFAULTS, ...withoutUndefined(options) }
  }

  start(): Promise<void> {
    this.isStarted = true
    this.scheduleInterval()
    return this.refresh('start')
  }

  stop(): void {
    this.cancelInterval?.()
    this.cancelInterval = null
  }

  setView(filter: ConversationFilter): Promise<void> {
    this.filter = filter
    // Before start, the first refresh reads this view: the app starts it once the cached list is on screen.
    if (!this.isStarted) return Promise.resolve()
    return this.refreshViewOnly('user').catch(ignoreClosedDatabase)
  }

  async openConversation(conversationId: string | null): Promise<void> {
    this.openConversationId = conversationId
    if (conversationId !== null) await refreshTimeline(this.options.db, this.readTimeline('user'), conversationId, this.options.clock.now())
  }

  loadOlder(conversationId: string) {
    return loadOlderTimeline(this.options.db, this.readTimeline('user'), conversationId, this.options.clock.now())
  }

  /** One refresh at a time; a request while one runs joins it. */
  refresh(reason: RefreshReason): Promise<void> {
    this.running ??= this.runRefresh(reason).catch(ignoreClosedDatabase).finally(() => {
      this.running = null
      this.options.onRefreshing?.(false)
    })
    return this.running
  }

  private async runRefresh(reason: RefreshReason): Promise<void> {
    this.options.onRefreshing?.(true)
    const lane: Lane = reason === 'interval' ? 'background' : 'user'
    const now = this.options.clock.now()
    // People and tags first: the list and the header name assignees with them.
    if (reason === 'start' || reason === 'manual' || now - this.referenceRefreshedAt >= this.settings.referenceMaxAgeMs) {
      const reference = await refreshReferenceData(this.options.db, this.options.remote, reason === 'interval' ? 'background' : 'user')
      if (reference.ok) this.referenceRefreshedAt = now
    }
    await this.refreshViewOnly(lane)
    if (this.openConversationId !== null) {
      await refreshTimeline(this.options.db, this.readTimeline(lane), this.openConversationId, this.options.clock.now())
    }
    await this.prefetchTimelines()
  }

  private async refreshViewOnly(lane: Lane): Promise<void> {
    if (this.filter === null) return
    await refreshView(this.options.db, this.options.remote, this.filter, lane, this.options.yieldNow ?? yieldToBrowser)
  }

  /** The newest open conversations, so they can be read offline. Stops at the first failure. */
  private async prefetchTimelines(): Promise<void> {
    const { db, clock } = this.options
    const newest = await db.conversations
      .where('[status+sortAt]')
      .between(['open', ''], ['open', '\uffff'])
      .reverse()
      .limit(this.settings.prefetchCount)
      .primaryKeys()
    const cursors = await db.timelineCursors.bulkGet(newest)
    for (const [index, conversationId] of newest.entries()) {
      const refreshedAt = cursors[index]?.refreshedAt ?? Number.NEGATIVE_INFINITY
      if (clock.now() - refreshedAt < this.settings.timelineMaxAgeMs) continue
      const result = await refreshTimeline(db, this.readTimeline('background'), conversationId, clock.now())
      if (!result.ok) return
    }
  }

  private readTimeline(lane: Lane): ReadTimeline {
    return (conversationId, lastLoadedId) => this.options.remote.timelinePage(conversationId, lastLoadedId, lane)
  }

  private scheduleInterval(): void {
    this.cancelInterval = this.options.clock.schedule(() => {
      void this.refresh('interval').finally(() => {
        if (this.cancelInterval !== null) this.scheduleInterval()
      })
    }, this.settings.intervalMs)
  }
}

/**
 * Closing the account's database (signing out, switching account, clearing the cache) ends a
 * refresh midway; that is not a failure, and nothing is lost: the next account starts its own.
 */
function ignoreClosedDatabase(error: unknown): void {
  if ((error as { name?: unknown } | null)?.name !== 'DatabaseClosedError') throw error
}

function withoutUndefined(options: SyncServiceOptions): Partial<typeof DEFAULTS> {
  return Object.fromEntries(
    Object.entries({
      prefetchCount: options.prefetchCount,
      intervalMs: options.intervalMs,
      referenceMaxAgeMs: options.referenceMaxAgeMs,
      timelineMaxAgeMs: options.timelineMaxAgeMs,
    }).filter(([, value]) => value !== undefined),
  )
}
