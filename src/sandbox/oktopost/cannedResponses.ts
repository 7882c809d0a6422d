/** `/v2/canned-response`: reusable reply templates. Note the `ID` spelling on the wire. */
import { textField } from '../http/forms'
import type { CannedResponse } from '../workspace/types'
import {
  applied, conflict, hasErrors, invalid, notFound, success, type FieldErrors, type OktopostAnswer,
} from './answers'
import { compareBy, matchesQuery, oneOf, order, pageOf, paging, requiredText } from './params'
import { LONG_TEXT_LIMIT, type OktopostRequest } from './request'
import { cannedResponseWire } from './wire'

const NAME_LIMIT = 64
const VISIBILITIES = ['shared', 'private'] as const
const LIST_LIMITS = { defaultCount: 20, maxCount: 100 }
const SORTABLE = ['name', 'created'] as const

export function listCannedResponses({ fields, workspace }: OktopostRequest): OktopostAnswer {
  const errors: FieldErrors = {}
  const page = paging(fields, LIST_LIMITS, errors)
  const sort = order(fields, SORTABLE, { field: 'created', isAscending: true }, errors)
  if (hasErrors(errors)) return invalid(errors)
  const query = textField(fields, 'q')
  const matches = workspace.cannedResponses.filter((response) => matchesQuery(query, response.name))
  matches.sort(compareBy((response) => (sort.field === 'name' ? response.name : response.created), sort.isAscending))
  return success({
    Items: pageOf(matches, page).map((response) => cannedResponseWire(response, workspace)),
    Total: matches.length,
  })
}

export function getCannedResponse(request: OktopostRequest): OktopostAnswer {
  const response = request.workspace.cannedResponse(request.params.id ?? '')
  if (response === undefined) return notFound('Canned response')
  return success({ CannedResponse: cannedResponseWire(response, request.workspace) })
}

export function createCannedResponse({ fields, workspace }: OktopostRequest): OktopostAnswer {
  const errors: FieldErrors = {}
  const name = requiredText(fields, 'name', NAME_LIMIT, errors).trim()
  const content = requiredText(fields, 'content', LONG_TEXT_LIMIT, errors)
  const visibility = visibilityField(textField(fields, 'visibility'), errors)
  if (hasErrors(errors) || visibility === undefined) return invalid(errors)
  if (workspace.cannedResponseNamed(name) !== undefined) {
    return conflict('name', `A canned response named "${name}" already exists`)
  }
  const response = workspace.addCannedResponse({ name, content, visibility }, workspace.me.id)
  return applied({ CannedResponse: cannedResponseWire(response, workspace) })
}

function visibilityField(value: string | undefined, errors: FieldErrors): CannedResponse['visibility'] | undefined {
  return value === undefined || value === '' ? 'shared' : oneOf('visibility', value, VISIBILITIES, errors)
}
