import type { Visibility } from '../../../shared/domain/cannedResponse'
import type { CommboxTagInput, CommboxTagType } from '../../../shared/domain/commbox'
import type { CreateCaseInput } from '../../../shared/domain/conversationActions'
import { LIMIT_MESSAGES, validateCannedResponse, validateCommboxTag, validateCreateCase } from '../../../shared/limits'
import type { FieldErrors } from '../../../shared/result'
import type { Operation } from '../../sync/outbox/operations'

/**
 * What each form holds while the agent types, and how it becomes an outbox operation. The
 * checks are the documented limits of shared/limits.ts, run as the agent types and again when
 * queueing.
 */

export interface CannedResponseDraft {
  name: string
  content: string
  visibility: Visibility
}

export function emptyCannedResponseDraft(): CannedResponseDraft {
  return { name: '', content: '', visibility: 'shared' }
}

/** `existingNames`: what the cache knows, so a taken name is caught before Oktopost's 409. */
export function checkCannedResponseDraft(draft: CannedResponseDraft, existingNames: readonly string[]): FieldErrors {
  return validateCannedResponse(draft, existingNames)
}

export function cannedResponseOperation(draft: CannedResponseDraft): Extract<Operation, { kind: 'createCannedResponse' }> {
  return { kind: 'createCannedResponse', name: draft.name.trim(), content: draft.content, visibility: draft.visibility }
}

export interface CaseDraft {
  integrationId: string
  caseOwner: string
  contactId: string
  caseDescription: string
}

/** Optional fields left blank are not sent at all. */
export function caseInput(draft: CaseDraft): CreateCaseInput {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim())
  const caseOwner = optional(draft.caseOwner)
  const contactId = optional(draft.contactId)
  const caseDescription = draft.caseDescription.trim() === '' ? undefined : draft.caseDescription
  return {
    integrationId: draft.integrationId.trim(),
    ...(caseOwner === undefined ? {} : { caseOwner }),
    ...(contactId === undefined ? {} : { contactId }),
    ...(caseDescription === undefined ? {} : { caseDescription }),
  }
}

export function checkCaseDraft(draft: CaseDraft): FieldErrors {
  return validateCreateCase(caseInput(draft))
}

export function caseOperation(conversationId: string, draft: CaseDraft): Extract<Operation, { kind: 'createCase' }> {
  return { kind: 'createCase', conversationId, ...caseInput(draft) }
}

export interface CommboxTagDraft {
  name: string
  type: CommboxTagType
  /** As typed; a whole number from 0. */
  tagGroupId: string
  objectTag: boolean
  userTag: boolean
  childTag: boolean
}

export function emptyCommboxTagDraft(): CommboxTagDraft {
  return { name: '', type: 1, tagGroupId: '0', objectTag: true, userTag: false, childTag: false }
}

export type CommboxTagParse = { ok: true; input: CommboxTagInput } | { ok: false; fields: FieldErrors }

export function parseCommboxTagDraft(draft: CommboxTagDraft): CommboxTagParse {
  const groupText = draft.tagGroupId.trim()
  const tagGroupId = /^\d{1,15}$/.test(groupText) ? Number(groupText) : Number.NaN
  const input: CommboxTagInput = {
    name: draft.name.trim(),
    type: draft.type,
    tagGroupId,
    objectTag: draft.objectTag,
    userTag: draft.userTag,
    childTag: draft.childTag,
  }
  const fields = Number.isNaN(tagGroupId) ? { ...validateCommboxTag({ ...input, tagGroupId: 0 }), tagGroupId: LIMIT_MESSAGES.tagGroupId } : validateCommboxTag(input)
  return Object.keys(fields).length === 0 ? { ok: true, input } : { ok: false, fields }
}
