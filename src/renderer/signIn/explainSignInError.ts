import type { Region } from '../../shared/domain/session'
import type { AppError } from '../../shared/result'
import { signInStrings } from '../strings/signIn'

export type SignInField = 'accountId' | 'apiKey' | 'baseUrl'
const SIGN_IN_FIELDS: readonly SignInField[] = ['accountId', 'apiKey', 'baseUrl']

export type RegionChoice = Region | 'custom'

/** Where the agent tried to sign in, as the form knows it. */
export type SignInTarget = { region: Region } | { customUrl: string }

export interface SignInProblem {
  /** A message under each field it concerns. */
  readonly fields: Partial<Record<SignInField, string>>
  /** Fields the alert is about, marked invalid without a message of their own. */
  readonly suspects: readonly SignInField[]
  readonly alert: { title: string; detail: string } | null
}

const { errors } = signInStrings

export function hostOf(target: SignInTarget): string {
  if ('region' in target) return signInStrings.regionHosts[target.region]
  try {
    return new URL(target.customUrl.trim()).host || target.customUrl
  } catch {
    return target.customUrl.trim()
  }
}

function alertOnly(title: string, detail: string, suspects: readonly SignInField[] = []): SignInProblem {
  return { fields: {}, suspects, alert: { title, detail } }
}

function explainInvalid(error: Extract<AppError, { kind: 'invalid' }>): SignInProblem {
  const fields: Partial<Record<SignInField, string>> = {}
  const others: string[] = []
  for (const [field, message] of Object.entries(error.fields)) {
    if ((SIGN_IN_FIELDS as readonly string[]).includes(field)) fields[field as SignInField] = message
    else others.push(message)
  }
  const hasFieldMessages = Object.keys(fields).length > 0
  const detail = others.join(' ') || (hasFieldMessages ? '' : error.message)
  return { fields, suspects: [], alert: detail === '' ? null : { title: errors.invalidTitle, detail } }
}

/**
 * Turns main's answer to `auth:signIn` into what the form shows: field messages where the
 * problem is one field, an alert naming the host for the rest, and which fields to check.
 */
export function explainSignInError(error: AppError, target: SignInTarget): SignInProblem {
  const host = hostOf(target)
  const isCustom = 'customUrl' in target
  const addressSuspect: SignInField[] = isCustom ? ['baseUrl'] : []
  switch (error.kind) {
    case 'invalid':
      return explainInvalid(error)
    case 'unauthorized':
      return alertOnly(errors.unauthorized.title, errors.unauthorized.detail, ['accountId', 'apiKey'])
    case 'forbidden':
      return alertOnly(errors.forbidden.title, errors.forbidden.detail, ['apiKey'])
    case 'network':
      return alertOnly(errors.network(host), isCustom ? errors.networkDetailCustom : errors.networkDetail, addressSuspect)
    case 'timeout':
      return alertOnly(errors.timeout(host), errors.timeoutDetail, addressSuspect)
    case 'unknownOutcome':
      return alertOnly(errors.brokenConnection(host), errors.timeoutDetail, addressSuspect)
    case 'rateLimited':
      return alertOnly(errors.rateLimited, errors.rateLimitedDetail(error.retryAfterMs))
    case 'server':
      return alertOnly(errors.server(error.status), errors.serverDetail)
    case 'notFound':
    case 'invalidResponse':
      return isCustom ? alertOnly(errors.notApi(host), errors.notApiDetail, addressSuspect) : alertOnly(errors.unexpected, error.message)
    case 'conflict':
    case 'internal':
      return alertOnly(errors.failed, error.message)
  }
}
