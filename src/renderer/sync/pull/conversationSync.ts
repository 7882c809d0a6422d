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
