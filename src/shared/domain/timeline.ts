import { z } from 'zod'
import { idSchema, instantSchema, personSchema } from './common'

/** Entry types the seed pages name; others may appear and are kept as sent (lower-cased). */
export const KNOWN_TIMELINE_ENTRY_TYPES = ['message', 'comment', 'note', 'share', 'like'] as const

export const timelineEntrySchema = z.object({
  id: idSchema,
  type: z.string().min(1),
  createdAt: instantSchema,
  /** null for entries without text, such as likes. */
  content: z.string().nullable(),
  /** The user id of the agent who wrote it; null for customer activity. */
  createdBy: idSchema.nullable(),
  /**
   * Beyond the seed pages (the sandbox sends them; the real API may not, so null / empty):
   * who it appears from, the comment it answers, whether the customer sent it, attachment URLs.
   */
  author: personSchema.nullable(),
  parentId: idSchema.nullable(),
  isInbound: z.boolean().nullable(),
  media: z.array(z.string()),
})
export type TimelineEntry = z.infer<typeof timelineEntrySchema>

/** Newest first. `lastLoadedId` is the id of the oldest entry held; the answer is older than it. */
export const timelineQuerySchema = z.object({
  lastLoadedId: idSchema.optional(),
})
export type TimelineQuery = z.infer<typeof timelineQuerySchema>
