/**
 * CommBox under `/commbox`: `POST /tags` with a Bearer token and a JSON body wrapped in
 * `data`. CommBox's envelope differs from Oktopost's: `status` is the string "200" on
 * success and a number on errors.
 */
import { z } from 'zod'
import type { ApiCall, ApiOutcome, ApiSurface } from '../api'
import { isValidBearer } from '../auth'
import type { HttpAnswer } from '../http/respond'
import type { SandboxState } from '../state'
import { TAG_GROUP_IDS, TAG_TYPES } from './tags'

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
}

/** The seed page sets no length limit for a name; 255 keeps the sandbox from storing essays. */
const NAME_LIMIT = 255

const createTagBody = z.object({
  data: z.object({
    Name: z.string().trim().min(1).max(NAME_LIMIT),
    Type: z.union(TAG_TYPES.map((type) => z.literal(type))).default(1),
    TagGroupId: z.number().int().min(0).default(0),
    ObjectTag: z.boolean().default(true),
    UserTag: z.boolean().default(false),
    ChildTag: z.boolean().default(false),
  }),
})

export function commboxSurface(state: SandboxState): ApiSurface {
  const errorAnswer = (status: number, detail?: string, headers?: Record<string, string>): HttpAnswer => ({
    status,
    body: {
      status,
      description: detail === undefined ? DESCRIPTIONS[status] : `${DESCRIPTIONS[status]}: ${detail}`,
      response_time: responseTime(state),
    },
    ...(headers && { headers }),
  })

  const handle = (call: ApiCall): ApiOutcome => {
    if (!isValidBearer(call.headers.authorization, state.options.commboxToken)) return { answer: errorAnswer(401) }
    if (call.method !== 'POST' || call.subPath !== '/tags') return { answer: errorAnswer(404) }
    const body = parseJson(call.body)
    const parsed = createTagBody.safeParse(body)
    if (!parsed.success) return { answer: errorAnswer(400, describeIssues(parsed.error)) }
    const { TagGroupId } = parsed.data.data
    if (!TAG_GROUP_IDS.has(TagGroupId)) return { answer: errorAnswer(404, `tag group ${TagGroupId} does not exist`) }
    const answer: HttpAnswer = {
      status: 200,
      body: {
        status: '200',
        description: 'Operation successful',
        response_time: responseTime(state),
        data: { id: state.commboxTags.nextId() },
      },
    }
    return { answer, applied: { params: body } }
  }

  return {
    prefix: '/commbox',
    handle,
    errorAnswer: (status, retryAfterSeconds) =>
      errorAnswer(status, undefined, retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(retryAfterSeconds) }),
  }
}

function responseTime(state: SandboxState): string {
  return new Date(state.options.now()).toISOString()
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')
}
