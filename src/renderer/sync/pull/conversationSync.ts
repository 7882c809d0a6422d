import type { Conversation } from '../../../shared/domain/conversation'
import type { Lane } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/result'
import type { InboxDatabase } from '../../db/database'
import { toConversationRow, type ConversationRow } from '../../db/rows'
import { matchesFilter, toConversationQuery, type ConversationFilter } from '../../db/viewFilters'
import type { SyncRemote } from '../remote'
import { yieldToBrowser, type Yield } from '../yieldToBrowser'
import { lastOfEachInIdOrder } from './idOrder'
import { pendingOverlays } from './pendingOverlay'

/**
 * Rows per transaction: each is written whole or not at all. Every commit costs IndexedDB time
 * of its own: chunks of 2,000 write a large answer about a tenth faster than chunks of 500 (the
 * rate against a bare bulkPut went from 0.84 to 0.93 at 50,000), and a refresh (at most 500) is
 * one chunk either way. The thread is handed back per batch, not per chunk.
 */
export const INGEST_CHUNK = 2_000
/**
 * Rows made and handed to IndexedDB per task. Handing one over costs this thread about 60 µs
 * (2 cores), so a batch takes about 8 ms and a chunk never holds the thread in one long task.
 */
const WRITE_BATCH = 125

/**
 * Writes conversations into the cache in chunks, keeping what only the cache knows (snippet,
 * when it was last opened, tags the list answer leaves out). Chunks run in id order, and only
 * the rows the cache holds are read back: a new conversation has nothing to keep, and reading
 * back costs as much as a fifth of the write.
 */
export async function ingestConversations(
  db: InboxDatabase,
  conversations: readonly Conversation[],
  yieldNow: Yield = yieldToBrowser,
): Promise<void> {
  const ordered = await lastOfEachInIdOrder(conversations, yieldNow)
  for (let start = 0; start < ordered.length; start += INGEST_CHUNK) {
    const chunk = ordered.slice(start, start + INGEST_CHUNK)
    await db.transaction('rw', db.conversations, db.outbox, async () => {
      const ids = chunk.map((conversation) => conversation.id)
      const [held, overlays] = await Promise.all([heldRows(db, ids), pendingOverlays(db, ids)])
      await putInBatches(db, chunk, (conversation) => {
        const overlay = overlays.get(conversation.id)
        return toConversationRow(overlay ? { ...conversation, ...overlay } : conversation, held.get(conversation.id))
      })
    })
    if (start + INGEST_CHUNK < ordered.length) await yieldNow()
  }
}

/**
 * The cached rows among `ids` (ascending). One key-only read of their id range says which the
 * cache holds when few others lie in it (a first sync, a cache filling up); only those are read.
 * Where the range is crowded, every one is read.
 */
async function heldRows(db: InboxDatabase, ids: string[]): Promise<Map<string, ConversationRow>> {
  const limit = ids.length * 2
  const inRange = await db.conversations.where(':id').between(ids[0], ids[ids.length - 1], true, true).limit(limit).primaryKeys()
  const isWhole = inRange.length < limit
  const cachedIds = new Set(inRange)
  const toRead = isWhole ? ids.filter((id) => cachedIds.has(id)) : ids
  if (toRead.length === 0) return new Map()
  const rows = await db.conversations.bulkGet(toRead)
  return new Map(rows.filter((row): row is ConversationRow => row !== undefined).map((row) => [row.id, row]))
}

/**
 * Writes the rows of `chunk` WRITE_BATCH at a time. Each batch is handed over, then the one
 * before it is awaited: IndexedDB always has the newest batch queued while this thread makes the
 * next, and as the one before can only finish in a later task, each batch is made in a task of
 * its own and the thread is never held for the whole chunk.
 */
