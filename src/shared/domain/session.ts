import { z } from 'zod'
import { accountSchema, meSchema } from './user'

export const REGIONS = ['us', 'eu'] as const
export const regionSchema = z.enum(REGIONS)
export type Region = z.infer<typeof regionSchema>

/** Where the Oktopost API is: a data-centre region, or a custom base URL (proxy, local sandbox). */
export const oktopostEndpointSchema = z.union([
  z.object({ region: regionSchema }).strict(),
  z.object({ baseUrl: z.string().min(1) }).strict(),
])
export type OktopostEndpoint = z.infer<typeof oktopostEndpointSchema>

const oktopostKeySchema = z.object({
  accountId: z.string(),
  apiKey: z.string(),
})

export const signInRequestSchema = z.union([
  oktopostKeySchema.extend({ region: regionSchema }).strict(),
  oktopostKeySchema.extend({ baseUrl: z.string() }).strict(),
])
export type SignInRequest = z.infer<typeof signInRequestSchema>

/** Who is signed in. Never carries the API key. */
export const sessionSchema = z.object({
  user: meSchema.shape.user,
  account: accountSchema,
  endpoint: oktopostEndpointSchema,
})
export type Session = z.infer<typeof sessionSchema>

export const commboxTokenInputSchema = z.object({
  token: z.string(),
  /** The CommBox API base URL; https://api.commbox.io/ when absent. */
  baseUrl: z.string().optional(),
})
export type CommboxTokenInput = z.infer<typeof commboxTokenInputSchema>

export const authStatusSchema = z.object({
  oktopost: sessionSchema.nullable(),
  /** Whether a CommBox token is stored, and for which base URL; never the token. */
  commbox: z.object({ baseUrl: z.string() }).nullable(),
})
export type AuthStatus = z.infer<typeof authStatusSchema>
