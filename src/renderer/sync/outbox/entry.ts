import { z } from 'zod'
import { operationSchema } from './operations'

export const OUTBOX_STATES = [
  /** Waiting for its turn (and for its undo window to pass). */
  'queued',
  /** Handed to main; if the app stops now, the outcome is unknown. */
  'sending',
  /** Failed in a way that is worth trying again at nextAttemptAt. */
  'retrying',
  /** The key was refused (401/403): nothing is sent until the agent signs in again. */
  'paused',
  /** The server refused it (400/404/409) or retries ran out: the agent edits, resends or discards. */
  'needsAttention',
  /** It may or may not have arrived; it is checked before anything is sent again. */
  'unknownOutcome',
  /** A reply queued offline whose conversation changed meanwhile: the agent decides. */
  'held',
  'done',
] as const
export const outboxStateSchema = z.enum(OUTBOX_STATES)
export type OutboxState = z.infer<typeof outboxStateSchema>

export const outboxErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  status: z.number().optional(),
})
export type OutboxError = z.infer<typeof outboxErrorSchema>

/** What the conversation looked like when the reply was queued, to notice what changed since. */
export const conversationBaselineSchema = z.object({
  status: z.enum(['open', 'closed']),
  assigneeId: z.string().nullable(),
  newestEntryId: z.string().nullable(),
  newestEntryAt: z.string().nullable(),
})
export type ConversationBaseline = z.infer<typeof conversationBaselineSchema>

export const heldReasonSchema = z.object({
  kind: z.enum(['customerWrote', 'agentReplied', 'reassigned', 'closed']),
  /** How many new entries, for customerWrote and agentReplied. */
  count: z.number().int().min(0),
  /** The newest of them, shown to the agent so they can decide without opening the timeline. */
  latestText: z.string().nullable(),
})
export type HeldReason = z.infer<typeof heldReasonSchema>

/** What the optimistic change replaced, so undo and discard can put it back. */
export const revertSchema = z.object({
  conversation: z
    .object({
      status: z.enum(['open', 'closed']),
      assigneeId: z.string().nullable(),
      tags: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
    })
    .optional(),
  tag: z.object({ id: z.string(), name: z.string() }).optional(),
  taggedConversationIds: z.array(z.string()).optional(),
})
export type Revert = z.infer<typeof revertSchema>

export const outboxEntrySchema = z.object({
  id: z.string().min(1),
  /** Queue order; assigned by IndexedDB on insert. */
  seq: z.number().int().optional(),
  orderingKey: z.string().min(1),
  operation: operationSchema,
  state: outboxStateSchema,
  attempts: z.number().int().min(0),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Not sent before this time: the undo window of a reply. */
  sendAfter: z.number(),
  nextAttemptAt: z.number(),
  lastError: outboxErrorSchema.nullable(),
  /** Set when it was queued while the app knew it was offline. */
  queuedOffline: z.boolean(),
  baseline: conversationBaselineSchema.nullable(),
  heldReasons: z.array(heldReasonSchema).optional(),
  /** The agent chose "send anyway" for a held reply. */
  overrideHold: z.boolean().optional(),
  /** How many times an unknown outcome was checked without an answer. */
  verifyAttempts: z.number().int().min(0).optional(),
  /** How many times the agent edited it before sending it again; each edit is a new send for main. */
  revision: z.number().int().min(0).optional(),
  /** The id of the optimistic timeline row this entry shows as, if any. */
  localEntryId: z.string().optional(),
  revert: revertSchema.optional(),
})
export type OutboxEntry = z.infer<typeof outboxEntrySchema>

/**
 * What main knows this change by (contract's sendId): the same for every attempt at it, so
 * main sends it at most once; new when the agent edits it.
 */
export function sendIdOf(entry: Pick<OutboxEntry, 'id' | 'revision'>): string {
  return entry.revision ? `${entry.id}.${entry.revision}` : entry.id
}
