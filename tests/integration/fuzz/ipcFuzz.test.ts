import type { IpcMainInvokeEvent } from 'electron'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startBridge, type RunningBridge } from '../../../src/main/bridge/httpBridge'
import { createInvokeListener } from '../../../src/main/ipc/electronIpc'
import { channels, contract, type Channel } from '../../../src/shared/ipc/contract'
import type { Result } from '../../../src/shared/result'
import { bridgeClient, malformedBodies, type BridgeClient } from './support/bridgeClient'
import { GeneratorGap, mutatedPayload, preview, validValue } from './support/payloads'
import { fuzzSeed, Random } from './support/random'
import { recordRequests, type RequestLog } from './support/requests'
import { SECRETS, signedInMain, type SignedInMain } from './support/signedIn'

/**
 * Random and malformed payloads on every channel of the contract, through both transports
 * (the Electron IPC listener and the HTTP bridge), against main's real handlers signed in to
 * a sandbox. Every answer must be a Result: a typed `invalid` error for a payload the contract
 * refuses, an answer or a typed error (never `internal`) for a read that happens to be valid.
 * Main never throws, no secret is ever in an answer, no request leaves for an undocumented
 * endpoint, and the sandbox's ledger shows that nothing was written.
 *
 * Payloads that are valid writes are not sent (they would write): they are counted, and must
 * stay a small share of the cases.
 */
const seed = fuzzSeed()
const ELECTRON_CASES_PER_CHANNEL = 60
const HTTP_CASES_PER_CHANNEL = 20
const APP_ORIGIN = 'app://inbox-desk'
const BRIDGE_TOKEN = 'fuzz-bridge-token'
/** The bridge refuses bodies over 1 MiB with 413 before parsing them. */
const MAX_BRIDGE_BODY_BYTES = 1024 * 1024
/** Ids that become a path segment of an API URL, where '.' and '..' would change the endpoint. */
const PATH_ID_KEYS = new Set(['conversationId', 'tagId', 'cannedResponseId'])

/** Channels that only read: a valid payload is safe to send. Anything else is treated as a write. */
const isReadOnly = (channel: Channel) => /:(list|get|timeline|me|status|info|probe|accounts)$/.test(channel)

let main: SignedInMain
let requests: RequestLog
let bridge: RunningBridge
let client: BridgeClient
const answers: string[] = []

beforeAll(async () => {
  requests = recordRequests()
  main = await signedInMain({ fetch: requests.fetch })
  bridge = await startBridge({ handlers: main.services.handlers, token: BRIDGE_TOKEN, staticDir: null })
  client = bridgeClient(bridge.port, BRIDGE_TOKEN)
})

afterAll(async () => {
  client?.close()
  await bridge?.close()
  await main?.close()
})

const trustedEvent = { sender: { id: 1 }, senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } } as unknown as IpcMainInvokeEvent

function electronListener() {
  return createInvokeListener({ handlers: main.services.handlers, appOrigin: APP_ORIGIN, isOwnWebContents: (id) => id === 1 })
}

interface Tally {
  invalid: number
  validReads: number
  skippedValidWrites: number
}

/** Checks one answer; returns what is wrong with it, or null. */
function problemWith(channel: Channel, delivered: unknown, answer: unknown): string | null {
  answers.push(JSON.stringify(answer) ?? '')
  const result = answer as Result<unknown>
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') return `not a Result: ${preview(answer)}`
  try {
    structuredClone(result)
  } catch {
    return 'an answer Electron IPC could not carry back'
  }
  const isValid = contract[channel].request.safeParse(delivered).success
  if (!isValid) {
    if (result.ok || result.error.kind !== 'invalid') return `a refused payload answered ${preview(result)}`
    const fields = result.error.fields
    if (typeof result.error.message !== 'string' || Object.values(fields).some((message) => typeof message !== 'string')) {
      return `an invalid error without messages: ${preview(result)}`
    }
    return null
  }
  if (!result.ok && (result.error.kind === 'internal' || typeof result.error.message !== 'string')) return `a valid read failed inside main: ${preview(result)}`
  return null
}

async function ledgerAndSession() {
  return { ledger: await main.control.ledger(), session: await main.call('auth:status', {}) }
}

