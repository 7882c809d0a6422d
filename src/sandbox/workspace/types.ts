/** The sandbox's own model of an Oktopost workspace; wire shapes are made in oktopost/wire.ts. */

export const NETWORKS = ['Facebook', 'Twitter', 'LinkedIn', 'YouTube', 'Instagram', 'TikTok'] as const
export type Network = (typeof NETWORKS)[number]

export const ITEM_TYPES = ['Conversation', 'Post', 'Mention', 'Reply'] as const
export type ItemType = (typeof ITEM_TYPES)[number]

export const STATUSES = ['open', 'closed'] as const
export type Status = (typeof STATUSES)[number]

export type TimelineEntryType = 'message' | 'comment' | 'note' | 'share' | 'like'

export interface Person {
  name: string
  username: string
}

export interface User {
  id: string
  name: string
  email: string
  lastLogin: number
  role: string
  timezone: string
}

export interface Credential {
  id: string
  created: number
  name: string
  displayName: string
  status: 'active' | 'expired'
  network: Network
  imageLink: string
  networkUsername: string
}

export interface Tag {
  id: string
  value: string
}

export interface CannedResponse {
  id: string
  name: string
  content: string
  visibility: 'shared' | 'private'
  created: number
  createdBy: string
}

/**
 * One inbox item, kept small: 100,000 of these must fit comfortably in memory.
 * The timeline is not stored here; it is derived from (seed, index) when first needed.
 */
export interface ConversationRecord {
  readonly index: number
  readonly id: string
  readonly created: number
  modified: number
  status: Status
  readonly network: Network
  readonly itemType: ItemType
  assigneeId: string | null
  readonly credentialId: string
  tagIds: readonly string[]
  /** The customer who started the item. */
  readonly author: Person
  /** Text of the first timeline entry, kept so `q` can search without deriving timelines. */
  readonly openingText: string
  /** How many entries the derived timeline starts with. */
  readonly seededEntryCount: number
}

export interface TimelineEntry {
  id: string
  type: TimelineEntryType
  created: number
  content: string
  /** The agent who wrote a note or an outbound message. */
  createdBy?: string
  /** Who it appears from on the network: the customer, or the brand profile for agent replies. */
  author?: Person
  /** The comment this one answers, for threaded public comments. */
  parentId?: string
  isInbound: boolean
  media?: readonly string[]
}
