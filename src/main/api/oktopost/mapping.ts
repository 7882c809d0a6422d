import type { CannedResponse, CannedResponseInput, CannedResponseQuery } from '../../../shared/domain/cannedResponse'
import type { Page, PageQuery, Person } from '../../../shared/domain/common'
import type { Assignment, Conversation, ConversationQuery } from '../../../shared/domain/conversation'
import type { AssignInput, CreateCaseInput, ReplyInput } from '../../../shared/domain/conversationActions'
import type { ConversationTag, ConversationTagQuery } from '../../../shared/domain/conversationTag'
import type { Credential, CredentialQuery } from '../../../shared/domain/credential'
import { toKnownNetwork } from '../../../shared/domain/network'
import type { TimelineEntry, TimelineQuery } from '../../../shared/domain/timeline'
import type { Me, User, UserQuery } from '../../../shared/domain/user'
import type { FormFields } from '../formEncoding'
import type {
  WireAnswer,
  WireCannedResponse,
  WireConversation,
  WireConversationTag,
  WireCredential,
  WireTimelineEntry,
  WireUser,
} from './wire'

/**
 * The one place where Oktopost's wire shapes become domain types and domain inputs become
 * Oktopost parameters. Dates: the API's zone-less "2025-03-10 14:22:00" is UTC and becomes the
 * ISO instant "2025-03-10T14:22:00.000Z" (see shared/domain/common.ts).
 */

const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/

/** Only for dates wire.ts already checked (wireDate). */
export function toInstant(wireDate: string): string {
  const iso = wireDate.trim().replace(' ', 'T')
  return new Date(HAS_ZONE.test(iso) ? iso : `${iso}Z`).toISOString()
}

/** Missing, empty and unreadable dates (PHP's "0000-00-00 00:00:00") mean "none". */
export function toOptionalInstant(wireDate: string | null | undefined): string | null {
  if (wireDate === null || wireDate === undefined || !/^\d{4}-\d{2}-\d{2}/.test(wireDate)) return null
  const iso = wireDate.trim().replace(' ', 'T')
  const time = Date.parse(HAS_ZONE.test(iso) ? iso : `${iso}Z`)
  return Number.isFinite(time) && time > 0 ? new Date(time).toISOString() : null
}

const orNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value === '' ? null : value

const toPerson = (wire: { Name: string; Username?: string | null | undefined } | null | undefined): Person | null =>
  wire === null || wire === undefined ? null : { name: wire.Name, username: wire.Username ?? '' }

const canonicalNetwork = (network: string): string => toKnownNetwork(network) ?? network

export function toConversation(wire: WireConversation): Conversation {
  return {
    id: wire.Id,
    createdAt: toInstant(wire.Created),
    modifiedAt: toOptionalInstant(wire.Modified),
    status: wire.Status,
    network: canonicalNetwork(wire.Network),
    itemType: wire.ItemType,
    assigneeId: orNull(wire.AssigneeId),
    profileName: orNull(wire.ProfileName),
    author: toPerson(wire.Author),
    preview: wire.Preview ?? null,
    ...(wire.Tags === undefined ? {} : { tags: wire.Tags.map((tag) => ({ id: tag.Id, name: tag.Name })) }),
  }
}

export function toTimelineEntry(wire: WireTimelineEntry): TimelineEntry {
  return {
    id: wire.Id,
    type: wire.Type.toLowerCase(),
    createdAt: toInstant(wire.Created),
    content: wire.Content ?? null,
    createdBy: orNull(wire.CreatedBy),
    author: toPerson(wire.Author),
    parentId: orNull(wire.ParentId),
    isInbound: wire.IsInbound ?? null,
    media: wire.Media ?? [],
  }
}

export function toConversationTag(wire: WireConversationTag): ConversationTag {
  return { id: wire.Id, name: wire.Value }
}

export function toAssignedTags(wire: WireAnswer<'tags'>): ConversationTag[] {
  return wire.Tags.map((tag) => ({ id: tag.Id, name: tag.Name }))
}

export function toAssignment(wire: WireAnswer<'assignment'>): Assignment {
  return { conversationId: wire.Assignment.ItemId, assigneeId: wire.Assignment.AssigneeId }
}

