import type { OutboxEntry } from '../../sync/outbox/entry'
import type { Operation } from '../../sync/outbox/operations'

/** The one line that says what an entry does, for the outbox view. */
export function describeOperation(operation: Operation): string {
  switch (operation.kind) {
    case 'reply':
      return operation.message
    case 'note':
      return operation.note
    case 'setStatus':
      return operation.status === 'closed' ? 'Close' : 'Reopen'
    case 'assign':
      return operation.note ? `→ ${operation.assigneeId}: ${operation.note}` : `→ ${operation.assigneeId}`
    case 'replaceTags':
      return operation.tags.join(', ') || '(no tags)'
    case 'renameTag':
      return `→ ${operation.name}`
    case 'deleteTag':
      return operation.tagId
    case 'createCannedResponse':
      return operation.name
    case 'createCase':
      return operation.caseDescription ?? operation.integrationId
    case 'createCommboxTag':
      return operation.input.name
  }
}

/** The text field an agent may edit before sending again, if the operation has one. */
export function editableText(operation: Operation): string | null {
  switch (operation.kind) {
    case 'reply':
      return operation.message
    case 'note':
      return operation.note
    case 'assign':
      return operation.note ?? null
    case 'createCase':
      return operation.caseDescription ?? ''
    case 'createCannedResponse':
      return operation.content
    default:
      return null
  }
}

export function withEditedText(operation: Operation, text: string): Operation {
  switch (operation.kind) {
    case 'reply':
      return { ...operation, message: text }
    case 'note':
      return { ...operation, note: text }
    case 'assign':
      return { ...operation, note: text }
    case 'createCase':
      return { ...operation, caseDescription: text }
    case 'createCannedResponse':
      return { ...operation, content: text }
    default:
      return operation
  }
}

/** Field messages from the server (invalid) as one readable line. */
export function reasonOf(entry: OutboxEntry): string | null {
  const error = entry.lastError
  if (!error) return null
  const fields = Object.values(error.fields ?? {})
  return fields.length > 0 ? `${error.message}: ${fields.join('; ')}` : error.message
}
