/** List, get and open/close inbox items: `/v2/conversation[/:id]`. */
import { textField } from '../http/forms'
import { ITEM_TYPES, NETWORKS, STATUSES, type ConversationRecord } from '../workspace/types'
import { applied, hasErrors, invalid, success, type FieldErrors, type OktopostAnswer } from './answers'
import { compareBy, csvFilter, csvFilterOf, matchesQuery, order, pageOf, paging, requiredChoice } from './params'
import { withConversation, type OktopostRequest } from './request'
import { conversationDetail, conversationListItem } from './wire'

/** The seed page documents no maximum; 100 keeps pages bounded like the other lists. */
const LIST_LIMITS = { defaultCount: 20, maxCount: 100 }
const SORTABLE = ['Modified', 'Created'] as const

export function listConversations({ fields, workspace }: OktopostRequest): OktopostAnswer {
  const errors: FieldErrors = {}
  const types = csvFilterOf(fields, 'type', ITEM_TYPES, errors)
  const statuses = csvFilterOf(fields, 'status', STATUSES, errors)
  // TikTok is accepted although the seed's filter list omits it: items do arrive from it.
  const networks = csvFilterOf(fields, 'network', NETWORKS, errors)
  const assigneeIds = csvFilter(fields, 'assignee_id')
  const tagNames = csvFilter(fields, 'tag')
  const query = textField(fields, 'q')
  const page = paging(fields, LIST_LIMITS, errors)
  const sort = order(fields, SORTABLE, { field: 'Modified', isAscending: false }, errors)
  if (hasErrors(errors)) return invalid(errors)

  const tagIds = tagNames && tagNames.flatMap((name) => workspace.tagNamed(name)?.id ?? [])
  const matchesText = (record: ConversationRecord): boolean =>
    matchesQuery(query, record.openingText, record.author.name, record.author.username, workspace.profileOf(record).name)
  const isMatch = (record: ConversationRecord): boolean =>
    (types === undefined || types.includes(record.itemType)) &&
    (statuses === undefined || statuses.includes(record.status)) &&
    (networks === undefined || networks.includes(record.network)) &&
    (assigneeIds === undefined || (record.assigneeId !== null && assigneeIds.includes(record.assigneeId))) &&
    (tagIds === undefined || record.tagIds.some((id) => tagIds.includes(id))) &&
    (query === undefined || matchesText(record))

  const matches = workspace.conversations.filter(isMatch)
  matches.sort(compareBy((record) => (sort.field === 'Modified' ? record.modified : record.created), sort.isAscending))
  return success({
    Conversations: {
      Total: matches.length,
      Items: pageOf(matches, page).map((record) => conversationListItem(record, workspace)),
    },
  })
}

export function getConversation(request: OktopostRequest): OktopostAnswer {
  return withConversation(request, (record) =>
    success({ Conversation: conversationDetail(record, request.workspace) }))
}

export function updateStatus(request: OktopostRequest): OktopostAnswer {
  return withConversation(request, (record) => {
    const errors: FieldErrors = {}
    const status = requiredChoice(request.fields, 'status', STATUSES, errors)
    if (status === undefined) return invalid(errors)
    request.workspace.setStatus(record, status)
    return applied()
  })
}
