import { z } from 'zod'
import { idSchema, instantSchema, pageQuerySchema } from './common'

export const userSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  lastLoginAt: instantSchema.nullable(),
  role: z.string().nullable(),
  timezone: z.string().nullable(),
})
export type User = z.infer<typeof userSchema>

/** A user as another object names them (the author of a canned response). */
export const userRefSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
})
export type UserRef = z.infer<typeof userRefSchema>

export const userQuerySchema = pageQuerySchema.omit({ order: true }).extend({
  search: z.string().optional(),
})
export type UserQuery = z.infer<typeof userQuerySchema>

export const accountSchema = z.object({
  id: idSchema,
  name: z.string(),
})
export type Account = z.infer<typeof accountSchema>

/** Who the API key belongs to (`GET /v2/me`). */
export const meSchema = z.object({
  user: userSchema.pick({ id: true, name: true, email: true, lastLoginAt: true }),
  account: accountSchema,
})
export type Me = z.infer<typeof meSchema>
