import type { ConversationStatus, ItemType } from '../../shared/domain/conversation'
import type { CommittedWrites, InboxDatabase } from './database'
import { conversationSearchText, mentionsEvery, TimelineTexts } from './localSearch'
import type { ConversationRow, TimelineRow } from './rows'
import { matchesFilter, type ConversationFilter } from './viewFilters'

/** What the list orders, filters and searches on, for one cached conversation. */
export interface ListedConversation {
  readonly id: string
  readonly status: ConversationStatus
  readonly sortAt: string
  readonly assigneeKey: string
  readonly network: string
  readonly itemType: ItemType
  readonly tagNames: string[]
  readonly isGone: boolean
  /** The folded text of its own fields, for local search. */
  readonly searchText: string
}

/** The first read is small (a tall screen's worth) so the top of the list shows at once; the rest streams in behind it. */
const FIRST_CHUNK = 100
/**
 * Rows per read while loading. Reading a row back from IndexedDB costs the main thread about
 * 40 µs here (2 cores), so 500 keep each read's task near 20 ms, well under a long task.
 */
const CHUNK = 500
/** Longest wait for a frame: a hidden window draws none, and loading must go on. */
const FRAME_WAIT_MS = 100
/** Up to this many changed rows are moved one by one; more are merged in one pass. */
const SPLICE_LIMIT = 32

/** Resolves once the next frame has been produced (or FRAME_WAIT_MS passed, or at once where nothing draws). */
function afterNextFrame(): Promise<void> {
  // This module also runs in Node (tests, tools), which has no frames.
  const onFrame = (globalThis as { requestAnimationFrame?: (callback: () => void) => number }).requestAnimationFrame?.bind(globalThis)
  return new Promise((resolve) => {
    if (onFrame === undefined) return resolve()
    const timer = setTimeout(resolve, FRAME_WAIT_MS)
    onFrame(() =>
      setTimeout(() => {
        clearTimeout(timer)
        resolve()
      }),
    )
  })
}

/** The list's order: newest change first, ties by id descending, as the [status+sortAt] index read backwards. */
function comesBefore(a: ListedConversation, b: ListedConversation): boolean {
  return a.sortAt > b.sortAt || (a.sortAt === b.sortAt && a.id > b.id)
}

/**
 * Every cached conversation, as the list needs it, in memory and in list order: a view, its
 * filters and a search are answered on each keystroke without reading IndexedDB, where a query
 * over 50,000 rows takes most of a second. It loads newest first in chunks, then follows every
 * committed write of its database (`onCommit`), so it never reads a whole table again. Full
 * rows are not kept: the list reads the few on screen (about 300 bytes per conversation here,
 * instead of a few kilobytes).
 */
export class ListIndex {
  private ordered: ListedConversation[] = []
  private readonly byId = new Map<string, ListedConversation>()
  private readonly timelineTexts = new TimelineTexts()
  private readonly interned = new Map<string, string>()
  private readonly listeners = new Set<() => void>()
  private readonly stopFeed: () => void
  /** Rows the feed wrote while loading: a chunk read earlier must not put their old state back. */
  private writtenWhileLoading = new Set<string>()
  /** The full rows of the first read, until loading ends: the list's first screen shows them without reading again. */
  private firstRead = new Map<string, ConversationRow>()
  private isDisposed = false
  private isLoaded = false
  private generation = 0

  constructor(private readonly db: InboxDatabase) {
    this.stopFeed = db.onCommit((writes) => this.apply(writes))
    void this.load()
  }

  /** Whether every cached conversation and timeline entry has been read. */
  get isComplete(): boolean {
    return this.isLoaded
  }

  /** A row of the first read, while loading; never newer than the cache (a later write drops it). */
  firstReadRow(id: string): ConversationRow | undefined {
    return this.firstRead.get(id)
  }

  /** Called after every change of what `query` would answer. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  dispose(): void {
    this.isDisposed = true
    this.stopFeed()
    this.listeners.clear()
  }

  /**
   * The conversations a filter shows, in list order. With search words, those whose own
   * fields, or one of whose cached timeline entries, mention every word, plus `alsoShown`
   * (what the server found for the same search).
   */
  query(filter: ConversationFilter, words: readonly string[], alsoShown: ReadonlySet<string> = new Set()): ListedConversation[] {
    const mentioned = this.timelineTexts.mentioning(words)
    const shown: ListedConversation[] = []
    for (const entry of this.ordered) {
      if (entry.isGone || !matchesFilter(entry, filter)) continue
      if (words.length > 0 && !mentionsEvery(entry.searchText, words) && !mentioned.has(entry.id) && !alsoShown.has(entry.id)) continue
      shown.push(entry)
    }
    return shown
  }