export function toCannedResponse(wire: WireCannedResponse): CannedResponse {
  return {
    id: wire.ID,
    name: wire.Name,
    content: wire.Content,
    visibility: wire.Visibility,
    createdAt: toInstant(wire.Created),
    createdBy:
      wire.CreatedBy === null || wire.CreatedBy === undefined
        ? null
        : { id: wire.CreatedBy.Id, name: wire.CreatedBy.Name, email: wire.CreatedBy.Email ?? '' },
  }
}

export function toUser(wire: WireUser): User {
  return {
    id: wire.Id,
    name: wire.Name,
    email: wire.Email ?? '',
    lastLoginAt: toOptionalInstant(wire.LastLogin),
    role: orNull(wire.Role),
    timezone: orNull(wire.Timezone),
  }
}

export function toMe(wire: WireAnswer<'me'>): Me {
  const user = toUser(wire.User)
  return {
    user: { id: user.id, name: user.name, email: user.email, lastLoginAt: user.lastLoginAt },
    account: { id: wire.Account.Id, name: wire.Account.Name },
  }
}

export function toCredential(wire: WireCredential): Credential {
  return {
    id: wire.Id,
    createdAt: toOptionalInstant(wire.Created),
    name: wire.Name,
    displayName: wire.DisplayName ?? wire.Name,
    status: wire.Status,
    network: canonicalNetwork(wire.Network),
    imageLink: orNull(wire.ImageLink),
    networkUsername: orNull(wire.NetworkUsername),
  }
}

export function toPage<Wire, Item>(items: readonly Wire[], total: number, map: (wire: Wire) => Item): Page<Item> {
  return { items: items.map(map), total }
}

// Domain inputs -> Oktopost parameters.

const joined = (values: readonly string[] | undefined) =>
  values === undefined || values.length === 0 ? undefined : values.join(',')

export function pageParams(query: PageQuery): FormFields {
  return {
    _page: query.page,
    _count: query.count,
    _order: query.order === undefined ? undefined : `${query.order.field},${query.order.direction === 'asc' ? 1 : 0}`,
  }
}

export function conversationQueryParams(query: ConversationQuery): FormFields {
  return {
    type: joined(query.types),
    status: joined(query.statuses),
    network: joined(query.networks),
    assignee_id: joined(query.assigneeIds),
    tag: joined(query.tags),
    q: query.search,
    ...pageParams(query),
  }
}

export function searchPageParams(query: ConversationTagQuery | CannedResponseQuery | UserQuery): FormFields {
  return { q: query.search, ...pageParams(query) }
}

export function credentialQueryParams(query: CredentialQuery): FormFields {
  return { network: query.network }
}

export function timelineParams(query: TimelineQuery): FormFields {
  return { last_loaded_id: query.lastLoadedId }
}

export function assignForm(input: AssignInput): FormFields {
  return { assignee_id: input.assigneeId, note: input.note }
}

export function replyForm(input: ReplyInput): FormFields {
  return {
    message: input.message,
    credential_id: input.credentialId,
    parent_comment_id: input.parentCommentId,
    media: input.media,
  }
}

export function createCaseForm(input: CreateCaseInput): FormFields {
  return {
    integration_id: input.integrationId,
    case_owner: input.caseOwner,
    contact_id: input.contactId,
    case_description: input.caseDescription,
  }
}

export function cannedResponseForm(input: CannedResponseInput): FormFields {
  return { name: input.name, content: input.content, visibility: input.visibility }
}

/**
 * Oktopost names fields in its errors by parameter name; forms know them by the domain input's
 * names. snake_case becomes camelCase; these differ in more than case, everywhere or per call.
 */
const PARAM_FIELD_NAMES: Readonly<Record<string, string>> = { q: 'search', _page: 'page', _count: 'count', _order: 'order' }

export const CONVERSATION_QUERY_FIELD_NAMES: Readonly<Record<string, string>> = {
  type: 'types',
  status: 'statuses',
  network: 'networks',
  assignee_id: 'assigneeIds',
  tag: 'tags',
}

export const RENAME_TAG_FIELD_NAMES: Readonly<Record<string, string>> = { tag: 'name' }

export function toFieldName(wireField: string, callFieldNames: Readonly<Record<string, string>> = {}): string {
  const known = callFieldNames[wireField] ?? PARAM_FIELD_NAMES[wireField]
  if (known !== undefined) return known
  if (/^[A-Z0-9_]+$/.test(wireField)) return wireField.toLowerCase()
  const camel = wireField.replace(/_+([a-zA-Z0-9])/g, (_match, letter: string) => letter.toUpperCase())
  return camel.charAt(0).toLowerCase() + camel.slice(1)
}
