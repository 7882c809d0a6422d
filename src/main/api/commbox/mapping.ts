import type { CommboxTag, CommboxTagInput } from '../../../shared/domain/commbox'
import type { ServerComplaint } from '../statusErrors'
import { wireCommboxError, type WireCreateTagAnswer, type WireCreateTagRequest } from './wire'

/** The one place where CommBox wire shapes and domain types meet. */

export function createTagRequest(input: CommboxTagInput): WireCreateTagRequest {
  return {
    data: {
      Name: input.name,
      Type: input.type,
      TagGroupId: input.tagGroupId,
      ObjectTag: input.objectTag,
      UserTag: input.userTag,
      ChildTag: input.childTag,
    },
  }
}

export function toCommboxTag(wire: WireCreateTagAnswer): CommboxTag {
  return { id: wire.data.id }
}

/** CommBox errors carry one `description` ("Bad Request") and no per-field detail. */
export function readCommboxComplaint(body: unknown): ServerComplaint {
  const parsed = wireCommboxError.safeParse(body)
  const description = parsed.success ? parsed.data.description?.trim() : undefined
  return { message: description === '' ? undefined : description, fields: {} }
}

/** A 2xx whose body reports an error status still is that error. */
export function statusInBody(body: unknown): number | undefined {
  const parsed = wireCommboxError.safeParse(body)
  const status = parsed.success ? Number(parsed.data.status) : Number.NaN
  return Number.isInteger(status) && status >= 400 ? status : undefined
}
