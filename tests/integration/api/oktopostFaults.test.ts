import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { OktopostClient } from '../../../src/main/api/oktopost/client'
import type { Conversation } from '../../../src/shared/domain/conversation'
import { FakeClock } from '../../unit/main/api/fakeClock'
import { roomyLimiter, SandboxHarness } from './sandboxHarness'

/**
 * Every sandbox fault mode against GETs (retried) and POSTs (never retried), with the ledger
 * showing what the server really applied.
 */

let harness: SandboxHarness
let client: OktopostClient
let replyTarget: Conversation

beforeAll(async () => {
  harness = await SandboxHarness.start()
  client = harness.oktopost()
  const open = await client.conversations.list({ statuses: ['open'], networks: ['Facebook'], types: ['Post'], count: 1 })
  if (!open.ok || open.value.items[0] === undefined) throw new Error('no open Facebook post in the sandbox')
  replyTarget = open.value.items[0]
})
afterEach(() => harness.clearFaults())
afterAll(() => harness.close())

const GET_CONVERSATION = 'GET /v2/conversation/:id'
const POST_REPLY = 'POST /v2/conversation/:id/reply'
const POST_NOTE = 'POST /v2/conversation/:id/note'

async function appliedSince(before: number, path: string) {
  return (await harness.ledger()).slice(before).filter((entry) => entry.path === path)
}

/** Polls the ledger (the sandbox applies a delayed request after our deadline has passed). */
async function eventuallyApplied(before: number, path: string) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const applied = await appliedSince(before, path)
    if (applied.length > 0) return applied
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return []
}

describe('latency', () => {
  it('only delays an answer that arrives within the deadline', async () => {
    await harness.addFault({ route: GET_CONVERSATION, mode: 'latency', latencyMs: 50 })
    expect((await client.conversations.get(replyTarget.id)).ok).toBe(true)
  })

  it('is a timeout past the deadline; a GET is retried and gets through', async () => {
    const impatient = harness.oktopost({ timeoutMs: 150 })
    await harness.addFault({ route: GET_CONVERSATION, mode: 'latency', latencyMs: 300, times: 1 })
    expect((await impatient.conversations.get(replyTarget.id)).ok).toBe(true)
  })

  it('leaves a POST that timed out as a timeout, not resent, although the server may apply it', async () => {
    const impatient = harness.oktopost({ timeoutMs: 150 })
    await harness.addFault({ route: POST_NOTE, mode: 'latency', latencyMs: 300 })
    const before = (await harness.ledger()).length
    const result = await impatient.conversations.addNote(replyTarget.id, 'slow note')
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } })
    expect(await eventuallyApplied(before, `/v2/conversation/${replyTarget.id}/note`)).toHaveLength(1)
  })
})

describe('resetBefore (connection closed before the server processed the request)', () => {
  it('retries a GET, which then succeeds', async () => {
    await harness.addFault({ route: GET_CONVERSATION, mode: 'resetBefore', times: 1 })
    expect((await client.conversations.get(replyTarget.id)).ok).toBe(true)
    expect(await harness.faultsRemaining()).toEqual([])
  })

  it('calls a broken POST an unknown outcome: the client cannot know the server did nothing', async () => {
    await harness.addFault({ route: POST_REPLY, mode: 'resetBefore' })
    const before = (await harness.ledger()).length
    const result = await client.conversations.reply(replyTarget, { message: 'reset before' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'unknownOutcome' } })
    expect(await appliedSince(before, `/v2/conversation/${replyTarget.id}/reply`)).toHaveLength(0)
  })
})

describe('dropAfter (applied, then the answer was lost)', () => {
  it('reports an unknown outcome for a reply, which the server did apply, exactly once', async () => {
    await harness.addFault({ route: POST_REPLY, mode: 'dropAfter' })
    const before = (await harness.ledger()).length
    const result = await client.conversations.reply(replyTarget, { message: 'answer dropped' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'unknownOutcome' } })
    expect(await appliedSince(before, `/v2/conversation/${replyTarget.id}/reply`)).toHaveLength(1)
  })

  it('retries a GET whose answer was lost', async () => {
    await harness.addFault({ route: GET_CONVERSATION, mode: 'dropAfter', times: 1 })
    expect((await client.conversations.get(replyTarget.id)).ok).toBe(true)
  })
})

