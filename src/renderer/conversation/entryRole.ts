import type { TimelineEntry } from '../../shared/domain/timeline'

/**
 * How an entry is drawn: what the customer wrote (left), what the brand answered (right),
 * the team's internal notes (set apart), and the small activity lines of likes and shares.
 */
export type EntryRole = 'customer' | 'agent' | 'note' | 'like' | 'share' | 'other'

export function entryRole(entry: Pick<TimelineEntry, 'type' | 'isInbound' | 'createdBy'>): EntryRole {
  switch (entry.type.toLowerCase()) {
    case 'note':
      return 'note'
    case 'like':
      return 'like'
    case 'share':
      return 'share'
    case 'message':
    case 'comment':
      return isFromAgent(entry) ? 'agent' : 'customer'
    default:
      return 'other'
  }
}

/**
 * `IsInbound` is beyond the seed pages and may be missing; `CreatedBy` is set only on what an
 * agent wrote, so it decides when the direction is not said.
 */
function isFromAgent(entry: Pick<TimelineEntry, 'isInbound' | 'createdBy'>): boolean {
  if (entry.isInbound !== null) return !entry.isInbound
  return entry.createdBy !== null
}
