import { z } from 'zod'

/**
 * The IPC contract: one map of `domain:verb` channels, each with the runtime schema of its
 * request and of its response. Main validates every request against it; the renderer
 * validates every response it reads back. A channel missing a handler in main is a compile error.
 */

export const transportSchema = z.enum(['electron', 'http'])
export type Transport = z.infer<typeof transportSchema>

const noPayload = z.object({}).strict()

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  transport: transportSchema,
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const contract = {
  'app:info': { request: noPayload, response: appInfoSchema },
} as const satisfies Record<`${string}:${string}`, { request: z.ZodType; response: z.ZodType }>

export type Contract = typeof contract
export type Channel = keyof Contract
/** What a caller passes (before defaults are applied). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>
/** What a handler receives (after validation). */
export type ValidRequestOf<C extends Channel> = z.output<Contract[C]['request']>
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>

export const channels = Object.keys(contract) as Channel[]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value)
}
