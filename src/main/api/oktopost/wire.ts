import { z } from 'zod'
import { VISIBILITIES } from '../../../shared/domain/cannedResponse'
import { CONVERSATION_STATUSES, ITEM_TYPES } from '../../../shared/domain/conversation'

/**
 * Oktopost v2 answers exactly as the API spells them (`Id`, `ID`, `Value`, `Name`, `Created`).
 * Lenient where the API is inconsistent or vague (letter case of enums, numbers sent as
 * strings, optional fields); unknown fields are allowed and dropped. Turned into domain types
 * only by mapping.ts.
 */

const wireId = z.string().min(1)

/** "2025-03-10 14:22:00" (UTC, no zone); ISO forms with T and a zone are accepted too. */
const WIRE_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/
export const wireDate = z
  .string()
  .regex(WIRE_DATE_PATTERN, 'Expected a date like 2025-03-10 14:22:00')
  .refine((value) => Number.isFinite(Date.parse(value.replace(' ', 'T'))), 'Not a real date')

/** Dates that may be missing, empty or PHP's zero date ("never logged in"); mapping makes those null. */
const wireOptionalDate = z.string().nullish()

/** Totals sometimes arrive as numeric strings. */
const wireCount = z.union([z.number().int().min(0), z.string().regex(/^\d+$/).transform(Number)])

/** Matches an enum whatever the letter case ("Post", "conversation") and yields our spelling. */
function caseInsensitiveEnum<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.string().transform((value, context) => {
    const match = values.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase())
    if (match === undefined) {
      context.addIssue({ code: 'custom', message: `Expected one of ${values.join(', ')}, got "${value}"` })
      return z.NEVER
    }
    return match as Values[number]
  })
}

const okEnvelope = z.object({ Result: z.literal(true) })

export const wireAssignedTag = z.object({ Id: wireId, Name: z.string() })

/** Not in the seed pages; sent by the sandbox, so optional everywhere. */
const wirePerson = z.object({ Name: z.string(), Username: z.string().nullish() })

export const wireConversation = z.object({
  Id: wireId,
  Created: wireDate,
  Modified: wireOptionalDate,
  Status: caseInsensitiveEnum(CONVERSATION_STATUSES),
  Network: z.string().min(1),
  ItemType: caseInsensitiveEnum(ITEM_TYPES),
  AssigneeId: z.string().nullish(),
  ProfileName: z.string().nullish(),
  Tags: z.array(wireAssignedTag).optional(),
  Author: wirePerson.nullish(),
  Preview: z.string().nullish(),
})
export type WireConversation = z.infer<typeof wireConversation>

export const wireTimelineEntry = z.object({
  Id: wireId,
  Type: z.string().min(1),
  Created: wireDate,
  Content: z.string().nullish(),
  CreatedBy: z.string().nullish(),
  Author: wirePerson.nullish(),
  ParentId: z.string().nullish(),
  IsInbound: z.boolean().nullish(),
  Media: z.array(z.string()).nullish(),
})
export type WireTimelineEntry = z.infer<typeof wireTimelineEntry>

export const wireConversationTag = z.object({ Id: wireId, Value: z.string() })
export type WireConversationTag = z.infer<typeof wireConversationTag>

export const wireUserRef = z.object({ Id: wireId, Name: z.string(), Email: z.string().nullish() })

export const wireCannedResponse = z.object({
  ID: wireId,
  Name: z.string(),
  Content: z.string(),
  Visibility: caseInsensitiveEnum(VISIBILITIES),
  Created: wireDate,
  CreatedBy: wireUserRef.nullish(),
})
export type WireCannedResponse = z.infer<typeof wireCannedResponse>

export const wireUser = z.object({
  Id: wireId,
  Name: z.string(),
  Email: z.string().nullish(),
  LastLogin: wireOptionalDate,
  Role: z.string().nullish(),
  Timezone: z.string().nullish(),
})
export type WireUser = z.infer<typeof wireUser>

export const wireCredential = z.object({
  Id: wireId,
  Created: wireOptionalDate,
  Name: z.string(),
  DisplayName: z.string().nullish(),
  Status: z.union([z.string(), z.number()]).transform(String),
  Network: z.string().min(1),
  ImageLink: z.string().nullish(),
  NetworkUsername: z.string().nullish(),
})
export type WireCredential = z.infer<typeof wireCredential>

function listOf<Item extends z.ZodType>(item: Item) {
  return okEnvelope.extend({ Items: z.array(item), Total: wireCount })
}

/** One schema per endpoint answer. */
export const wireAnswers = {
  ok: okEnvelope,
  conversationList: okEnvelope.extend({
    Conversations: z.object({ Total: wireCount, Items: z.array(wireConversation) }),
  }),
  conversation: okEnvelope.extend({ Conversation: wireConversation }),
  timeline: okEnvelope.extend({ Timeline: z.array(wireTimelineEntry) }),
  assignment: okEnvelope.extend({ Assignment: z.object({ ItemId: wireId, AssigneeId: wireId }) }),
  note: okEnvelope.extend({ Note: wireTimelineEntry }),
  tags: okEnvelope.extend({ Tags: z.array(wireAssignedTag) }),
  conversationTagList: listOf(wireConversationTag),
  conversationTag: okEnvelope.extend({ Tag: wireConversationTag }),
  cannedResponseList: listOf(wireCannedResponse),
  cannedResponse: okEnvelope.extend({ CannedResponse: wireCannedResponse }),
  me: okEnvelope.extend({
    User: wireUser.pick({ Id: true, Name: true, Email: true, LastLogin: true }),
    Account: z.object({ Id: wireId, Name: z.string() }),
  }),
  userList: listOf(wireUser),
  credentialList: listOf(wireCredential),
} as const

export type WireAnswer<Name extends keyof typeof wireAnswers> = z.infer<(typeof wireAnswers)[Name]>
