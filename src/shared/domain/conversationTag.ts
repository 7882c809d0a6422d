import { z } from 'zod'
import { idSchema, pageQuerySchema } from './common'

/**
 * A conversation tag. The API names it `Value` in the tag list and `Name` on a conversation;
 * the domain calls both `name`.
 */
export const conversationTagSchema = z.object({
  id: idSchema,
  name: z.string(),
})
export type ConversationTag = z.infer<typeof conversationTagSchema>

export const conversationTagQuerySchema = pageQuerySchema.extend({
  search: z.string().optional(),
})
export type ConversationTagQuery = z.infer<typeof conversationTagQuerySchema>
