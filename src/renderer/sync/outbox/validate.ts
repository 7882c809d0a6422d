import {
  validateAssign,
  validateCannedResponse,
  validateCommboxTag,
  validateCreateCase,
  validateNote,
  validateStatus,
  validateTagName,
  validateTagNames,
} from '../../../shared/limits'
import { validateReply } from '../../../shared/replyRules'
import type { FieldErrors } from '../../../shared/result'
import type { Operation } from './operations'

export interface ValidationContext {
  /** The conversation's status as the cache shows it, for the reply rules. */
  conversationStatus?: 'open' | 'closed'
  existingCannedResponseNames?: readonly string[]
}

/** The documented limits of each operation, checked before anything is queued. */
export function validateOperation(operation: Operation, context: ValidationContext = {}): FieldErrors {
  switch (operation.kind) {
    case 'reply':
      return validateReply(operation, { ...operation, status: context.conversationStatus ?? 'open' })
    case 'note':
      return validateNote(operation.note)
    case 'setStatus':
      return validateStatus(operation.status)
    case 'assign':
      return validateAssign(operation)
    case 'replaceTags':
      return validateTagNames(operation.tags)
    case 'renameTag':
      return validateTagName(operation.name)
    case 'deleteTag':
      return {}
    case 'createCannedResponse':
      return validateCannedResponse(operation, context.existingCannedResponseNames)
    case 'createCase':
      return validateCreateCase(operation)
    case 'createCommboxTag':
      return validateCommboxTag(operation.input)
  }
}
