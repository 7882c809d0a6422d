import { z } from 'zod'
import { cannedResponseInputSchema, cannedResponseQuerySchema, cannedResponseSchema } from '../domain/cannedResponse'
import { commboxTagInputSchema, commboxTagSchema } from '../domain/commbox'
import { idSchema, pageSchema } from '../domain/common'
import {
  assignmentSchema,
  conversationQuerySchema,
  conversationSchema,
  conversationStatusSchema,
  itemTypeSchema,
} from '../domain/conversation'
import { replyInputSchema } from '../domain/conversationActions'
import { conversationTagQuerySchema, conversationTagSchema } from '../domain/conversationTag'
import { credentialQuerySchema, credentialSchema } from '../domain/credential'
import { networkSchema } from '../domain/network'
import { authStatusSchema, commboxTokenInputSchema, sessionSchema, signInRequestSchema } from '../domain/session'
import { timelineEntrySchema } from '../domain/timeline'
import { meSchema, userQuerySchema, userSchema } from '../domain/user'
import { MENU_COMMAND_ID_MAX_LENGTH, MENU_COMMAND_ID_PATTERN } from './api'

/**
 * The IPC contract: one map of `domain:verb` channels, each with the runtime schema of its
 * request and of its response. Main validates every request against it; the renderer
 * validates every response it reads back. A channel missing a handler in main is a compile
 * error. Requests are strict: an unknown key is refused, not ignored.
 */

export const transportSchema = z.enum(['electron', 'http'])
export type Transport = z.infer<typeof transportSchema>

/** Background refresh waits behind what the agent is doing in the shared rate limit. */
export const laneSchema = z.enum(['user', 'background'])
export type Lane = z.infer<typeof laneSchema>
const withLane = { lane: laneSchema.optional() }

/**
 * The outbox entry a change is sent for (and which edit of it): main sends a change with a
 * given sendId at most once while it runs (main/ipc/sendOnce.ts), so an app that restarts
 * while a change is still on its way does not send it a second time.
 */
const sendIdSchema = z.string().min(1).max(100).regex(/^[\w.:-]+$/, 'must be letters, digits, _ . : or -')
const withSendId = { sendId: sendIdSchema.optional() }

const noPayload = z.object({}).strict()
const done = z.null()

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  transport: transportSchema,
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const replyRequestSchema = z
  .object({
    conversation: z.object({ id: idSchema, network: networkSchema, itemType: itemTypeSchema, status: conversationStatusSchema }).strict(),
    message: z.string(),
    credentialId: idSchema.optional(),
    parentCommentId: idSchema.optional(),
    media: replyInputSchema.shape.media,
    ...withSendId,
  })
  .strict()
export type ReplyRequest = z.infer<typeof replyRequestSchema>

export const probeSchema = z.object({ isReachable: z.boolean(), latencyMs: z.number().nullable() })
export type Probe = z.infer<typeof probeSchema>

/** A stored Oktopost sign-in as the renderer may see it: who and where, never the key. */
export const accountSummarySchema = sessionSchema.extend({
  /** Names the account in auth:switchAccount and auth:removeAccount; carries no secret. */
  key: z.string().min(1),
  isActive: z.boolean(),
  isDemo: z.boolean(),
})
export type AccountSummary = z.infer<typeof accountSummarySchema>
export const accountListSchema = z.object({ accounts: z.array(accountSummarySchema) })
export type AccountList = z.infer<typeof accountListSchema>
const accountKeyRequest = z.object({ accountKey: z.string().min(1).max(600) }).strict()

/**
 * A system notification: plain text only, short, no icon, link or markup from the page. Main
 * shows it only while no window of the app has focus.
 */
export const desktopNotificationSchema = z
  .object({
    title: z.string().min(1).max(120),
    body: z.string().max(400),
  })
  .strict()
export type DesktopNotification = z.infer<typeof desktopNotificationSchema>

/** The application menu, as the renderer's command registry describes it (titles and current keys). */
export const desktopMenuSchema = z
  .object({
    sections: z
      .array(
        z
          .object({
            title: z.string().min(1).max(40),
            items: z
              .array(
                z
                  .object({
                    commandId: z.string().max(MENU_COMMAND_ID_MAX_LENGTH).regex(MENU_COMMAND_ID_PATTERN),
                    label: z.string().min(1).max(80),
                    /** The command's first key binding in the keymap's syntax ('$mod+k', 'Shift+E'); main turns it into an accelerator. */
                    binding: z.string().max(40).optional(),
                  })
                  .strict(),
              )
              .max(40),
          })
          .strict(),
      )
      .max(8),
  })
  .strict()
