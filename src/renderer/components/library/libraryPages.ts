import type { CannedResponse } from '../../../shared/domain/cannedResponse'
import type { Page, SortOrder } from '../../../shared/domain/common'
import type { ConversationTag } from '../../../shared/domain/conversationTag'
import { LIMITS } from '../../../shared/limits'
import type { OutboxEntry, OutboxError } from '../../sync/outbox/entry'

/**
 * One page of the canned response library or the tag manager: what to ask Oktopost for
 * (`_page`, `_count`, `_order`, `q`), and the same page read from the cache when Oktopost
 * can't be asked.
 */

export const CANNED_PAGE_SIZE = 25
/** Oktopost lists conversation tags at most 20 a page. */
export const TAG_PAGE_SIZE = LIMITS.conversationTagsPerPageMax

export const CANNED_ORDERS = {
  nameAsc: { field: 'name', direction: 'asc' },
  nameDesc: { field: 'name', direction: 'desc' },
  newest: { field: 'created', direction: 'desc' },
  oldest: { field: 'created', direction: 'asc' },
} as const satisfies Record<string, SortOrder>
export type CannedOrder = keyof typeof CANNED_ORDERS

export const TAG_ORDERS = {
  nameAsc: { field: 'name', direction: 'asc' },
  nameDesc: { field: 'name', direction: 'desc' },
} as const satisfies Record<string, SortOrder>
export type TagOrder = keyof typeof TAG_ORDERS

export interface PageRequest<Order extends string> {
  search: string
  order: Order
  /** From 0, like `_page`. */
  page: number
}

export function serverQuery<Order extends string>(request: PageRequest<Order>, orders: Record<Order, SortOrder>, count: number) {
  const search = request.search.trim()
  return { page: request.page, count, order: orders[request.order], ...(search === '' ? {} : { search }) }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

function matchesName(name: string, search: string): boolean {
  const wanted = search.trim().toLocaleLowerCase()
  return wanted === '' || name.toLocaleLowerCase().includes(wanted)
}

function slice<Item>(items: readonly Item[], page: number, count: number): Page<Item> {
  return { items: items.slice(page * count, (page + 1) * count), total: items.length }
}

/** Oktopost's `q` searches names; the cache answers the same question the same way. */
export function localCannedPage(rows: readonly CannedResponse[], request: PageRequest<CannedOrder>): Page<CannedResponse> {
  const { field, direction } = CANNED_ORDERS[request.order]
  const sign = direction === 'asc' ? 1 : -1
  const sorted = rows
    .filter((row) => matchesName(row.name, request.search))
    .sort((a, b) => sign * (field === 'name' ? collator.compare(a.name, b.name) : a.createdAt.localeCompare(b.createdAt)))
  return slice(sorted, request.page, CANNED_PAGE_SIZE)
}

export function localTagPage(rows: readonly ConversationTag[], request: PageRequest<TagOrder>): Page<ConversationTag> {
  const sign = TAG_ORDERS[request.order].direction === 'asc' ? 1 : -1
  const sorted = rows.filter((row) => matchesName(row.name, request.search)).sort((a, b) => sign * collator.compare(a.name, b.name))
  return slice(sorted, request.page, TAG_PAGE_SIZE)
}

/** "26–50 of 112" as numbers; null for an empty list. */
export function pageRange(page: number, count: number, shown: number, total: number): { first: number; last: number; total: number } | null {
  if (shown === 0) return null
  const first = page * count + 1
  return { first, last: first + shown - 1, total: Math.max(total, first + shown - 1) }
}

export type PendingTagChange =
  | { kind: 'rename'; name: string; entryId: string }
  | { kind: 'delete'; entryId: string }
  | { kind: 'refused'; error: OutboxError; entryId: string }

/**
 * What the outbox still holds for each tag, newest last: a rename or delete not yet sent shows
 * on the row; one the server refused shows with its reason.
 */
export function pendingTagChanges(entries: readonly OutboxEntry[]): Map<string, PendingTagChange> {
  const changes = new Map<string, PendingTagChange>()
  for (const entry of [...entries].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
    const operation = entry.operation
    if ((operation.kind !== 'renameTag' && operation.kind !== 'deleteTag') || entry.state === 'done') continue
    if (entry.state === 'needsAttention' && entry.lastError) {
      changes.set(operation.tagId, { kind: 'refused', error: entry.lastError, entryId: entry.id })
    } else if (operation.kind === 'renameTag') {
      changes.set(operation.tagId, { kind: 'rename', name: operation.name, entryId: entry.id })
    } else {
      changes.set(operation.tagId, { kind: 'delete', entryId: entry.id })
    }
  }
  return changes
}

/** Names compare as Oktopost compares tag names: without regard to case. */
export function isTagNameTaken(name: string, tagId: string, tags: readonly ConversationTag[]): boolean {
  const wanted = name.trim().toLocaleLowerCase()
  return tags.some((tag) => tag.id !== tagId && tag.name.trim().toLocaleLowerCase() === wanted)
}