  /** The conversations assigned to `userId` that the server still has, in list order. */
  assignedTo(userId: string): ListedConversation[] {
    return this.ordered.filter((entry) => entry.assigneeKey === userId && !entry.isGone)
  }

  private async load(): Promise<void> {
    const generation = ++this.generation
    const isCurrent = () => !this.isDisposed && generation === this.generation
    try {
      await this.loadConversations(isCurrent)
      await this.loadTimelineTexts(isCurrent)
    } catch (error) {
      // Closing the database (sign-out, switching account) ends a load half-way; nobody needs it then.
      if (isCurrent()) console.error('[list] reading the cache failed', error)
      return
    }
    if (!isCurrent()) return
    this.isLoaded = true
    this.writtenWhileLoading = new Set()
    this.firstRead = new Map()
    this.notify()
  }

  /** Newest first by `sortAt`; each read repeats the last one's `sortAt`, so rows sharing it are never skipped. */
  private async loadConversations(isCurrent: () => boolean): Promise<void> {
    const isNew = (row: ConversationRow) => !this.byId.has(row.id) && !this.writtenWhileLoading.has(row.id)
    let limit = FIRST_CHUNK
    let rows = await this.db.conversations.orderBy('sortAt').reverse().limit(limit).toArray()
    this.firstRead = new Map(rows.filter(isNew).map((row) => [row.id, row]))
    while (isCurrent() && rows.length > 0) {
      const fresh = rows.filter(isNew)
      this.upsert(fresh.map((row) => this.toListed(row)))
      this.notify()
      if (rows.length < limit) return
      // The first screen is drawn from the first read; the rest waits until it is on screen.
      if (limit === FIRST_CHUNK) await afterNextFrame()
      const lastSortAt = rows.at(-1)!.sortAt
      limit = CHUNK
      if (fresh.length === 0) {
        // A whole read of rows already held (they share one sortAt): take all of those, then go below it.
        const ties = await this.db.conversations.where('sortAt').equals(lastSortAt).toArray()
        this.upsert(ties.filter(isNew).map((row) => this.toListed(row)))
        rows = await this.db.conversations.where('sortAt').below(lastSortAt).reverse().limit(limit).toArray()
      } else {
        rows = await this.db.conversations.where('sortAt').belowOrEqual(lastSortAt).reverse().limit(limit).toArray()
      }
    }
  }

  private async loadTimelineTexts(isCurrent: () => boolean): Promise<void> {
    let rows = await this.db.timeline.limit(CHUNK).toArray()
    while (isCurrent() && rows.length > 0) {
      for (const row of rows) {
        if (!this.writtenWhileLoading.has(timelineKey(row.conversationId, row.id))) this.timelineTexts.put(row)
      }
      if (rows.length < CHUNK) return
      const last = rows.at(-1)!
      rows = await this.db.timeline.where(':id').above([last.conversationId, last.id]).limit(CHUNK).toArray()
    }
  }

  private apply(writes: CommittedWrites): void {
    if (writes.rangeDeleted.has('conversations') || writes.rangeDeleted.has('timeline')) return this.reload()
    const conversations = writes.changes.get('conversations') ?? []
    const timeline = writes.changes.get('timeline') ?? []
    if (conversations.length + timeline.length === 0) return
    // The last change of a row in the transaction is the one that stands; null: deleted.
    const latest = new Map<string, ConversationRow | null>()
    for (const change of conversations) {
      if ('put' in change) latest.set((change.put as ConversationRow).id, change.put as ConversationRow)
      else latest.set(change.deletedKey as string, null)
    }
    const written = [...latest.values()].filter((row): row is ConversationRow => row !== null)
    this.remove([...latest].filter(([, row]) => row === null).map(([id]) => id))
    this.upsert(written.map((row) => this.toListed(row)))
    const touchedEntries: string[] = []
    for (const change of timeline) {
      if ('put' in change) {
        const row = change.put as TimelineRow
        this.timelineTexts.put(row)
        touchedEntries.push(timelineKey(row.conversationId, row.id))
      } else {
        const [conversationId, entryId] = change.deletedKey as [string, string]
        this.timelineTexts.delete(conversationId, entryId)
        touchedEntries.push(timelineKey(conversationId, entryId))
      }
    }
    for (const id of latest.keys()) this.firstRead.delete(id)
    if (!this.isLoaded) for (const key of [...latest.keys(), ...touchedEntries]) this.writtenWhileLoading.add(key)
    this.notify()
  }