export type DesktopMenu = z.infer<typeof desktopMenuSchema>

export const contract = {
  'app:info': { request: noPayload, response: appInfoSchema },

  'auth:signIn': { request: signInRequestSchema, response: sessionSchema },
  'auth:startDemo': { request: noPayload, response: sessionSchema },
  'auth:status': { request: noPayload, response: authStatusSchema },
  'auth:signOut': { request: noPayload, response: done },
  'auth:setCommboxToken': { request: commboxTokenInputSchema.strict(), response: z.object({ baseUrl: z.string() }) },
  'auth:clearCommboxToken': { request: noPayload, response: done },
  'auth:accounts': { request: noPayload, response: accountListSchema },
  'auth:switchAccount': { request: accountKeyRequest, response: sessionSchema },
  'auth:removeAccount': { request: accountKeyRequest, response: accountListSchema },

  'conversation:list': { request: conversationQuerySchema.extend(withLane).strict(), response: pageSchema(conversationSchema) },
  'conversation:get': { request: z.object({ conversationId: idSchema, ...withLane }).strict(), response: conversationSchema },
  'conversation:timeline': {
    request: z.object({ conversationId: idSchema, lastLoadedId: idSchema.optional(), ...withLane }).strict(),
    response: z.array(timelineEntrySchema),
  },
  'conversation:setStatus': {
    request: z.object({ conversationId: idSchema, status: conversationStatusSchema, ...withSendId }).strict(),
    response: done,
  },
  'conversation:assign': {
    request: z.object({ conversationId: idSchema, assigneeId: idSchema, note: z.string().optional(), ...withSendId }).strict(),
    response: assignmentSchema,
  },
  'conversation:addNote': {
    request: z.object({ conversationId: idSchema, note: z.string(), ...withSendId }).strict(),
    response: timelineEntrySchema,
  },
  'conversation:replaceTags': {
    request: z.object({ conversationId: idSchema, tags: z.array(z.string()), ...withSendId }).strict(),
    response: z.array(conversationTagSchema),
  },
  'conversation:reply': { request: replyRequestSchema, response: done },
  'conversation:createCase': {
    request: z
      .object({
        conversationId: idSchema,
        integrationId: z.string(),
        caseOwner: z.string().optional(),
        contactId: z.string().optional(),
        caseDescription: z.string().optional(),
        ...withSendId,
      })
      .strict(),
    response: done,
  },

  'tag:list': { request: conversationTagQuerySchema.extend(withLane).strict(), response: pageSchema(conversationTagSchema) },
  'tag:get': { request: z.object({ tagId: idSchema }).strict(), response: conversationTagSchema },
  'tag:rename': { request: z.object({ tagId: idSchema, name: z.string(), ...withSendId }).strict(), response: done },
  'tag:delete': { request: z.object({ tagId: idSchema, ...withSendId }).strict(), response: done },

  'cannedResponse:list': { request: cannedResponseQuerySchema.extend(withLane).strict(), response: pageSchema(cannedResponseSchema) },
  'cannedResponse:get': { request: z.object({ cannedResponseId: idSchema }).strict(), response: cannedResponseSchema },
  'cannedResponse:create': { request: cannedResponseInputSchema.extend(withSendId).strict(), response: cannedResponseSchema },

  'user:me': { request: z.object(withLane).strict(), response: meSchema },
  'user:list': { request: userQuerySchema.extend(withLane).strict(), response: pageSchema(userSchema) },
  'credential:list': { request: credentialQuerySchema.extend(withLane).strict(), response: pageSchema(credentialSchema) },

  'commbox:createTag': { request: commboxTagInputSchema.extend(withSendId).strict(), response: commboxTagSchema },

  'connectivity:probe': { request: noPayload, response: probeSchema },

  'desktop:notify': { request: desktopNotificationSchema, response: z.object({ isShown: z.boolean() }) },
  'desktop:setBadgeCount': { request: z.object({ count: z.number().int().min(0).max(1_000_000) }).strict(), response: done },
  'desktop:setMenu': { request: desktopMenuSchema, response: done },
} as const satisfies Record<`${string}:${string}`, { request: z.ZodType; response: z.ZodType }>

/** The channels the outbox sends its changes on: each takes a sendId. */
export const OUTBOX_CHANNELS = [
  'conversation:reply',
  'conversation:addNote',
  'conversation:setStatus',
  'conversation:assign',
  'conversation:replaceTags',
  'conversation:createCase',
  'tag:rename',
  'tag:delete',
  'cannedResponse:create',
  'commbox:createTag',
] as const satisfies readonly Channel[]
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number]

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
