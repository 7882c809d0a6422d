import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createMemoryCipher, type SecretCipher } from '../../src/main/auth/secretCipher'
import { createFileSecretStore } from '../../src/main/auth/secretStore'
import type { IpcMainInvokeEvent } from 'electron'
import { dispatch } from '../../src/main/ipc/dispatch'
import { createInvokeListener } from '../../src/main/ipc/electronIpc'
import { createMainServices, type MainServices } from '../../src/main/services'
import { SANDBOX_DEFAULTS, startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { channels, contract, type Channel, type RequestOf } from '../../src/shared/ipc/contract'
import { TEST_IDENTITY } from '../support/mainServices'
import { sandboxControl, type SandboxControl } from '../support/sandboxControl'
import { UNLIMITED } from '../support/sync/harness'
import { validValue } from '../integration/fuzz/support/payloads'
import { Random } from '../integration/fuzz/support/random'

/**
 * The Oktopost API key and the CommBox token go into main and never come back out: not in
 * any IPC answer, on any channel, in success or failure; not in any line main logs, through
 * refused keys, server errors, garbled answers and a dead network; not at rest in plain text.
 * Signing out wipes them. (No crash reporter runs: builtMain.test.ts checks the build.)
 */
const SECRETS = { apiKey: 'credential-test-api-key-5e0c1f', commboxToken: 'credential-test-commbox-token-77a2' }
/** The channels that change who is signed in; called on purpose below, not with generated payloads. */
const SESSION_CHANNELS = new Set<Channel>(['auth:signIn', 'auth:startDemo', 'auth:signOut', 'auth:setCommboxToken', 'auth:clearCommboxToken', 'auth:switchAccount', 'auth:removeAccount'])

let sandbox: RunningSandbox
let control: SandboxControl
let services: MainServices
let cipher: SecretCipher
let secretsFile: string
const answers: string[] = []
const logged: string[] = []

/** Every way a secret could be written down: as is, as the Basic header, as the Bearer header. */
function secretForms(accountId: string, apiKey: string, token: string): string[] {
  return [apiKey, token, Buffer.from(`${accountId}:${apiKey}`).toString('base64'), `Bearer ${token}`]
}

async function call<C extends Channel>(channel: C, request: RequestOf<C>) {
  const answer = await dispatch(services.handlers, channel, request, { transport: 'electron' })
  answers.push(JSON.stringify(answer))
  return answer
}

beforeAll(async () => {
  // Retries of reads wait a random share of their backoff: drawing 0 makes them immediate.
  vi.spyOn(Math, 'random').mockReturnValue(0)
  captureLogs()
  sandbox = await startSandbox({ conversations: 30, salesforceIntegrationId: 'sfint-credentials', ...SECRETS })
  control = sandboxControl(sandbox.url)
  secretsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-desk-credentials-')), 'credentials.json')
  cipher = createMemoryCipher()
  // This file looks for secrets in answers and logs, not at pacing: under Oktopost's real limits
  // main's limiter (tested on its own) would hold its hundred-odd calls for minutes.
  services = createMainServices({ identity: TEST_IDENTITY, cipher, store: createFileSecretStore(secretsFile), startSandbox, rateWindows: UNLIMITED })
})

afterAll(async () => {
  vi.restoreAllMocks()
  await services.demo.stop()
  await sandbox.close()
  fs.rmSync(path.dirname(secretsFile), { recursive: true, force: true })
})

/** Captures every console call and every write to stdout/stderr for the whole file. */
function captureLogs(): void {
  const capture = (...args: unknown[]) => {
    logged.push(args.map((arg) => (arg instanceof Error ? `${arg.stack} ${JSON.stringify(arg.cause ?? null)}` : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '))
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) vi.spyOn(console, method).mockImplementation(capture)
  const write = (chunk: unknown) => {
    logged.push(String(chunk))
    return true
  }
  vi.spyOn(process.stdout, 'write').mockImplementation(write)
  vi.spyOn(process.stderr, 'write').mockImplementation(write)
}

describe('credentials', () => {
  it('signs in and stores both secrets encrypted: neither is ever in the file in plain text', async () => {
    expect(await call('auth:signIn', { accountId: sandbox.options.accountId, apiKey: SECRETS.apiKey, baseUrl: sandbox.oktopostBaseUrl })).toMatchObject({ ok: true })
    expect(await call('auth:setCommboxToken', { token: SECRETS.commboxToken, baseUrl: sandbox.commboxBaseUrl })).toMatchObject({ ok: true })
    const atRest = fs.readFileSync(secretsFile, 'utf8')
    for (const form of secretForms(sandbox.options.accountId, SECRETS.apiKey, SECRETS.commboxToken)) expect(atRest).not.toContain(form)
    expect(decryptedSecrets().join('\n')).toContain(SECRETS.apiKey)
    expect((fs.statSync(secretsFile).mode & 0o077).toString(8)).toBe('0')
  })

  it('answers every channel of the contract without either secret', async () => {
    const random = new Random(7)
    for (const channel of channels.filter((channel) => !SESSION_CHANNELS.has(channel))) {
      await call(channel, validValue(contract[channel].request, random) as never)
    }
    await call('auth:signIn', { accountId: sandbox.options.accountId, apiKey: 'a-wrong-key', baseUrl: sandbox.oktopostBaseUrl })
    await call('auth:setCommboxToken', { token: SECRETS.commboxToken, baseUrl: 'http://evil.example/commbox' })
    await call('auth:switchAccount', { accountKey: 'no-such-account' })
    expect(answers.length).toBeGreaterThan(channels.length - SESSION_CHANNELS.size)
  })

  it('logs no secret while requests are refused, fail, come back garbled or find no network', async () => {
    const faults = ['status401', 'status403', 'status500', 'malformedJson', 'wrongTypes', 'cutMidBody', 'dropAfter', 'resetBefore'] as const
    for (const mode of faults) {
      await control.addFault({ route: '*', mode, times: 3 })
      await call('conversation:list', { count: 5 })
      await call('conversation:addNote', { conversationId: 'eit000000000001', note: `during ${mode}` })
      await call('commbox:createTag', { name: `During ${mode}`, type: 1, tagGroupId: 0, objectTag: true, userTag: false, childTag: false })
      await control.clearFaults()
    }
    await sandbox.disconnect()
    try {
      await call('connectivity:probe', {})
      await call('conversation:get', { conversationId: 'eit000000000001' })
    } finally {
      await sandbox.reconnect()
    }
    // A request from a frame that is not the app's is refused and logged (with its URL, nothing else).
    const listener = createInvokeListener({ handlers: services.handlers, appOrigin: 'app://inbox-desk', isOwnWebContents: () => true })
    const stranger = { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } } as unknown as IpcMainInvokeEvent
    expect(await listener(stranger, 'auth:status', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    expect(logged.join('\n')).toContain('untrusted sender')
  })

  it('keeps the demo workspace’s secrets in main too', async () => {
    expect(await call('auth:startDemo', {})).toMatchObject({ ok: true })
    await call('conversation:list', { count: 3 })
    await call('auth:accounts', {})
    await call('auth:status', {})
    const demoSecrets = secretForms(SANDBOX_DEFAULTS.accountId, SANDBOX_DEFAULTS.apiKey, SANDBOX_DEFAULTS.commboxToken)
    const everything = [...answers, ...logged].join('\n')
    for (const form of demoSecrets) expect(everything).not.toContain(form)
    expect(await call('auth:signOut', {})).toEqual({ ok: true, value: null })
  })

  it('never put either secret in an answer or a log line', () => {
    expect(logged.length).toBeGreaterThan(0)
    const everything = [...answers, ...logged].join('\n')
    for (const form of secretForms(sandbox.options.accountId, SECRETS.apiKey, SECRETS.commboxToken)) expect(everything).not.toContain(form)
    expect(everything).not.toContain('a-wrong-key')
  })

  it('wipes the key and the token on sign-out, from memory and from disk', async () => {
    const accounts = await call('auth:accounts', {})
    const signedIn = accounts.ok ? (accounts.value as { accounts: { key: string; account: { id: string } }[] }).accounts : []
    for (const account of signedIn) await call('auth:switchAccount', { accountKey: account.key }).then(() => call('auth:signOut', {}))
    expect(await call('auth:status', {})).toEqual({ ok: true, value: { oktopost: null, commbox: null } })
    expect(await call('conversation:get', { conversationId: 'eit000000000001' })).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
    expect(await call('commbox:createTag', { name: 'After sign-out', type: 1, tagGroupId: 0, objectTag: true, userTag: false, childTag: false })).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
    const remaining = decryptedSecrets().join('\n')
    expect(remaining).not.toContain(SECRETS.apiKey)
    expect(remaining).not.toContain(SECRETS.commboxToken)
    expect(remaining).not.toContain(SANDBOX_DEFAULTS.apiKey)
  })
})

/** What the secrets file holds, decrypted with the test's cipher. */
function decryptedSecrets(): string[] {
  if (!fs.existsSync(secretsFile)) return []
  const file = JSON.parse(fs.readFileSync(secretsFile, 'utf8')) as { secrets?: Record<string, string> }
  return Object.values(file.secrets ?? {}).map((encoded) => cipher.decrypt(new Uint8Array(Buffer.from(encoded, 'base64'))))
}
