import type { ConversationStatus, ItemType } from '../../shared/domain/conversation'
import type { ConversationQuery } from '../../shared/domain/conversation'
import type { ConversationRow } from './rows'

/** What the list shows: the seed's filters, all optional; arrays match any of their values. */
export interface ConversationFilter {
  types?: ItemType[]
  statuses?: ConversationStatus[]
  networks?: string[]
  /** '' stands for unassigned. */
  assigneeIds?: string[]
  tags?: string[]
  search?: string
}

export type SavedViewName = 'inbox' | 'mine' | 'unassigned' | 'closed'

/** The saved views of DESIGN.md as filters; "mine" needs to know who is signed in. */
export function savedViewFilter(view: SavedViewName, meId: string | null): ConversationFilter {
  switch (view) {
    case 'inbox':
      return { statuses: ['open'] }
    case 'mine':
      return { statuses: ['open'], assigneeIds: [meId ?? '(nobody)'] }
    case 'unassigned':
      return { statuses: ['open'], assigneeIds: [''] }
    case 'closed':
      return { statuses: ['closed'] }
  }
}

/** The fields a filter looks at: a cached row has them, and so has the list index's entry for it. */
export type FilterableConversation = Pick<ConversationRow, 'itemType' | 'status' | 'network' | 'assigneeKey' | 'tagNames'>

/** Whether a cached row belongs in a filtered list; the same rule the API applies. */
export function matchesFilter(row: FilterableConversation, filter: ConversationFilter): boolean {
  if (filter.types && !filter.types.includes(row.itemType)) return false
  if (filter.statuses && !filter.statuses.includes(row.status)) return false
  if (filter.networks && !filter.networks.some((network) => network.toLowerCase() === row.network.toLowerCase())) return false
  if (filter.assigneeIds && !filter.assigneeIds.includes(row.assigneeKey)) return false
  if (filter.tags && !filter.tags.some((tag) => row.tagNames.some((name) => name.toLowerCase() === tag.toLowerCase()))) return false
  return true
}

/**
 * The API request for a filter. "Unassigned" has no API filter, so it is fetched as the
 * wider list and narrowed locally.
 */
export function toConversationQuery(filter: ConversationFilter): ConversationQuery {
  const assigneeIds = filter.assigneeIds?.filter((id) => id !== '')
  return {
    ...(filter.types ? { types: filter.types } : {}),
    ...(filter.statuses ? { statuses: filter.statuses } : {}),
    ...(filter.networks ? { networks: filter.networks } : {}),
    ...(assigneeIds && assigneeIds.length > 0 && assigneeIds.length === filter.assigneeIds?.length ? { assigneeIds } : {}),
    ...(filter.tags ? { tags: filter.tags } : {}),
    ...(filter.search ? { search: filter.search } : {}),
    order: { field: 'Modified', direction: 'desc' },
  }
}
