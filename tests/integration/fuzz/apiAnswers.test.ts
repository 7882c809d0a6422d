import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import type { Channel, RequestOf } from '../../../src/shared/ipc/contract'
import type { ErrorKind } from '../../../src/shared/result'
import { preview } from './support/payloads'
import { fuzzSeed, Random } from './support/random'
import { SECRETS, signedInMain, type SignedInMain } from './support/signedIn'
import { startSpoilingProxy, type SpoilingProxy } from './support/spoilingProxy'

/**
 * Main's real handlers behind a hostile network: every answer from the sandbox passes a proxy
 * that changes its status, mutates its JSON (deleted fields, wrong types, nulls), replaces it
 * with garbage, or redirects elsewhere. Whatever arrives, every IPC answer stays a typed Result:
 * an answer within the contract's response schema (dispatch checks it) or a known error kind,
 * never `internal` (a handler that threw or produced an out-of-schema value). No redirect is
 * followed, so the credentials never travel to a place the agent didn't choose.
 */
const seed = fuzzSeed()
const CALLS = 400
const KNOWN_KINDS: readonly ErrorKind[] = ['network', 'timeout', 'unknownOutcome', 'rateLimited', 'unauthorized', 'forbidden', 'notFound', 'conflict', 'invalid', 'server', 'invalidResponse']

let main: SignedInMain
let proxy: SpoilingProxy
let isThroughProxy = false

const requests: { [C in Channel]?: () => RequestOf<C> } = {
  'user:me': () => ({}),
  'conversation:list': () => ({ statuses: ['open'], count: 10 }),
  'conversation:get': () => ({ conversationId: 'eit000000000002' }),
  'conversation:timeline': () => ({ conversationId: 'eit000000000002' }),
  'tag:list': () => ({ count: 20 }),
  'tag:get': () => ({ tagId: 'etg000000000001' }),
  'cannedResponse:list': () => ({}),
  'cannedResponse:get': () => ({ cannedResponseId: 'cnr000000000001' }),
  'user:list': () => ({}),
  'credential:list': () => ({}),
  'connectivity:probe': () => ({}),
  'conversation:addNote': () => ({ conversationId: 'eit000000000001', note: 'through a hostile network' }),
  'conversation:setStatus': () => ({ conversationId: 'eit000000000003', status: 'open' }),
  'conversation:replaceTags': () => ({ conversationId: 'eit000000000003', tags: ['Support'] }),
  'conversation:assign': () => ({ conversationId: 'eit000000000003', assigneeId: '00A000000000002' }),
  'commbox:createTag': () => ({ name: 'Hostile network', type: 1, tagGroupId: 0, objectTag: true, userTag: false, childTag: false }),
}

beforeAll(async () => {
  // Retries of reads wait a random share of their backoff: drawing 0 makes them immediate.
  vi.spyOn(Math, 'random').mockReturnValue(0)
  // Until sign-in is done main talks to the sandbox directly; then every request goes through the proxy.
  main = await signedInMain({
    fetch: (input, init) => {
      const url = String(input instanceof Request ? input.url : input)
      return fetch(isThroughProxy ? url.replace(main.sandbox.url, proxy.url) : url, init)
    },
  })
  proxy = await startSpoilingProxy(main.sandbox.url, new Random(seed))
  isThroughProxy = true
})

afterAll(async () => {
  vi.restoreAllMocks()
  await proxy?.close()
  await main?.close()
})

it(`answers every call through a hostile network with a typed Result (seed ${seed})`, async () => {
  const random = new Random(seed + 1)
  const problems: string[] = []
  const kinds = new Map<string, number>()
  const answers: string[] = []
  const channels = Object.keys(requests) as Channel[]
  for (let index = 0; index < CALLS; index++) {
    const channel = random.pick(channels)
    const spoilsBefore = proxy.spoils.length
    const answer = await main.call(channel, (requests[channel] as () => never)())
    answers.push(JSON.stringify(answer))
    const kind = answer.ok ? 'ok' : answer.error.kind
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
    const isKnown = answer.ok || (KNOWN_KINDS.includes(answer.error.kind) && typeof answer.error.message === 'string' && answer.error.message !== '')
    if (!isKnown) problems.push(`${channel} after ${preview(proxy.spoils.slice(spoilsBefore))}: ${preview(answer)}`)
  }
  expect(problems).toEqual([])
  expect(proxy.stolen).toEqual([])
  // The run met both outcomes often: the proxy spoiled answers and let some through.
  expect(kinds.get('ok') ?? 0).toBeGreaterThan(CALLS / 10)
  expect(kinds.get('invalidResponse') ?? 0).toBeGreaterThan(CALLS / 10)
  expect(answers.join('\n')).not.toContain(SECRETS.apiKey)
})
