import { compareKeys } from '../db/keyOrder'
import type { TimelineRow } from '../db/rows'
import type { OutboxEntry } from '../sync/outbox/entry'
import { entryRole, type EntryRole } from './entryRole'
import { threadRows } from './threading'

/** Consecutive entries by one author this close together share one header, as chat apps draw them. */
export const CONTINUATION_WINDOW_MS = 5 * 60_000

export type ReplyingTo = { kind: 'entry'; entryId: string; name: string | null } | { kind: 'earlier' }

export interface TimelineEntryItem {
  kind: 'entry'
  key: string
  row: TimelineRow
  role: EntryRole
  depth: 0 | 1
  /**
   * Whom a comment answers when its place doesn't say: a reply to another reply in the thread,
   * or a comment whose parent is older than what is loaded.
   */
  replyingTo: ReplyingTo | null
  /** Same author as the entry above, moments later: drawn without repeating name and time. */
  isContinuation: boolean
  /** A late reply in a thread that started on an earlier day: its time needs the date. */
  isOffDay: boolean
  /** The outbox entry of an optimistic row (queued, sending, failed…), when it still exists. */
  outboxEntry: OutboxEntry | undefined
}

export interface TimelineDayItem {
  kind: 'day'
  key: string
  /** The first entry's instant, for the divider's label. */
  at: string
}

export type TimelineItem = TimelineEntryItem | TimelineDayItem

export interface TimelineModelInput {
  /** A conversation's rows, any order. */
  rows: readonly TimelineRow[]
  /** Its outbox entries by id, to show optimistic rows with their state. */
  outbox: ReadonlyMap<string, OutboxEntry>
  dayKey: (iso: string) => string
}

/** What the timeline draws, top to bottom: day dividers, and entries oldest first with their threads. */
export function buildTimeline({ rows, outbox, dayKey }: TimelineModelInput): TimelineItem[] {
  const ordered = [...rows].sort(byTime)
  const parentIdOf = (row: TimelineRow) => row.parentId ?? threadedReplyTarget(row, outbox)
  const items: TimelineItem[] = []
  let currentDay: string | null = null
  let previous: TimelineEntryItem | null = null
  for (const { row, depth, parentId, parent } of threadRows(ordered, parentIdOf)) {
    const day = dayKey(row.createdAt)
    if (depth === 0 && day !== currentDay) {
      items.push({ kind: 'day', key: `day:${day}`, at: row.createdAt })
      currentDay = day
      previous = null
    }
    const item: TimelineEntryItem = {
      kind: 'entry',
      key: row.id,
      row,
      role: entryRole(row),
      depth,
      replyingTo: replyingTo(depth, parentId, parent, items),
      isContinuation: false,
      isOffDay: day !== currentDay,
      outboxEntry: row.outboxEntryId === undefined ? undefined : outbox.get(row.outboxEntryId),
    }
    item.isContinuation = previous !== null && continues(previous, item)
    items.push(item)
    previous = item
  }
  return items
}

function byTime(a: TimelineRow, b: TimelineRow): number {
  return compareKeys(a.createdAt, b.createdAt) || compareKeys(a.id, b.id)
}

/** An optimistic reply has no parent of its own yet; the comment it answers is in its outbox entry. */
function threadedReplyTarget(row: TimelineRow, outbox: ReadonlyMap<string, OutboxEntry>): string | null {
  if (row.outboxEntryId === undefined) return null
  const operation = outbox.get(row.outboxEntryId)?.operation
  return operation?.kind === 'reply' ? (operation.parentCommentId ?? null) : null
}

function replyingTo(depth: 0 | 1, parentId: string | null, parent: TimelineRow | undefined, items: readonly TimelineItem[]): ReplyingTo | null {
  if (parentId === null) return null
  if (parent === undefined) return { kind: 'earlier' }
  if (depth === 1 && isThreadRoot(parent, items)) return null
  return { kind: 'entry', entryId: parent.id, name: parent.author?.name ?? null }
}

/** Replies sit right under their thread's first comment, so naming that one again is noise. */
function isThreadRoot(row: TimelineRow, items: readonly TimelineItem[]): boolean {
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index]!
    if (item.kind === 'entry' && item.depth === 0) return item.row.id === row.id
  }
  return false
}

function continues(previous: TimelineEntryItem, next: TimelineEntryItem): boolean {
  const isTalk = (role: EntryRole) => role === 'customer' || role === 'agent' || role === 'note'
  return (
    isTalk(next.role) &&
    previous.role === next.role &&
    previous.depth === next.depth &&
    next.replyingTo === null &&
    authorKey(previous.row) === authorKey(next.row) &&
    Date.parse(next.row.createdAt) - Date.parse(previous.row.createdAt) <= CONTINUATION_WINDOW_MS
  )
}

function authorKey(row: TimelineRow): string {
  return `${row.createdBy ?? ''}|${row.author?.username ?? ''}|${row.author?.name ?? ''}`
}