  /** After a table was cleared: read everything again. */
  private reload(): void {
    this.ordered = []
    this.byId.clear()
    this.timelineTexts.clear()
    this.writtenWhileLoading = new Set()
    this.firstRead = new Map()
    this.isLoaded = false
    this.notify()
    void this.load()
  }

  private upsert(entries: readonly ListedConversation[]): void {
    if (entries.length === 0) return
    const moved: ListedConversation[] = []
    const replaced = new Set<ListedConversation>()
    for (const entry of new Map(entries.map((item) => [item.id, item])).values()) {
      const previous = this.byId.get(entry.id)
      this.byId.set(entry.id, entry)
      if (previous && previous.sortAt === entry.sortAt) {
        this.ordered[this.insertionPoint(previous)] = entry
      } else {
        if (previous) replaced.add(previous)
        moved.push(entry)
      }
    }
    if (moved.length === 0) return
    if (moved.length + replaced.size <= SPLICE_LIMIT) {
      for (const previous of replaced) this.ordered.splice(this.insertionPoint(previous), 1)
      for (const entry of moved) this.ordered.splice(this.insertionPoint(entry), 0, entry)
      return
    }
    const kept = replaced.size > 0 ? this.ordered.filter((entry) => !replaced.has(entry)) : this.ordered
    this.ordered = mergeOrdered(kept, moved.sort((a, b) => (comesBefore(a, b) ? -1 : 1)))
  }

  private remove(ids: readonly string[]): void {
    const gone = new Set<ListedConversation>()
    for (const id of ids) {
      const entry = this.byId.get(id)
      if (!entry) continue
      this.byId.delete(id)
      gone.add(entry)
    }
    if (gone.size === 0) return
    if (gone.size <= SPLICE_LIMIT) for (const entry of gone) this.ordered.splice(this.insertionPoint(entry), 1)
    else this.ordered = this.ordered.filter((entry) => !gone.has(entry))
  }

  /** Where `entry` goes (or is): the first position whose entry does not come before it. */
  private insertionPoint(entry: ListedConversation): number {
    let low = 0
    let high = this.ordered.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (comesBefore(this.ordered[middle]!, entry)) low = middle + 1
      else high = middle
    }
    return low
  }

  private toListed(row: ConversationRow): ListedConversation {
    return {
      id: row.id,
      status: this.intern(row.status) as ConversationStatus,
      sortAt: row.sortAt,
      assigneeKey: this.intern(row.assigneeKey),
      network: this.intern(row.network),
      itemType: this.intern(row.itemType) as ItemType,
      tagNames: row.tagNames.map((name) => this.intern(name)),
      isGone: row.isGone === true,
      searchText: conversationSearchText(row),
    }
  }

  /** Status, network, type, assignee and tag names repeat across rows: one copy of each. */
  private intern(text: string): string {
    const known = this.interned.get(text)
    if (known !== undefined) return known
    this.interned.set(text, text)
    return text
  }

  private notify(): void {
    for (const listener of this.listeners) listener()
  }
}

function timelineKey(conversationId: string, entryId: string): string {
  return `${conversationId}\u0000${entryId}`
}

function mergeOrdered(left: readonly ListedConversation[], right: readonly ListedConversation[]): ListedConversation[] {
  const merged: ListedConversation[] = new Array(left.length + right.length)
  let l = 0
  let r = 0
  let out = 0
  while (l < left.length && r < right.length) merged[out++] = comesBefore(right[r]!, left[l]!) ? right[r++]! : left[l++]!
  while (l < left.length) merged[out++] = left[l++]!
  while (r < right.length) merged[out++] = right[r++]!
  return merged
}
