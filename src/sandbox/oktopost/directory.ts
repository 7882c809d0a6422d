/** `GET /v2/me`, `/v2/user` and `/v2/credential`: who is signed in, who can be assigned, who to reply as. */
import { textField } from '../http/forms'
import { NETWORKS } from '../workspace/types'
import { ACCOUNT_NAME } from '../seed/directory'
import { hasErrors, invalid, success, type FieldErrors, type OktopostAnswer } from './answers'
import { csvFilterOf, matchesQuery, pageOf, paging } from './params'
import type { OktopostRequest } from './request'
import { credentialWire, userWire } from './wire'

const LIST_LIMITS = { defaultCount: 20, maxCount: 100 }

export function getMe({ workspace, options }: OktopostRequest): OktopostAnswer {
  const { Id, Name, Email, LastLogin } = userWire(workspace.me)
  return success({ User: { Id, Name, Email, LastLogin }, Account: { Id: options.accountId, Name: ACCOUNT_NAME } })
}

export function listUsers({ fields, workspace }: OktopostRequest): OktopostAnswer {
  const errors: FieldErrors = {}
  const page = paging(fields, LIST_LIMITS, errors)
  if (hasErrors(errors)) return invalid(errors)
  const query = textField(fields, 'q')
  const matches = workspace.users.filter((user) => matchesQuery(query, user.name, user.email))
  return success({ Items: pageOf(matches, page).map(userWire), Total: matches.length })
}

export function listCredentials({ fields, workspace }: OktopostRequest): OktopostAnswer {
  const errors: FieldErrors = {}
  const networks = csvFilterOf(fields, 'network', NETWORKS, errors)
  if (hasErrors(errors)) return invalid(errors)
  const matches = workspace.credentials.filter((credential) => networks === undefined || networks.includes(credential.network))
  return success({ Items: matches.map(credentialWire), Total: matches.length })
}
