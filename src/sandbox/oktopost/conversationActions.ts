/** Assign, note, tags and Salesforce case on one inbox item. Replies are in reply.ts. */
import { listField } from '../http/forms'
import { applied, hasErrors, invalid, type FieldErrors, type OktopostAnswer } from './answers'
import { characterCount, optionalText, requiredText } from './params'
import { ID_LIMIT, LONG_TEXT_LIMIT, withConversation, type OktopostRequest } from './request'
import { conversationTagsWire, timelineEntryWire } from './wire'

export const TAG_NAME_LIMIT = 64

export function assignConversation(request: OktopostRequest): OktopostAnswer {
  return withConversation(request, (record) => {
    const { fields, workspace } = request
    const errors: FieldErrors = {}
    const assigneeId = requiredText(fields, 'assignee_id', ID_LIMIT, errors)
    const note = optionalText(fields, 'note', LONG_TEXT_LIMIT, errors)
    if (assigneeId !== '' && workspace.user(assigneeId) === undefined) errors.assignee_id = `Unknown user ${assigneeId}`
    if (hasErrors(errors)) return invalid(errors)
    workspace.assign(record, assigneeId, note, workspace.me.id)
    return applied({ Assignment: { ItemId: record.id, AssigneeId: assigneeId } })
  })
}

export function addNote(request: OktopostRequest): OktopostAnswer {
  return withConversation(request, (record) => {
    const errors: FieldErrors = {}
    const note = requiredText(request.fields, 'note', LONG_TEXT_LIMIT, errors)
    if (hasErrors(errors)) return invalid(errors)
    const entry = request.workspace.appendEntry(record, {
      type: 'note', content: note, createdBy: request.workspace.me.id, isInbound: false,
    })
    return applied({ Note: timelineEntryWire(entry) })
  })
}

export function replaceTags(request: OktopostRequest): OktopostAnswer {
  return withConversation(request, (record) => {
    const names = listField(request.fields, 'tags')?.map((name) => name.trim())
    if (names === undefined) return invalid({ tags: 'Missing value for parameter tags' })
    if (!names.every(isValidTagName)) return invalid({ tags: `Tag names must be 1 to ${TAG_NAME_LIMIT} characters` })
    return applied({ Tags: conversationTagsWire(request.workspace.replaceTags(record, names)) })
  })
}

export function createCase(request: OktopostRequest): OktopostAnswer {
  return withConversation(request, () => {
    const { fields, options } = request
    const errors: FieldErrors = {}
    const integrationId = requiredText(fields, 'integration_id', ID_LIMIT, errors)
    optionalText(fields, 'case_description', LONG_TEXT_LIMIT, errors)
    if (options.salesforceIntegrationId === undefined) {
      errors.integration_id = 'No active Salesforce integration on this account'
    } else if (integrationId !== '' && integrationId !== options.salesforceIntegrationId) {
      errors.integration_id = `Unknown Salesforce integration ${integrationId}`
    }
    if (hasErrors(errors)) return invalid(errors)
    return applied()
  })
}

function isValidTagName(name: string): boolean {
  return name !== '' && characterCount(name) <= TAG_NAME_LIMIT
}
