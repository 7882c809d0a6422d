import { z } from 'zod'
import { conversationStatusSchema, itemTypeSchema } from '../../../shared/domain/conversation'
import { replyInputSchema } from '../../../shared/domain/conversationActions'
import { commboxTagInputSchema } from '../../../shared/domain/commbox'
import { visibilitySchema } from '../../../shared/domain/cannedResponse'

/**
 * Every change an agent makes is one of these operations, queued in the outbox. The schema
 * is applied to every entry read back from IndexedDB, so a corrupt or outdated row is
 * reported instead of being sent.
 */
const conversationId = z.string().min(1)

export const operationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reply'),
    conversationId,
    network: z.string().min(1),
    itemType: itemTypeSchema,
    message: z.string(),
    credentialId: z.string().optional(),
    parentCommentId: z.string().optional(),
    media: replyInputSchema.shape.media,
  }),
  z.object({ kind: z.literal('note'), conversationId, note: z.string() }),
  z.object({ kind: z.literal('setStatus'), conversationId, status: conversationStatusSchema }),
  z.object({ kind: z.literal('assign'), conversationId, assigneeId: z.string().min(1), note: z.string().optional() }),
  z.object({ kind: z.literal('replaceTags'), conversationId, tags: z.array(z.string()) }),
  z.object({ kind: z.literal('renameTag'), tagId: z.string().min(1), name: z.string() }),
  z.object({ kind: z.literal('deleteTag'), tagId: z.string().min(1) }),
  z.object({ kind: z.literal('createCannedResponse'), name: z.string(), content: z.string(), visibility: visibilitySchema }),
  z.object({
    kind: z.literal('createCase'),
    conversationId,
    integrationId: z.string(),
    caseOwner: z.string().optional(),
    contactId: z.string().optional(),
    caseDescription: z.string().optional(),
  }),
  z.object({ kind: z.literal('createCommboxTag'), input: commboxTagInputSchema }),
])
export type Operation = z.infer<typeof operationSchema>
export type OperationKind = Operation['kind']

/**
 * Entries with the same ordering key leave strictly in the order they were queued: all
 * changes to one conversation, all changes to one tag. Other entries are independent.
 */
export function orderingKey(operation: Operation): string {
  switch (operation.kind) {
    case 'reply':
    case 'note':
    case 'setStatus':
    case 'assign':
    case 'replaceTags':
    case 'createCase':
      return `conversation:${operation.conversationId}`
    case 'renameTag':
    case 'deleteTag':
      return `tag:${operation.tagId}`
    case 'createCannedResponse':
      return `canned:${operation.name.trim().toLowerCase()}`
    case 'createCommboxTag':
      return 'commbox'
  }
}

/**
 * What to do when it is not known whether the server applied an operation.
 * - repeat: setting the same state again is harmless (status, assignee, tag list, rename, delete).
 * - verifyTimeline: look for the text in the conversation's timeline before sending again.
 * - verifyCannedResponses: look the name up; it is unique.
 * - askAgent: the API offers no way to check (cases, CommBox tags): never guess.
 */
export type UnknownOutcomePolicy = 'repeat' | 'verifyTimeline' | 'verifyCannedResponses' | 'askAgent'

export function unknownOutcomePolicy(operation: Operation): UnknownOutcomePolicy {
  switch (operation.kind) {
    case 'setStatus':
    case 'replaceTags':
    case 'renameTag':
    case 'deleteTag':
      return 'repeat'
    case 'assign':
      return operation.note ? 'verifyTimeline' : 'repeat'
    case 'reply':
    case 'note':
      return 'verifyTimeline'
    case 'createCannedResponse':
      return 'verifyCannedResponses'
    case 'createCase':
    case 'createCommboxTag':
      return 'askAgent'
  }
}

/** The text a timeline check looks for, when the operation writes one. */
export function timelineText(operation: Operation): string | null {
  switch (operation.kind) {
    case 'reply':
      return operation.message
    case 'note':
      return operation.note
    case 'assign':
      return operation.note ?? null
    default:
      return null
  }
}