async function putInBatches(db: InboxDatabase, chunk: readonly Conversation[], toRow: (conversation: Conversation) => ConversationRow): Promise<void> {
  const writes: Promise<unknown>[] = []
  try {
    for (let start = 0; start < chunk.length; start += WRITE_BATCH) {
      writes.push(db.conversations.bulkPut(chunk.slice(start, start + WRITE_BATCH).map(toRow)))
      if (writes.length >= 2) await writes[writes.length - 2]
    }
    await Promise.all(writes)
  } finally {
    // A failed batch aborts the transaction and the batch queued behind it: that failure is handled here too.
    await Promise.allSettled(writes)
  }
}

export interface ViewRefresh {
  fetched: number
  /** Cached rows that left the view on the server (closed, reassigned, deleted elsewhere). */
  changedElsewhere: string[]
}

/** How many pages of a view a refresh reads; the rest of a long list is read on demand. */
export const MAX_VIEW_PAGES = 5
export const VIEW_PAGE_SIZE = 100
/** How many departed rows are re-read one by one after a refresh; beyond it they wait for the next. */
const MAX_RECHECKS = 25

/**
 * Refreshes one view from the API. When the whole view was read, cached rows that match the
 * view locally but were not in the answer changed elsewhere: each is re-read, and one the
 * server no longer has is marked gone instead of silently disappearing.
 */
export async function refreshView(
  db: InboxDatabase,
  remote: SyncRemote,
  filter: ConversationFilter,
  lane: Lane,
  yieldNow: Yield = yieldToBrowser,
): Promise<Result<ViewRefresh>> {
  const query = toConversationQuery(filter)
  const fetched: Conversation[] = []
  let total = 0
  for (let page = 0; page < MAX_VIEW_PAGES; page++) {
    const result = await remote.listConversations({ ...query, page, count: VIEW_PAGE_SIZE }, lane)
    if (!result.ok) return result
    fetched.push(...result.value.items)
    total = result.value.total
    if (result.value.items.length < VIEW_PAGE_SIZE || fetched.length >= total) break
  }
  await ingestConversations(db, fetched, yieldNow)
  const isComplete = fetched.length >= total
  const changedElsewhere = isComplete && !filter.search ? await departedRows(db, filter, new Set(fetched.map((c) => c.id))) : []
  for (const conversationId of changedElsewhere.slice(0, MAX_RECHECKS)) {
    const current = await remote.getConversation(conversationId, lane)
    if (current.ok) await ingestConversations(db, [current.value], yieldNow)
    else if (current.error.kind === 'notFound') await db.conversations.update(conversationId, { isGone: true })
  }
  return { ok: true, value: { fetched: fetched.length, changedElsewhere } }
}

async function departedRows(db: InboxDatabase, filter: ConversationFilter, seen: ReadonlySet<string>): Promise<string[]> {
  const unseen = (await candidateIds(db, filter)).filter((id) => !seen.has(id))
  const rows = await db.conversations.bulkGet(unseen)
  return rows.filter((row): row is ConversationRow => row !== undefined && !row.isGone && matchesFilter(row, filter)).map((row) => row.id)
}

/**
 * Ids that may match the filter, from its status and assignee indexes, keys only: full rows
 * are read just for the few the refresh did not see, never for the whole cache.
 */
async function candidateIds(db: InboxDatabase, filter: ConversationFilter): Promise<string[]> {
  const byIndex = (index: '[status+sortAt]' | '[assigneeKey+sortAt]', value: string) =>
    db.conversations.where(index).between([value, ''], [value, '\uffff']).primaryKeys()
  const narrowing: Promise<string[]>[] = []
  if (filter.statuses?.length === 1) narrowing.push(byIndex('[status+sortAt]', filter.statuses[0]!))
  if (filter.assigneeIds) narrowing.push(Promise.all(filter.assigneeIds.map((id) => byIndex('[assigneeKey+sortAt]', id))).then((ids) => ids.flat()))
  if (narrowing.length === 0) return db.conversations.toCollection().primaryKeys()
  const [first, ...others] = await Promise.all(narrowing)
  const otherSets = others.map((ids) => new Set(ids))
  return first!.filter((id) => otherSets.every((set) => set.has(id)))
}
