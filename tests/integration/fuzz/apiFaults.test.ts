import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/main/api/clock'
import { createCommboxClient, type CommboxClient } from '../../../src/main/api/commbox/client'
import { createOktopostClient, type OktopostClient } from '../../../src/main/api/oktopost/client'
import { createRateLimiter } from '../../../src/main/api/rateLimiter'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import type { ErrorKind, Result } from '../../../src/shared/result'
import { sandboxControl, type FaultMode, type SandboxControl } from '../../support/sandboxControl'
import { UNLIMITED } from './support/signedIn'

/**
 * The API clients against answers spoiled on the way back: malformed JSON, wrong types,
 * missing fields, a huge body, a slow drip of bytes and a connection cut mid-body. Each
 * becomes a clear, typed error that names the service; nothing is half-parsed into a value.
 */
/** For the slow drip: the answer takes 20 pieces x 30 ms = 600 ms, four times this deadline. */
const SHORT_DEADLINE_MS = 150
const DRIP_INTERVAL_MS = 30
/** Everything else is judged on what arrives, not on how fast a busy machine sends 24 MB. */
const RELAXED_DEADLINE_MS = 20_000

interface Clients {
  oktopost: OktopostClient
  commbox: CommboxClient
}

let sandbox: RunningSandbox
let control: SandboxControl
let hurried: Clients
let relaxed: Clients

function clientsWithDeadline(timeoutMs: number): Clients {
  const { accountId, apiKey, commboxToken } = sandbox.options
  return {
    oktopost: createOktopostClient({
      auth: { baseUrl: sandbox.oktopostBaseUrl, accountId, apiKey },
      limiter: createRateLimiter({ windows: UNLIMITED, clock: systemClock }),
      timeoutMs,
      // One attempt, so each answer below is the client's verdict on exactly one spoiled response.
      readRetry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    }),
    commbox: createCommboxClient({ baseUrl: sandbox.commboxBaseUrl, token: commboxToken, timeoutMs }),
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({ conversations: 30 })
  control = sandboxControl(sandbox.url)
  hurried = clientsWithDeadline(SHORT_DEADLINE_MS)
  relaxed = clientsWithDeadline(RELAXED_DEADLINE_MS)
})

afterAll(() => sandbox.close())
beforeEach(() => control.reset())

interface Operation {
  route: string
  isWrite: boolean
  /** Whether the answer has objects below its envelope (missingFields leaves `{"Result": true}` whole). */
  hasNestedFields: boolean
  service: 'Oktopost' | 'CommBox'
  call: (clients: Clients) => Promise<Result<unknown>>
}

const operations: Record<string, Operation> = {
  me: { route: 'GET /v2/me', isWrite: false, hasNestedFields: true, service: 'Oktopost', call: ({ oktopost }) => oktopost.account.me() },
  listConversations: { route: 'GET /v2/conversation', isWrite: false, hasNestedFields: true, service: 'Oktopost', call: ({ oktopost }) => oktopost.conversations.list({ count: 5 }) },
  getConversation: { route: 'GET /v2/conversation/:id', isWrite: false, hasNestedFields: true, service: 'Oktopost', call: ({ oktopost }) => oktopost.conversations.get('eit000000000001') },
  timeline: { route: 'GET /v2/conversation/:id/timeline', isWrite: false, hasNestedFields: true, service: 'Oktopost', call: ({ oktopost }) => oktopost.conversations.timeline('eit000000000002') },
  listTags: { route: 'GET /v2/conversation-tag', isWrite: false, hasNestedFields: true, service: 'Oktopost', call: ({ oktopost }) => oktopost.conversationTags.list() },
  listCannedResponses: { route: 'GET /v2/canned-response', isWrite: false, hasNestedFields: true, service: 'Oktopost', call: ({ oktopost }) => oktopost.cannedResponses.list() },
  listUsers: { route: 'GET /v2/user', isWrite: false, hasNestedFields: true, service: 'Oktopost', call: ({ oktopost }) => oktopost.account.users() },
  addNote: { route: 'POST /v2/conversation/:id/note', isWrite: true, hasNestedFields: true, service: 'Oktopost', call: ({ oktopost }) => oktopost.conversations.addNote('eit000000000001', 'spoiled answer') },
  reply: {
    route: 'POST /v2/conversation/:id/reply',
    isWrite: true,
    hasNestedFields: false,
    service: 'Oktopost',
    call: ({ oktopost }) => oktopost.conversations.reply({ id: 'eit000000000001', network: 'Facebook', itemType: 'Conversation', status: 'open' }, { message: 'spoiled answer' }),
  },
  createCommboxTag: {
    route: 'POST /commbox/tags',
    isWrite: true,
    hasNestedFields: true,
    service: 'CommBox',
    call: ({ commbox }) => commbox.createTag({ name: 'Spoiled', type: 1, tagGroupId: 0, objectTag: true, userTag: false, childTag: false }),
  },
}

/** What each spoiled answer must become. */
function expectedKind(mode: FaultMode, operation: Operation): ErrorKind | 'ok' {
  switch (mode) {
    case 'malformedJson':
    case 'wrongTypes':
    case 'hugeBody':
      return 'invalidResponse'
    case 'missingFields':
      return operation.hasNestedFields ? 'invalidResponse' : 'ok'
    case 'slowDrip':
      return 'timeout'
    case 'cutMidBody':
      // A GET changes nothing, so it is safe to call a network error; a write may have been applied.
      return operation.isWrite ? 'unknownOutcome' : 'network'
    default:
      throw new Error(`no expectation for ${mode}`)
  }
}

const SPOILING_MODES = ['malformedJson', 'wrongTypes', 'missingFields', 'hugeBody', 'slowDrip', 'cutMidBody'] as const

describe('API clients against spoiled answers', () => {
  for (const mode of SPOILING_MODES) {
    it(`turns ${mode} into a clear error on every kind of call`, async () => {
      const outcomes: Record<string, string> = {}
      const expected: Record<string, string> = {}
      for (const [name, operation] of Object.entries(operations)) {
        await control.addFault({ route: operation.route, mode, latencyMs: DRIP_INTERVAL_MS, times: 1 })
        const result = await operation.call(mode === 'slowDrip' ? hurried : relaxed)
        expected[name] = expectedKind(mode, operation)
        outcomes[name] = result.ok ? 'ok' : result.error.kind
        if (!result.ok) {
          expect(result.error.message, name).toContain(operation.service)
          expect(result.error.message.length, name).toBeLessThan(500)
        }
      }
      expect(outcomes).toEqual(expected)
    })
  }

  it('says how large an oversized answer was instead of reading all of it', async () => {
    await control.addFault({ route: 'GET /v2/conversation', mode: 'hugeBody', times: 1 })
    expect(await relaxed.oktopost.conversations.list({ count: 5 })).toEqual({
      ok: false,
      error: { kind: 'invalidResponse', message: 'Oktopost sent an answer larger than 16 MB; Inbox Desk stopped reading it' },
    })
  })

  it('still reads an answer that drips in within the deadline', async () => {
    await control.addFault({ route: 'GET /v2/me', mode: 'slowDrip', latencyMs: 1, times: 1 })
    expect(await relaxed.oktopost.account.me()).toMatchObject({ ok: true, value: { user: { id: '00A000000000001' } } })
  })
})
