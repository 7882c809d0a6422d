import { VISIBILITIES, type CannedResponseInput } from './domain/cannedResponse'
import { COMMBOX_TAG_TYPES, type CommboxTagInput } from './domain/commbox'
import type { PageQuery } from './domain/common'
import type { AssignInput, CreateCaseInput } from './domain/conversationActions'
import { CONVERSATION_STATUSES } from './domain/conversation'
import type { FieldErrors } from './result'

/**
 * The limits the API pages document, checked by the renderer's forms as the agent types and by
 * main again before anything is sent, so a request the API would refuse never leaves (or sits
 * in the outbox). Every validator answers field messages keyed by the input's own field names;
 * an empty object means valid.
 *
 * Lengths count characters as people see them (Unicode code points, so an emoji is one), as
 * Oktopost's PHP back end (mb_strlen) and the sandbox do; see `characterCount`.
 */
export const LIMITS = {
  tagNameMaxLength: 64,
  cannedResponseNameMaxLength: 64,
  /** Notes, reply messages, assignment notes, case descriptions, canned response content. */
  textMaxLength: 10_000,
  conversationTagsPerPageMax: 20,
} as const

export const LIMIT_MESSAGES = {
  required: (label: string) => `${label} can't be empty`,
  tooLong: (label: string, max: number, length: number) =>
    `${label} can be at most ${max.toLocaleString('en-US')} characters (this one has ${length.toLocaleString('en-US')})`,
  oneOf: (label: string, values: readonly (string | number)[]) => `${label} must be one of: ${values.join(', ')}`,
  duplicateCannedResponseName: 'A canned response with this name already exists',
  pageNumber: 'Page must be a whole number from 0',
  pageSize: 'Page size must be a whole number from 1',
  tagsPageSize: `Conversation tags can be listed at most ${LIMITS.conversationTagsPerPageMax} per page`,
  tagGroupId: 'Tag group must be a whole number; 0 makes a free-standing tag',
} as const

export interface TextRule {
  label: string
  /** Absent when the API documents no maximum. */
  max?: number
  isRequired: boolean
}

export function characterCount(text: string): number {
  return [...text].length
}

/** One text field against its rule; blank (whitespace only) counts as empty. */
export function checkText(value: string, rule: TextRule): string | undefined {
  if (rule.isRequired && value.trim().length === 0) return LIMIT_MESSAGES.required(rule.label)
  // Code points never outnumber UTF-16 units, so only long strings need counting.
  if (rule.max === undefined || value.length <= rule.max) return undefined
  const length = characterCount(value)
  return length > rule.max ? LIMIT_MESSAGES.tooLong(rule.label, rule.max, length) : undefined
}

export const TEXT_RULES = {
  tagName: { label: 'Tag name', max: LIMITS.tagNameMaxLength, isRequired: true },
  note: { label: 'Note', max: LIMITS.textMaxLength, isRequired: true },
  assignmentNote: { label: 'Note', max: LIMITS.textMaxLength, isRequired: false },
  message: { label: 'Message', max: LIMITS.textMaxLength, isRequired: true },
  caseDescription: { label: 'Case description', max: LIMITS.textMaxLength, isRequired: false },
  integrationId: { label: 'Salesforce integration', isRequired: true },
  assigneeId: { label: 'Assignee', isRequired: true },
  cannedResponseName: { label: 'Name', max: LIMITS.cannedResponseNameMaxLength, isRequired: true },
  cannedResponseContent: { label: 'Content', max: LIMITS.textMaxLength, isRequired: true },
  commboxTagName: { label: 'Tag name', isRequired: true },
} as const satisfies Record<string, TextRule>

/** Collects the messages of the fields that fail; fields whose check passes are left out. */
function fieldsOf(checks: Record<string, string | undefined>): FieldErrors {
  const fields: FieldErrors = {}
  for (const [field, message] of Object.entries(checks)) {
    if (message !== undefined) fields[field] = message
  }
  return fields
}

