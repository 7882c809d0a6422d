import { z } from 'zod'
import { idSchema, instantSchema, pageQuerySchema, personSchema } from './common'
import { conversationTagSchema } from './conversationTag'
import { networkSchema } from './network'

/** Item types in the spelling the list filter accepts (the API answers "Post" but also "conversation"). */
export const ITEM_TYPES = ['Conversation', 'Post', 'Mention', 'Reply'] as const
export const itemTypeSchema = z.enum(ITEM_TYPES)
export type ItemType = z.infer<typeof itemTypeSchema>

export const CONVERSATION_STATUSES = ['open', 'closed'] as const
export const conversationStatusSchema = z.enum(CONVERSATION_STATUSES)
export type ConversationStatus = z.infer<typeof conversationStatusSchema>

export const conversationSchema = z.object({
  id: idSchema,
  createdAt: instantSchema,
  modifiedAt: instantSchema.nullable(),
  status: conversationStatusSchema,
  network: networkSchema,
  itemType: itemTypeSchema,
  /** null when nobody is assigned. */
  assigneeId: idSchema.nullable(),
  profileName: z.string().nullable(),
  /** The customer who started the item, when the API says (not in the seed pages). */
  author: personSchema.nullable(),
  /** The opening text, shortened, when the API says (not in the seed pages). */
  preview: z.string().nullable(),
  /**
   * Only a single conversation (`get`) carries its tags; list items leave this out, meaning
   * "not said", not "no tags", so a cache must keep the tags it already has.
   */
  tags: z.array(conversationTagSchema).optional(),
})
export type Conversation = z.infer<typeof conversationSchema>

/** Filters of the conversation list; each array is sent comma-separated. */
export const conversationQuerySchema = pageQuerySchema.extend({
  types: z.array(itemTypeSchema).optional(),
  statuses: z.array(conversationStatusSchema).optional(),
  networks: z.array(networkSchema).optional(),
  assigneeIds: z.array(idSchema).optional(),
  tags: z.array(z.string().min(1)).optional(),
  search: z.string().optional(),
})
export type ConversationQuery = z.infer<typeof conversationQuerySchema>

export const assignmentSchema = z.object({
  conversationId: idSchema,
  assigneeId: idSchema,
})
export type Assignment = z.infer<typeof assignmentSchema>