describe(`IPC fuzzing (seed ${seed}; replay with FUZZ_SEED=${seed})`, () => {
  it('builds a valid request for every channel of the contract from its schema', () => {
    const random = new Random(seed)
    const gaps: string[] = []
    for (const channel of channels) {
      try {
        const payload = validValue(contract[channel].request, random)
        if (!contract[channel].request.safeParse(payload).success) gaps.push(`${channel}: generated ${preview(payload)}, which its schema refuses`)
      } catch (error) {
        if (!(error instanceof GeneratorGap)) throw error
        gaps.push(`${channel}: ${error.message}`)
      }
    }
    expect(gaps).toEqual([])
  })

  it('answers every malformed payload on every channel with a typed invalid error over Electron IPC', async () => {
    const random = new Random(seed)
    const listener = electronListener()
    const before = await ledgerAndSession()
    const tally: Tally = { invalid: 0, validReads: 0, skippedValidWrites: 0 }
    const problems: string[] = []
    for (const channel of channels) {
      const base = validValue(contract[channel].request, random)
      for (let index = 0; index < ELECTRON_CASES_PER_CHANNEL; index++) {
        // Electron carries payloads by structured clone: what main receives is a clone, and
        // what cannot be cloned (nested beyond V8's serializer) never leaves the renderer.
        const delivered = cloneIfCarriable(mutatedPayload(base, random, { isJsonOnly: false }))
        if (delivered === UNCARRIABLE) continue
        const isValid = contract[channel].request.safeParse(delivered).success
        if (isValid && !isReadOnly(channel)) {
          tally.skippedValidWrites += 1
          continue
        }
        tally[isValid ? 'validReads' : 'invalid'] += 1
        const answer = await listener(trustedEvent, channel, delivered)
        const problem = problemWith(channel, delivered, answer)
        if (problem) problems.push(`${channel} ${preview(delivered)}: ${problem}`)
      }
    }
    expect(problems).toEqual([])
    expect(tally.invalid).toBeGreaterThan(channels.length * ELECTRON_CASES_PER_CHANNEL * 0.75)
    expect(tally.skippedValidWrites).toBeLessThan(channels.length * ELECTRON_CASES_PER_CHANNEL * 0.1)
    expect(await ledgerAndSession()).toEqual(before)
    expect(({} as Record<string, unknown>)['isPolluted']).toBeUndefined()
  })

  it('answers malformed payloads and bodies over the HTTP bridge the same way, and keeps serving', async () => {
    const random = new Random(seed + 1)
    const before = await ledgerAndSession()
    const problems: string[] = []
    for (const channel of channels) {
      const base = validValue(contract[channel].request, random)
      for (let index = 0; index < HTTP_CASES_PER_CHANNEL; index++) {
        const body = JSON.stringify({ channel, payload: mutatedPayload(base, random, { isJsonOnly: true }) })
        const delivered = (JSON.parse(body) as { payload?: unknown }).payload
        if (contract[channel].request.safeParse(delivered).success && !isReadOnly(channel)) continue
        const response = await client.post(body)
        if (response.status === 413 && Buffer.byteLength(body) > MAX_BRIDGE_BODY_BYTES) continue
        if (response.status !== 200) problems.push(`${channel} ${preview(delivered)}: HTTP ${response.status}`)
        const problem = problemWith(channel, delivered, response.json)
        if (problem) problems.push(`${channel} ${preview(delivered)}: ${problem}`)
      }
    }
    for (const body of malformedBodies(random)) {
      const response = await client.post(body)
      const result = response.json as Result<unknown> | undefined
      const isTypedRefusal = (response.status === 200 || response.status === 400 || response.status === 413) && result?.ok === false && result.error.kind === 'invalid'
      if (!isTypedRefusal) problems.push(`body ${preview(body.toString('utf8'))}: HTTP ${response.status} ${preview(result)}`)
    }
    expect(problems).toEqual([])
    expect((await client.post(JSON.stringify({ channel: 'app:info', payload: {} }))).json).toMatchObject({ ok: true })
    expect(await ledgerAndSession()).toEqual(before)
  })

  it('refuses every channel, even a valid sign-out or write, from a sender that is not our window', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const random = new Random(seed + 2)
    const listener = electronListener()
    const before = await ledgerAndSession()
    const strangers = [
      { sender: { id: 1 }, senderFrame: null },
      { sender: { id: 1 }, senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: {} } },
      { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: { id: 1 }, senderFrame: { url: 'app://inbox-desk.evil.example/index.html', parent: null } },
      { sender: { id: 1 }, senderFrame: { url: 'file:///etc/passwd', parent: null } },
      { sender: { id: 1 }, senderFrame: { url: 'not a url', parent: null } },
      { sender: { id: 2 }, senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } },
    ]
    const problems: string[] = []
    try {
      for (const channel of channels) {
        for (const stranger of strangers) {
          const answer = (await listener(stranger as unknown as IpcMainInvokeEvent, channel, validValue(contract[channel].request, random))) as Result<unknown>
          if (answer.ok || answer.error.kind !== 'forbidden') problems.push(`${channel} from ${preview(stranger.senderFrame)}: ${preview(answer)}`)
        }
      }
    } finally {
      warn.mockRestore()
    }
    expect(problems).toEqual([])
    expect(await ledgerAndSession()).toEqual(before)
  })

  it('refuses every channel over the bridge without the token, the page origin or a loopback host name', async () => {
    const random = new Random(seed + 3)
    const before = await ledgerAndSession()
    const own = client.ownHeaders()
    const refusals: { headers: Record<string, string>; status: number }[] = [
      { headers: { origin: own.origin }, status: 401 },
      { headers: { ...own, 'x-inbox-desk-token': `${BRIDGE_TOKEN}x` }, status: 401 },
      { headers: { ...own, origin: 'https://evil.example' }, status: 403 },
      { headers: { 'x-inbox-desk-token': BRIDGE_TOKEN }, status: 403 },
      { headers: { ...own, host: `evil.example:${bridge.port}` }, status: 403 },
    ]
    const problems: string[] = []
    for (const channel of channels) {
      const body = JSON.stringify({ channel, payload: validValue(contract[channel].request, random) })
      for (const refusal of refusals) {
        const response = await client.post(body, refusal.headers, { isOwnPage: false })
        if (response.status !== refusal.status) problems.push(`${channel} with ${preview(refusal.headers)}: HTTP ${response.status}`)
      }
    }
    expect(problems).toEqual([])
    expect(await ledgerAndSession()).toEqual(before)
  })

  it('keeps every id inside its endpoint: ".", ".." and broken Unicode are refused before anything is sent', async () => {
    const problems: string[] = []
    const random = new Random(seed + 4)
    for (const channel of channels) {
      const base = validValue(contract[channel].request, random) as Record<string, unknown>
      const variants = (id: string): [string, Record<string, unknown>][] => [
        ...Object.keys(base).filter((key) => PATH_ID_KEYS.has(key)).map((key) => [key, { ...base, [key]: id }] as [string, Record<string, unknown>]),
        ...(isRecord(base['conversation']) ? [['conversation.id', { ...base, conversation: { ...base['conversation'], id } }] as [string, Record<string, unknown>]] : []),
      ]
      for (const id of ['.', '..', '\ud800']) {
        for (const [where, payload] of variants(id)) {
          const sentBefore = requests.sent.length
          const answer = await main.call(channel, payload as never)
          const sent = requests.sent.slice(sentBefore)
          if (answer.ok || answer.error.kind !== 'invalid' || sent.length > 0) problems.push(`${channel} ${where}=${JSON.stringify(id)}: ${preview(answer)}, sent ${preview(sent)}`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('sent nothing to an endpoint outside the documented routes, and never answered with a secret', () => {
    expect(requests.sent.length).toBeGreaterThan(0)
    expect(requests.undocumented()).toEqual([])
    const everything = answers.join('\n')
    expect(answers.length).toBeGreaterThan(channels.length * 10)
    expect(everything).not.toContain(SECRETS.apiKey)
    expect(everything).not.toContain(SECRETS.commboxToken)
  })
})

const UNCARRIABLE = Symbol('uncarriable')

function cloneIfCarriable(payload: unknown): unknown {
  try {
    return structuredClone(payload)
  } catch {
    return UNCARRIABLE
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
