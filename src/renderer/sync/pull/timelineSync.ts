import type { TimelineEntry } from '../../../shared/domain/timeline'
import type { Result } from '../../../shared/result'
import type { InboxDatabase } from '../../db/database'
import type { TimelineRow } from '../../db/rows'
import { LOCAL_ID_PREFIX } from '../outbox/localEffects'
import { normalizedText } from '../outbox/verify'

export type ReadTimeline = (conversationId: string, lastLoadedId?: string) => Promise<Result<TimelineEntry[]>>

/** How many pages a refresh reads to join new entries to the cached ones before giving up on the old. */
const MAX_GAP_PAGES = 5

/**
 * Brings a conversation's cached timeline up to date: reads newest-first pages until one
 * overlaps what is cached, so nothing in between is missed, and writes them in one
 * transaction. If the gap is wider than a few pages, the older cached entries are dropped
 * (they can be loaded again by scrolling) rather than leaving a hole.
 */
export async function refreshTimeline(db: InboxDatabase, read: ReadTimeline, conversationId: string, now: number): Promise<Result<number>> {
  const cachedIds = new Set(
    (await db.timeline.where('conversationId').equals(conversationId).primaryKeys())
      .map(([, id]) => id)
      .filter((id) => !id.startsWith(LOCAL_ID_PREFIX)),
  )
  const fetched: TimelineEntry[] = []
  let isJoined = cachedIds.size === 0
  let hasReachedStart = false
  let lastLoadedId: string | undefined
  for (let page = 0; page < MAX_GAP_PAGES; page++) {
    const result = await read(conversationId, lastLoadedId)
    if (!result.ok) return result
    if (result.value.length === 0) {
      hasReachedStart = true
      break
    }
    fetched.push(...result.value)
    if (result.value.some((entry) => cachedIds.has(entry.id))) {
      isJoined = true
      break
    }
    if (cachedIds.size === 0) break
    lastLoadedId = result.value.at(-1)?.id
  }
  const unique = dedupe(fetched)
  await db.transaction('rw', [db.timeline, db.timelineCursors, db.conversations, db.outbox], async () => {
    const cursor = await db.timelineCursors.get(conversationId)
    const oldestFetched = unique.at(-1) ?? null
    if (!isJoined && !hasReachedStart) {
      await db.timeline.where('conversationId').equals(conversationId).filter((row) => row.outboxEntryId === undefined).delete()
    }
    await putChanged(db, conversationId, unique.map((entry): TimelineRow => ({ ...entry, conversationId })))
    await settleLocalRows(db, conversationId, unique)
    const keepsOldCursor = isJoined && cursor !== undefined && cachedIds.size > 0
    await db.timelineCursors.put({
      conversationId,
      oldestId: keepsOldCursor ? cursor.oldestId : (oldestFetched?.id ?? null),
      hasReachedStart: keepsOldCursor ? cursor.hasReachedStart : hasReachedStart,
      refreshedAt: now,
    })
    await updateSnippet(db, conversationId)
  })
  return { ok: true, value: unique.length }
}

/** Scrolling up: the page older than the oldest entry held. */
export async function loadOlderTimeline(db: InboxDatabase, read: ReadTimeline, conversationId: string, now: number): Promise<Result<number>> {
  const cursor = await db.timelineCursors.get(conversationId)
  if (!cursor) return refreshTimeline(db, read, conversationId, now)
  if (cursor.hasReachedStart || cursor.oldestId === null) return { ok: true, value: 0 }
  const result = await read(conversationId, cursor.oldestId)
  if (!result.ok) return result
  const page = dedupe(result.value)
  await db.transaction('rw', [db.timeline, db.timelineCursors], async () => {
    await db.timeline.bulkPut(page.map((entry): TimelineRow => ({ ...entry, conversationId })))
    await db.timelineCursors.put({
      ...cursor,
      oldestId: page.at(-1)?.id ?? cursor.oldestId,
      hasReachedStart: page.length === 0,
    })
  })
  return { ok: true, value: page.length }
}

/**
 * Writes the rows the cache does not already hold as they are. A refresh mostly reads back what
 * is cached, and every write makes an open timeline read and draw itself again.
 */
async function putChanged(db: InboxDatabase, conversationId: string, rows: readonly TimelineRow[]): Promise<void> {
  const cached = await db.timeline.bulkGet(rows.map((row): [string, string] => [conversationId, row.id]))
  // Both come from the same parser with their fields in the same order; a difference in order only costs a write.
  const changed = rows.filter((row, index) => JSON.stringify(cached[index]) !== JSON.stringify(row))
  if (changed.length > 0) await db.timeline.bulkPut(changed)
}

/** A sent reply or note shows once: its optimistic row goes when the server's copy arrives. */
async function settleLocalRows(db: InboxDatabase, conversationId: string, serverEntries: readonly TimelineEntry[]): Promise<void> {
  const locals = await db.timeline.where('conversationId').equals(conversationId).filter((row) => row.outboxEntryId !== undefined).toArray()
  if (locals.length === 0) return
  const serverTexts = serverEntries.map((entry) => normalizedText(entry.content ?? ''))
  for (const local of locals) {
    const entry = await db.outbox.get({ id: local.outboxEntryId! })
    const isDelivered = entry === undefined || entry.state === 'done'
    if (isDelivered && serverTexts.includes(normalizedText(local.content ?? ''))) {
      await db.timeline.delete([conversationId, local.id])
    }
  }
}

async function updateSnippet(db: InboxDatabase, conversationId: string): Promise<void> {
  const newest = await db.timeline
    .where('[conversationId+createdAt]')
    .between([conversationId, ''], [conversationId, '\uffff'])
    .reverse()
    .filter((row) => row.content !== null && row.content.trim() !== '')
    .first()
  if (newest && (await db.conversations.get(conversationId))?.snippet !== newest.content) {
    await db.conversations.update(conversationId, { snippet: newest.content })
  }
}

function dedupe(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const seen = new Set<string>()
  return entries.filter((entry) => (seen.has(entry.id) ? false : (seen.add(entry.id), true)))
}
