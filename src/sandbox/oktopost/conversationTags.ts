/** `/v2/conversation-tag`: tag definitions. Conversations refer to tags by id. */
import { textField } from '../http/forms'
import type { Tag } from '../workspace/types'
import {
  applied, conflict, hasErrors, invalid, notFound, success, type FieldErrors, type OktopostAnswer,
} from './answers'
import { TAG_NAME_LIMIT } from './conversationActions'
import { compareBy, matchesQuery, order, pageOf, paging, requiredText } from './params'
import type { OktopostRequest } from './request'
import { tagWire } from './wire'

/** The seed page: "Number of results per page (max 20)". */
const LIST_LIMITS = { defaultCount: 20, maxCount: 20 }
const SORTABLE = ['name', 'id'] as const

export function listTags({ fields, workspace }: OktopostRequest): OktopostAnswer {
  const errors: FieldErrors = {}
  const page = paging(fields, LIST_LIMITS, errors)
  const sort = order(fields, SORTABLE, { field: 'id', isAscending: true }, errors)
  if (hasErrors(errors)) return invalid(errors)
  const query = textField(fields, 'q')
  const matches = workspace.tags.filter((tag) => matchesQuery(query, tag.value))
  matches.sort(compareBy((tag) => (sort.field === 'name' ? tag.value : tag.id), sort.isAscending))
  return success({ Items: pageOf(matches, page).map(tagWire), Total: matches.length })
}

export function getTag(request: OktopostRequest): OktopostAnswer {
  return withTag(request, (tag) => success({ Tag: tagWire(tag) }))
}

export function renameTag(request: OktopostRequest): OktopostAnswer {
  return withTag(request, (tag) => {
    const { fields, workspace } = request
    const errors: FieldErrors = {}
    const name = requiredText(fields, 'tag', TAG_NAME_LIMIT, errors).trim()
    if (hasErrors(errors)) return invalid(errors)
    const namesake = workspace.tagNamed(name)
    if (namesake !== undefined && namesake !== tag) return conflict('tag', `A tag named "${name}" already exists`)
    workspace.renameTag(tag, name)
    return applied()
  })
}

export function deleteTag(request: OktopostRequest): OktopostAnswer {
  return withTag(request, (tag) => {
    request.workspace.deleteTag(tag)
    return applied()
  })
}

function withTag(request: OktopostRequest, handle: (tag: Tag) => OktopostAnswer): OktopostAnswer {
  const tag = request.workspace.tag(request.params.id ?? '')
  return tag === undefined ? notFound('Tag') : handle(tag)
}
