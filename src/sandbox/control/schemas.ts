/** Request bodies of the `/__sandbox/` test controls. */
import { z } from 'zod'
import { FAULT_MODES } from '../faults'

export const faultSpecSchema = z.object({
  route: z.string().trim().regex(/^(\*|([A-Za-z]+|\*)\s+\/\S*|\/\S*)$/, 'route is "*", "/path" or "METHOD /path"'),
  mode: z.enum(FAULT_MODES),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
  times: z.number().int().min(1).optional(),
  probability: z.number().min(0).max(1).optional(),
})

export const inboundSchema = z.object({
  conversationId: z.string().min(1),
  from: z.enum(['customer', 'agent']),
  content: z.string(),
  /** Customer messages: who wrote it (defaults to the item's customer). */
  authorName: z.string().min(1).optional(),
  /** Agent replies: which user sent it (defaults to a user other than the API key's owner). */
  userId: z.string().min(1).optional(),
})

export type InboundRequest = z.infer<typeof inboundSchema>
