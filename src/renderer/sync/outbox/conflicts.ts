import type { Conversation } from '../../../shared/domain/conversation'
import type { TimelineEntry } from '../../../shared/domain/timeline'
import type { ConversationBaseline, HeldReason } from './entry'
import { normalizedText } from './verify'

const SPOKEN_TYPES = new Set(['message', 'comment'])

/**
 * What changed in a conversation since a reply was queued, as reasons to hold that reply:
 * the customer wrote again, another agent replied, it was reassigned, or it was closed.
 * Entries the agent sent themselves (their own queued texts) are not news.
 */
export function heldReasons(options: {
  baseline: ConversationBaseline
  conversation: Conversation
  timeline: readonly TimelineEntry[]
  meId: string | null
  ownTexts: readonly string[]
}): HeldReason[] {
  const { baseline, conversation } = options
  const reasons: HeldReason[] = []
  const newer = entriesSince(options.timeline, baseline)
  const ownTexts = new Set(options.ownTexts.map(normalizedText))
  const fromCustomer = newer.filter((entry) => isFromCustomer(entry) && SPOKEN_TYPES.has(entry.type))
  const fromOtherAgents = newer.filter(
    (entry) =>
      !isFromCustomer(entry) &&
      SPOKEN_TYPES.has(entry.type) &&
      !(entry.createdBy === options.meId && entry.content !== null && ownTexts.has(normalizedText(entry.content))),
  )
  if (fromCustomer.length > 0) {
    reasons.push({ kind: 'customerWrote', count: fromCustomer.length, latestText: fromCustomer[0]?.content ?? null })
  }
  if (fromOtherAgents.length > 0) {
    reasons.push({ kind: 'agentReplied', count: fromOtherAgents.length, latestText: fromOtherAgents[0]?.content ?? null })
  }
  if (conversation.assigneeId !== baseline.assigneeId) {
    reasons.push({ kind: 'reassigned', count: 0, latestText: null })
  }
  if (conversation.status === 'closed' && baseline.status === 'open') {
    reasons.push({ kind: 'closed', count: 0, latestText: null })
  }
  return reasons
}

/** Newest-first timeline: everything before the baseline's newest entry is new. */
function entriesSince(timeline: readonly TimelineEntry[], baseline: ConversationBaseline): TimelineEntry[] {
  if (baseline.newestEntryId === null) return [...timeline]
  const index = timeline.findIndex((entry) => entry.id === baseline.newestEntryId)
  if (index >= 0) return timeline.slice(0, index)
  const since = baseline.newestEntryAt === null ? Number.NEGATIVE_INFINITY : Date.parse(baseline.newestEntryAt)
  return timeline.filter((entry) => Date.parse(entry.createdAt) > since)
}

/** `isInbound` where the API says it; otherwise an entry no agent created came from the customer. */
function isFromCustomer(entry: TimelineEntry): boolean {
  return entry.isInbound ?? entry.createdBy === null
}
