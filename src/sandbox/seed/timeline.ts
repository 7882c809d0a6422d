/**
 * Derives a conversation's seeded timeline from (seed, index). Nothing is stored until a
 * timeline is first read or changed, which keeps a 100,000-item workspace cheap to start.
 */
import { timelineEntryId } from '../ids'
import { AGENT_REPLIES, CUSTOMERS, CUSTOMER_FOLLOW_UPS, NOTES, SHARE_COMMENTS, fillTemplate } from './texts'
import { STREAM, chance, pick, randomFor, weighted, type Random } from './random'
import { supportsThreading } from '../workspace/networks'
import type { ConversationRecord, Person, TimelineEntry, User } from '../workspace/types'

type EntryKind = 'customer' | 'agent' | 'note' | 'like' | 'share'

const DIRECT_MESSAGE_MIX: ReadonlyArray<readonly [EntryKind, number]> = [
  ['customer', 50], ['agent', 35], ['note', 15],
]
const PUBLIC_MIX: ReadonlyArray<readonly [EntryKind, number]> = [
  ['customer', 40], ['agent', 20], ['like', 15], ['share', 10], ['note', 15],
]

export interface TimelineSources {
  users: readonly User[]
  /** The brand profile the item arrived on; agent replies appear from it. */
  profile: Person
}

/** Entries oldest first; the route serves them newest first. */
export function deriveTimeline(seed: number, record: ConversationRecord, sources: TimelineSources): TimelineEntry[] {
  const random = randomFor(seed, STREAM.timeline, record.index)
  const times = entryTimes(random, record)
  const isDirect = record.itemType === 'Conversation'
  const canThread = !isDirect && supportsThreading(record.network)
  const entries: TimelineEntry[] = []
  const commentIds: string[] = []
  times.forEach((created, position) => {
    const kind = position === 0 ? 'customer' : weighted(random, isDirect ? DIRECT_MESSAGE_MIX : PUBLIC_MIX)
    const entry = makeEntry(random, kind, {
      id: timelineEntryId(record.index, position + 1),
      created,
      record,
      sources,
      isFirst: position === 0,
    })
    if (canThread && entry.type === 'comment' && commentIds.length > 0 && chance(random, 0.4)) {
      entry.parentId = pick(random, commentIds)
    }
    if (entry.type === 'comment') commentIds.push(entry.id)
    entries.push(entry)
  })
  return entries
}

interface EntryContext {
  id: string
  created: number
  record: ConversationRecord
  sources: TimelineSources
  isFirst: boolean
}

function makeEntry(random: Random, kind: EntryKind, context: EntryContext): TimelineEntry {
  const { id, created, record, sources } = context
  const talkType = record.itemType === 'Conversation' ? 'message' : 'comment'
  switch (kind) {
    case 'customer': {
      const content = context.isFirst
        ? record.openingText
        : fillTemplate(pick(random, CUSTOMER_FOLLOW_UPS), 10_000 + record.index)
      const author = talkType === 'message' || chance(random, 0.4) ? record.author : pick(random, CUSTOMERS)
      const entry: TimelineEntry = { id, type: talkType, created, content, author, isInbound: true }
      if (chance(random, 0.05)) entry.media = [`https://cdn.example.com/media/${id}.jpg`]
      return entry
    }
    case 'agent':
      return {
        id, type: talkType, created,
        content: pick(random, AGENT_REPLIES),
        createdBy: record.assigneeId ?? pick(random, sources.users).id,
        author: sources.profile,
        isInbound: false,
      }
    case 'note':
      return { id, type: 'note', created, content: pick(random, NOTES), createdBy: pick(random, sources.users).id, isInbound: false }
    case 'like':
      return { id, type: 'like', created, content: '', author: pick(random, CUSTOMERS), isInbound: true }
    case 'share':
      return { id, type: 'share', created, content: pick(random, SHARE_COMMENTS), author: pick(random, CUSTOMERS), isInbound: true }
  }
}

/** First entry at Created, last at Modified, the rest in between in order. */
function entryTimes(random: Random, record: ConversationRecord): number[] {
  const count = record.seededEntryCount
  if (count === 1) return [record.created]
  const span = record.modified - record.created
  const middle = Array.from({ length: count - 2 }, () => record.created + Math.floor(random() * span))
  middle.sort((a, b) => a - b)
  return [record.created, ...middle, record.modified]
}