export function validateTagName(name: string): FieldErrors {
  return fieldsOf({ name: checkText(name, TEXT_RULES.tagName) })
}

/** The full tag list of a conversation; an empty list removes every tag. Fields are `tags.<index>`. */
export function validateTagNames(names: readonly string[]): FieldErrors {
  return fieldsOf(Object.fromEntries(names.map((name, index) => [`tags.${index}`, checkText(name, TEXT_RULES.tagName)])))
}

export function validateNote(note: string): FieldErrors {
  return fieldsOf({ note: checkText(note, TEXT_RULES.note) })
}

export function validateAssign(input: AssignInput): FieldErrors {
  return fieldsOf({
    assigneeId: checkText(input.assigneeId, TEXT_RULES.assigneeId),
    note: input.note === undefined ? undefined : checkText(input.note, TEXT_RULES.assignmentNote),
  })
}

export function validateStatus(status: string): FieldErrors {
  const isKnown = (CONVERSATION_STATUSES as readonly string[]).includes(status)
  return fieldsOf({ status: isKnown ? undefined : LIMIT_MESSAGES.oneOf('Status', CONVERSATION_STATUSES) })
}

/**
 * Names must be unique; the server says so with 409. Pass the names already known (the cache)
 * to catch it while typing; exact match after trimming, as the server's rule isn't documented further.
 */
export function validateCannedResponse(input: CannedResponseInput, existingNames: readonly string[] = []): FieldErrors {
  const trimmedName = input.name.trim()
  const isDuplicate = trimmedName.length > 0 && existingNames.some((existing) => existing.trim() === trimmedName)
  const isKnownVisibility =
    input.visibility === undefined || (VISIBILITIES as readonly string[]).includes(input.visibility)
  return fieldsOf({
    name:
      checkText(input.name, TEXT_RULES.cannedResponseName) ??
      (isDuplicate ? LIMIT_MESSAGES.duplicateCannedResponseName : undefined),
    content: checkText(input.content, TEXT_RULES.cannedResponseContent),
    visibility: isKnownVisibility ? undefined : LIMIT_MESSAGES.oneOf('Visibility', VISIBILITIES),
  })
}

export function validateCreateCase(input: CreateCaseInput): FieldErrors {
  return fieldsOf({
    integrationId: checkText(input.integrationId, TEXT_RULES.integrationId),
    caseDescription:
      input.caseDescription === undefined ? undefined : checkText(input.caseDescription, TEXT_RULES.caseDescription),
  })
}

export function validatePageQuery(query: PageQuery): FieldErrors {
  const isWhole = (value: number | undefined, min: number) =>
    value === undefined || (Number.isInteger(value) && value >= min)
  return fieldsOf({
    page: isWhole(query.page, 0) ? undefined : LIMIT_MESSAGES.pageNumber,
    count: isWhole(query.count, 1) ? undefined : LIMIT_MESSAGES.pageSize,
  })
}

export function validateConversationTagQuery(query: PageQuery): FieldErrors {
  const fields = validatePageQuery(query)
  if (fields.count === undefined && query.count !== undefined && query.count > LIMITS.conversationTagsPerPageMax) {
    fields.count = LIMIT_MESSAGES.tagsPageSize
  }
  return fields
}

const COMMBOX_TAG_TYPE_VALUES: readonly number[] = Object.values(COMMBOX_TAG_TYPES)

export function validateCommboxTag(input: CommboxTagInput): FieldErrors {
  const isKnownType = COMMBOX_TAG_TYPE_VALUES.includes(input.type)
  return fieldsOf({
    name: checkText(input.name, TEXT_RULES.commboxTagName),
    type: isKnownType ? undefined : LIMIT_MESSAGES.oneOf('Type', COMMBOX_TAG_TYPE_VALUES),
    tagGroupId:
      Number.isInteger(input.tagGroupId) && input.tagGroupId >= 0 ? undefined : LIMIT_MESSAGES.tagGroupId,
  })
}
