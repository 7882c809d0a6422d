import { z } from 'zod'

/** CommBox tag kinds; the API takes the number and defaults to 1. */
export const COMMBOX_TAG_TYPES = { tag: 1, goal: 2, miss: 3 } as const
export const commboxTagTypeSchema = z.union([z.literal(1), z.literal(2), z.literal(3)])
export type CommboxTagType = z.infer<typeof commboxTagTypeSchema>

export const commboxTagInputSchema = z.object({
  name: z.string(),
  type: commboxTagTypeSchema,
  /** 0 makes a free-standing tag. */
  tagGroupId: z.number().int().min(0),
  /** Attachable to a conversation. */
  objectTag: z.boolean(),
  /** Attachable to a customer. */
  userTag: z.boolean(),
  /** Attachable to a single comment or reply. */
  childTag: z.boolean(),
})
export type CommboxTagInput = z.infer<typeof commboxTagInputSchema>

export const commboxTagSchema = z.object({
  id: z.string().min(1),
})
export type CommboxTag = z.infer<typeof commboxTagSchema>
