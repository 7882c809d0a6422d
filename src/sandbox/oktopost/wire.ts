/**
 * The sandbox model in Oktopost's wire spelling. Keys follow the seed pages exactly,
 * including their inconsistencies (`ID` for canned responses, `Value` vs `Name` for tags,
 * a lowercase `ItemType` on the single-conversation answer). Extras the seed pages do not
 * show (`Author`, `Preview`, `ParentId`, `IsInbound`, `Media`) are listed in README.md.
 */
import { formatApiDate } from '../dates'
import { characterCount } from './params'
import type { Workspace } from '../workspace/workspace'
import type {
  CannedResponse, ConversationRecord, Credential, Person, Tag, TimelineEntry, User,
} from '../workspace/types'

const PREVIEW_LENGTH = 200

export function conversationListItem(record: ConversationRecord, workspace: Workspace) {
  return {
    Id: record.id,
    Created: formatApiDate(record.created),
    Modified: formatApiDate(record.modified),
    Status: record.status,
    Network: record.network,
    ItemType: record.itemType,
    AssigneeId: record.assigneeId,
    ProfileName: workspace.profileOf(record).name,
    Author: personWire(record.author),
    Preview: preview(record.openingText),
  }
}

export function conversationDetail(record: ConversationRecord, workspace: Workspace) {
  return {
    ...conversationListItem(record, workspace),
    // The seed's Get Conversation example spells the type in lowercase ("conversation").
    ItemType: record.itemType.toLowerCase(),
    Tags: workspace.tagsOf(record).map((tag) => ({ Id: tag.id, Name: tag.value })),
  }
}

export function timelineEntryWire(entry: TimelineEntry) {
  return {
    Id: entry.id,
    Type: entry.type,
    Created: formatApiDate(entry.created),
    Content: entry.content,
    ...(entry.createdBy !== undefined && { CreatedBy: entry.createdBy }),
    ...(entry.author !== undefined && { Author: personWire(entry.author) }),
    ...(entry.parentId !== undefined && { ParentId: entry.parentId }),
    IsInbound: entry.isInbound,
    ...(entry.media !== undefined && { Media: entry.media }),
  }
}

export function tagWire(tag: Tag) {
  return { Id: tag.id, Value: tag.value }
}

export function conversationTagsWire(tags: readonly Tag[]) {
  return tags.map((tag) => ({ Id: tag.id, Name: tag.value }))
}

export function cannedResponseWire(response: CannedResponse, workspace: Workspace) {
  const author = workspace.user(response.createdBy)
  return {
    ID: response.id,
    Name: response.name,
    Content: response.content,
    Visibility: response.visibility,
    Created: formatApiDate(response.created),
    CreatedBy: { Id: response.createdBy, Name: author?.name ?? '', Email: author?.email ?? '' },
  }
}

export function userWire(user: User) {
  return {
    Id: user.id,
    Name: user.name,
    Email: user.email,
    LastLogin: formatApiDate(user.lastLogin),
    Role: user.role,
    Timezone: user.timezone,
  }
}

export function credentialWire(credential: Credential) {
  return {
    Id: credential.id,
    Created: formatApiDate(credential.created),
    Name: credential.name,
    DisplayName: credential.displayName,
    Status: credential.status,
    Network: credential.network,
    ImageLink: credential.imageLink,
    NetworkUsername: credential.networkUsername,
  }
}

function personWire(person: Person) {
  return { Name: person.name, Username: person.username }
}

function preview(text: string): string {
  return characterCount(text) <= PREVIEW_LENGTH ? text : [...text].slice(0, PREVIEW_LENGTH - 1).join('') + '…'
}
