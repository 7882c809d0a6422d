import type { ErrorKind, FieldErrors } from '../../../shared/result'
import { formStrings } from '../../strings/forms'

/**
 * What a refused or failed change means, for the form that made it: a headline, a sentence on
 * what to do, and messages for the fields concerned. Reads an error as the outbox records it
 * (kind, message, field messages, HTTP status) or as main answers it.
 */
export interface ServerAnswer {
  kind: string
  message: string
  fields?: FieldErrors | undefined
  status?: number | undefined
  retryAfterMs?: number | undefined
}

export interface Explanation {
  title: string
  detail: string
  fields: FieldErrors
}

type Service = 'Oktopost' | 'CommBox'

const { answers } = formStrings
const ERROR_KINDS: readonly ErrorKind[] = [
  'network',
  'timeout',
  'unknownOutcome',
  'rateLimited',
  'unauthorized',
  'forbidden',
  'notFound',
  'conflict',
  'invalid',
  'server',
  'invalidResponse',
  'internal',
]

/** Errors read back from the outbox carry their kind as a string; an unknown one reads as internal. */
function kindOf(answer: ServerAnswer): ErrorKind {
  return (ERROR_KINDS as readonly string[]).includes(answer.kind) ? (answer.kind as ErrorKind) : 'internal'
}

function plain(title: string, detail: string, fields: FieldErrors = {}): Explanation {
  return { title, detail, fields }
}

/** The answers every form reads the same way. */
function explainCommon(answer: ServerAnswer, service: Service): Explanation {
  const kind = kindOf(answer)
  switch (kind) {
    case 'network':
      return plain(answers.common.network.title, answers.common.network.detail)
    case 'rateLimited': {
      const text = answers.common.rateLimited(service, answer.retryAfterMs)
      return plain(text.title, text.detail)
    }
    case 'unauthorized':
    case 'forbidden':
    case 'notFound':
    case 'server': {
      const text = answers.common[kind](service)
      return plain(text.title, answer.message || text.detail)
    }
    case 'invalid':
    case 'conflict':
      return plain(answer.message, '', answer.fields ?? {})
    case 'timeout':
    case 'unknownOutcome':
    case 'invalidResponse':
    case 'internal': {
      const text = answers.common.unexpected(service)
      return plain(text.title, answer.message || text.detail)
    }
  }
}

/** Oktopost's fields as the canned response form names them. */
const CANNED_FIELDS = new Set(['name', 'content', 'visibility'])

function pick(fields: FieldErrors | undefined, known: ReadonlySet<string>): FieldErrors {
  return Object.fromEntries(Object.entries(fields ?? {}).filter(([field]) => known.has(field)))
}

export function explainCannedResponseAnswer(answer: ServerAnswer): Explanation {
  switch (kindOf(answer)) {
    case 'conflict': {
      const { duplicate } = answers.canned
      return plain(duplicate.title, duplicate.detail, { name: duplicate.field })
    }
    case 'invalid':
      return plain(answers.canned.refused, answer.message, pick(answer.fields, CANNED_FIELDS))
    default:
      return explainCommon(answer, 'Oktopost')
  }
}

/** Renaming a tag: Oktopost answers 409 when another tag has the name. */
export function explainTagAnswer(answer: ServerAnswer): Explanation {
  const { tag } = answers
  switch (kindOf(answer)) {
    case 'conflict':
      return plain(tag.duplicate.title, tag.duplicate.detail, { name: tag.duplicate.title })
    case 'invalid':
      return plain(tag.refused, answer.message, { name: answer.fields?.['name'] ?? answer.fields?.['tag'] ?? answer.message })
    case 'notFound':
      return plain(tag.gone.title, tag.gone.detail)
    default:
      return explainCommon(answer, 'Oktopost')
  }
}

const CASE_FIELDS = new Set(['integrationId', 'caseOwner', 'contactId', 'caseDescription'])

/** Oktopost names the integration field `integration_id`; main's mapping makes it `integrationId`. */
function integrationComplaint(answer: ServerAnswer): string | undefined {
  return answer.fields?.['integrationId'] ?? answer.fields?.['integration_id']
}

export function explainCaseAnswer(answer: ServerAnswer): Explanation {
  const kind = kindOf(answer)
  if (kind === 'invalid') {
    const complaint = integrationComplaint(answer)
    const others = pick(answer.fields, CASE_FIELDS)
    if (complaint !== undefined || /integration/i.test(answer.message)) {
      const text = /no active|not active|inactive|no .*integration/i.test(complaint ?? answer.message)
        ? answers.case.noIntegration
        : answers.case.unknownIntegration
      return plain(text.title, text.detail, { ...others, integrationId: text.field })
    }
    return plain(answers.case.refused, answer.message, others)
  }
  if (kind === 'notFound') return plain(answers.case.gone.title, answers.case.gone.detail)
  if (kind === 'unknownOutcome' || kind === 'timeout') return plain(answers.case.unknownOutcome.title, answers.case.unknownOutcome.detail)
  return explainCommon(answer, 'Oktopost')
}

/**
 * CommBox answers 400, 401, 404, 429 and 500 (501 also appears), each with only a short
 * description ("Bad Request"), so each is explained here in full.
 */
export function explainCommboxAnswer(answer: ServerAnswer): Explanation {
  const { commbox } = answers
  const kind = kindOf(answer)
  switch (kind) {
    case 'invalid':
      return plain(commbox.invalid.title, commbox.invalid.detail(answer.message))
    case 'unauthorized':
      return plain(commbox.unauthorized.title, commbox.unauthorized.detail)
    case 'forbidden':
      return plain(commbox.forbidden.title, commbox.forbidden.detail)
    case 'notFound':
      return plain(commbox.notFound.title, commbox.notFound.detail, { tagGroupId: commbox.notFound.field })
    case 'rateLimited':
      return plain(commbox.rateLimited.title, commbox.rateLimited.detail)
    case 'server':
      return plain(commbox.server.title(answer.status ?? 500), commbox.server.detail)
    case 'timeout':
    case 'unknownOutcome':
      return plain(commbox.unknownOutcome.title, commbox.unknownOutcome.detail)
    case 'network':
    case 'conflict':
    case 'invalidResponse':
    case 'internal':
      return explainCommon(answer, 'CommBox')
  }
}
