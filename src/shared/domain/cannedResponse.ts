import { z } from 'zod'
import { idSchema, instantSchema, pageQuerySchema } from './common'
import { userRefSchema } from './user'

export const VISIBILITIES = ['shared', 'private'] as const
export const visibilitySchema = z.enum(VISIBILITIES)
export type Visibility = z.infer<typeof visibilitySchema>

export const cannedResponseSchema = z.object({
  id: idSchema,
  name: z.string(),
  content: z.string(),
  visibility: visibilitySchema,
  createdAt: instantSchema,
  createdBy: userRefSchema.nullable(),
})
export type CannedResponse = z.infer<typeof cannedResponseSchema>

/** Limits (name 1-64, content up to 10,000) live in shared/limits.ts so forms can show them. */
export const cannedResponseInputSchema = z.object({
  name: z.string(),
  content: z.string(),
  visibility: visibilitySchema.optional(),
})
export type CannedResponseInput = z.infer<typeof cannedResponseInputSchema>

export const cannedResponseQuerySchema = pageQuerySchema.extend({
  search: z.string().optional(),
})
export type CannedResponseQuery = z.infer<typeof cannedResponseQuerySchema>
