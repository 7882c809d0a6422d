import { z } from 'zod'
import { idSchema } from './common'

/**
 * Inputs of the conversation actions. The schemas check shape only; the documented limits
 * (lengths, the reply matrix) are in shared/limits.ts and shared/replyRules.ts, which produce
 * the field messages forms show and main checks again before sending.
 */

export const assignInputSchema = z.object({
  assigneeId: idSchema,
  note: z.string().optional(),
})
export type AssignInput = z.infer<typeof assignInputSchema>

export const replyInputSchema = z.object({
  message: z.string(),
  /** The "reply as" credential; the item's default credential when absent. */
  credentialId: idSchema.optional(),
  /** Threading on public items; see replyRules for the networks where it applies. */
  parentCommentId: idSchema.optional(),
  /**
   * URLs of media to attach, sent as `media[]=<url>`. The seed page only says "array of media
   * objects"; URLs are what the sandbox accepts.
   */
  media: z.array(z.string().min(1)).optional(),
})
export type ReplyInput = z.infer<typeof replyInputSchema>

export const createCaseInputSchema = z.object({
  integrationId: z.string(),
  caseOwner: z.string().optional(),
  contactId: z.string().optional(),
  caseDescription: z.string().optional(),
})
export type CreateCaseInput = z.infer<typeof createCaseInputSchema>
