/**
 * The mutable state of one sandbox account and every change the API can make to it.
 * Routes validate and shape the wire format; this class only keeps the data consistent.
 */
import { ID_PREFIX, conversationIndexOf, formatId, timelineEntryId } from '../ids'
import { seedConversations } from '../seed/conversations'
import { ME_USER_ID, seedCannedResponses, seedCredentials, seedTags, seedUsers } from '../seed/directory'
import { deriveTimeline } from '../seed/timeline'
import type {
  CannedResponse, ConversationRecord, Credential, Person, Status, Tag, TimelineEntry, User,
} from './types'

export type NewTimelineEntry = Omit<TimelineEntry, 'id' | 'created'>

export class Workspace {
  readonly users: readonly User[]
  readonly credentials: readonly Credential[]
  readonly conversations: readonly ConversationRecord[]
  readonly cannedResponses: CannedResponse[]
  tags: Tag[]
  private readonly timelines = new Map<number, TimelineEntry[]>()
  private nextTagSerial: number
  private nextCannedSerial: number

  constructor(
    private readonly seed: number,
    conversationCount: number,
    private readonly now: () => number,
  ) {
    this.users = seedUsers()
    this.credentials = seedCredentials()
    this.tags = seedTags()
    this.cannedResponses = seedCannedResponses(this.users)
    this.conversations = seedConversations(seed, conversationCount, this)
    this.nextTagSerial = this.tags.length + 1
    this.nextCannedSerial = this.cannedResponses.length + 1
  }

  /** The owner of the sandbox's API key. */
  get me(): User {
    const me = this.user(ME_USER_ID)
    if (me === undefined) throw new Error('the seeded users must include the API key owner')
    return me
  }

  conversation(id: string): ConversationRecord | undefined {
    const index = conversationIndexOf(id)
    return index === undefined ? undefined : this.conversations[index]
  }

  user(id: string): User | undefined {
    return this.users.find((user) => user.id === id)
  }

  credential(id: string): Credential | undefined {
    return this.credentials.find((credential) => credential.id === id)
  }

  /** Oldest first. Derived from the seed on first use, then kept so changes stick. */
  timeline(record: ConversationRecord): readonly TimelineEntry[] {
    return this.materializedTimeline(record)
  }

  /** How many timelines have been derived so far (memory use grows with this). */
  get materializedTimelineCount(): number {
    return this.timelines.size
  }

  profileOf(record: ConversationRecord): Person {
    const credential = this.credential(record.credentialId)
    return { name: credential?.displayName ?? '', username: credential?.networkUsername ?? '' }
  }

  setStatus(record: ConversationRecord, status: Status): void {
    record.status = status
    record.modified = this.now()
  }

  assign(record: ConversationRecord, assigneeId: string, note: string | undefined, byUserId: string): void {
    record.assigneeId = assigneeId
    record.modified = this.now()
    if (note !== undefined) this.appendEntry(record, { type: 'note', content: note, createdBy: byUserId, isInbound: false })
  }

  /** Adds an entry as the newest one and bumps the item's Modified. */
  appendEntry(record: ConversationRecord, fields: NewTimelineEntry): TimelineEntry {
    const timeline = this.materializedTimeline(record)
    const created = this.now()
    const entry: TimelineEntry = { id: timelineEntryId(record.index, timeline.length + 1), created, ...fields }
    timeline.push(entry)
    record.modified = created
    return entry
  }

  /** New activity from the network re-opens a closed item, as Oktopost does. */
  receive(record: ConversationRecord, fields: NewTimelineEntry): TimelineEntry {
    const entry = this.appendEntry(record, fields)
    record.status = 'open'
    return entry
  }

  tag(id: string): Tag | undefined {
    return this.tags.find((tag) => tag.id === id)
  }

  tagNamed(name: string): Tag | undefined {
    const wanted = name.toLocaleLowerCase()
    return this.tags.find((tag) => tag.value.toLocaleLowerCase() === wanted)
  }

  tagsOf(record: ConversationRecord): Tag[] {
    return record.tagIds.flatMap((id) => this.tag(id) ?? [])
  }

  /** Full replacement; names that match no tag create one. */
  replaceTags(record: ConversationRecord, names: readonly string[]): Tag[] {
    const tags = names.map((name) => this.tagNamed(name) ?? this.createTag(name))
    record.tagIds = [...new Set(tags.map((tag) => tag.id))]
    record.modified = this.now()
    return this.tagsOf(record)
  }

  /** Conversations hold tag ids, so a rename shows on all of them at once. */
  renameTag(tag: Tag, name: string): void {
    tag.value = name
  }

  deleteTag(tag: Tag): void {
    this.tags = this.tags.filter((candidate) => candidate !== tag)
    for (const record of this.conversations) {
      if (record.tagIds.includes(tag.id)) record.tagIds = record.tagIds.filter((id) => id !== tag.id)
    }
  }

  cannedResponse(id: string): CannedResponse | undefined {
    return this.cannedResponses.find((response) => response.id === id)
  }

  cannedResponseNamed(name: string): CannedResponse | undefined {
    const wanted = name.toLocaleLowerCase()
    return this.cannedResponses.find((response) => response.name.toLocaleLowerCase() === wanted)
  }

  addCannedResponse(fields: Pick<CannedResponse, 'name' | 'content' | 'visibility'>, byUserId: string): CannedResponse {
    const response: CannedResponse = {
      id: formatId(ID_PREFIX.cannedResponse, this.nextCannedSerial++),
      created: this.now(),
      createdBy: byUserId,
      ...fields,
    }
    this.cannedResponses.push(response)
    return response
  }

  private createTag(name: string): Tag {
    const tag: Tag = { id: formatId(ID_PREFIX.tag, this.nextTagSerial++), value: name }
    this.tags.push(tag)
    return tag
  }

  private materializedTimeline(record: ConversationRecord): TimelineEntry[] {
    let timeline = this.timelines.get(record.index)
    if (timeline === undefined) {
      timeline = deriveTimeline(this.seed, record, { users: this.users, profile: this.profileOf(record) })
      this.timelines.set(record.index, timeline)
    }
    return timeline
  }
}
