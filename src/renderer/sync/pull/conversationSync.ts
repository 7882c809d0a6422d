import type { Conversation } from '../../../shared/domain/conversation'
import type { Lane } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/result'
import type { InboxDatabase } from '../../db/database'
import { toConversationRow, type ConversationRow } from '../../db/rows'
import { matchesFilter, toConversationQuery, type ConversationFilter } from '../../db/viewFilters'
import type { SyncRemote } from '../remote'
import { pendingOverlays } from './pendingOverlay'

/** Rows per transaction: small enough that one write never holds the UI thread for long. */
export const INGEST_CHUNK = 500

export type Yield = () => Promise<void>

/** Hands the thread back to the browser between chunks, so typing and scrolling stay smooth. */
export const yieldToBrowser: Yield = () => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * Writes conversations into the cache in chunks, keeping what only the cache knows (snippet,
 * when it was last opened, tags the list answer leaves out).
 */
export async function ingestConversations(
  db: InboxDatabase,
  conversations: readonly Conversation[],
  yieldNow: Yield = yieldToBrowser,
): Promise<void> {
  for (let start = 0; start < conversations.length; start += INGEST_CHUNK) {
    const chunk = conversations.slice(start, start + INGEST_CHUNK)
    await db.transaction('rw', db.conversations, db.outbox, async () => {
      const ids = chunk.map((conversation) => conversation.id)
      const previous = await db.conversations.bulkGet(ids)
      const overlays = await pendingOverlays(db, ids)
      await db.conversations.bulkPut(
        chunk.map((conversation, index) => toConversationRow({ ...conversation, ...overlays.get(conversation.id) }, previous[index])),
      )
    })
    if (start + INGEST_CHUNK < conversations.length) await yieldNow()
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
  const candidates: ConversationRow[] =
    filter.statuses?.length === 1
      ? await db.conversations.where('[status+sortAt]').between([filter.statuses[0], ''], [filter.statuses[0], '\uffff']).toArray()
      : await db.conversations.toArray()
  return candidates.filter((row) => !row.isGone && matchesFilter(row, filter) && !seen.has(row.id)).map((row) => row.id)
}