describe('status500', () => {
  it('retries a GET through a passing failure', async () => {
    await harness.addFault({ route: GET_CONVERSATION, mode: 'status500', times: 2 })
    expect((await client.conversations.get(replyTarget.id)).ok).toBe(true)
  })

  it('gives up on a GET after three attempts with a server error', async () => {
    await harness.addFault({ route: GET_CONVERSATION, mode: 'status500', times: 5 })
    expect(await client.conversations.get(replyTarget.id)).toMatchObject({ ok: false, error: { kind: 'server', status: 500 } })
    expect(await harness.faultsRemaining()).toEqual([2])
  })

  it('sends a POST once and reports the server error', async () => {
    await harness.addFault({ route: POST_NOTE, mode: 'status500', times: 2 })
    const result = await client.conversations.addNote(replyTarget.id, 'server error')
    expect(result).toMatchObject({ ok: false, error: { kind: 'server', status: 500 } })
    expect(await harness.faultsRemaining()).toEqual([1])
  })
})

describe('status429', () => {
  it('answers rateLimited with Retry-After and holds every Oktopost call until it has passed', async () => {
    const clock = new FakeClock()
    const limited = harness.oktopost({ clock, limiter: roomyLimiter(clock) })
    await harness.addFault({ route: GET_CONVERSATION, mode: 'status429', retryAfterSeconds: 7, times: 1 })
    const result = await limited.conversations.get(replyTarget.id)
    expect(result).toMatchObject({ ok: false, error: { kind: 'rateLimited', retryAfterMs: 7_000 } })

    let isDone = false
    const next = limited.account.me().then((answer) => {
      isDone = true
      return answer
    })
    await clock.advance(6_999)
    expect(isDone).toBe(false)
    await clock.advance(1)
    expect((await next).ok).toBe(true)
  })

  it('does not resend a POST that was rate limited', async () => {
    await harness.addFault({ route: POST_NOTE, mode: 'status429', times: 2 })
    const limited = harness.oktopost({ limiter: roomyLimiter(new FakeClock()) })
    expect(await limited.conversations.addNote(replyTarget.id, 'limited')).toMatchObject({ ok: false, error: { kind: 'rateLimited', retryAfterMs: 1_000 } })
    expect(await harness.faultsRemaining()).toEqual([1])
  })
})

describe('malformedJson', () => {
  it('is an invalidResponse naming the problem, for a GET (not retried)', async () => {
    await harness.addFault({ route: GET_CONVERSATION, mode: 'malformedJson', times: 2 })
    const result = await client.conversations.get(replyTarget.id)
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalidResponse', message: expect.stringContaining('malformed JSON') } })
    expect(await harness.faultsRemaining()).toEqual([1])
  })

  it('is an invalidResponse for a POST whose 2xx answer was garbled (the server applied it)', async () => {
    await harness.addFault({ route: POST_NOTE, mode: 'malformedJson' })
    const before = (await harness.ledger()).length
    expect(await client.conversations.addNote(replyTarget.id, 'garbled')).toMatchObject({ ok: false, error: { kind: 'invalidResponse' } })
    expect(await appliedSince(before, `/v2/conversation/${replyTarget.id}/note`)).toHaveLength(1)
  })
})

describe('a fault on every route', () => {
  it('applies to the whole API with route "*"', async () => {
    await harness.addFault({ route: '*', mode: 'status500' })
    expect(await client.account.me()).toMatchObject({ ok: false, error: { kind: 'server' } })
    expect(await client.cannedResponses.list()).toMatchObject({ ok: false, error: { kind: 'server' } })
  })
})
