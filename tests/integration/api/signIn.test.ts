import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/main/api/clock'
import { createCommboxClient } from '../../../src/main/api/commbox/client'
import { createOktopostClient } from '../../../src/main/api/oktopost/client'
import { createAuthService } from '../../../src/main/auth/authService'
import { createMemoryCipher } from '../../../src/main/auth/secretCipher'
import { createMemorySecretStore } from '../../../src/main/auth/secretStore'
import { createCredentialVault } from '../../../src/main/auth/vault'
import { closedLoopbackPort, roomyLimiter, SandboxHarness } from './sandboxHarness'

/** Sign-in as the app wires it (memory vault, real clients), against the sandbox over HTTP. */

let harness: SandboxHarness

beforeAll(async () => {
  harness = await SandboxHarness.start()
})
afterAll(() => harness.close())

function authService() {
  const limiter = roomyLimiter()
  const store = createMemorySecretStore()
  const auth = createAuthService({
    vault: createCredentialVault({ cipher: createMemoryCipher(), store }),
    connectOktopost: (connection) => createOktopostClient({ auth: connection, limiter, clock: systemClock, random: () => 0, timeoutMs: 2_000 }),
    connectCommbox: (connection) => createCommboxClient({ ...connection, timeoutMs: 2_000 }),
  })
  return { auth, store }
}

describe('sign-in against the sandbox', () => {
  it('signs in with good credentials, and the stored client works', async () => {
    const { auth, store } = authService()
    const { accountId, apiKey } = harness.sandbox.options
    const session = await auth.signIn({ accountId, apiKey, baseUrl: harness.sandbox.oktopostBaseUrl })
    expect(session).toEqual({
      ok: true,
      value: {
        user: expect.objectContaining({ id: expect.any(String), name: expect.any(String) }),
        account: { id: accountId, name: expect.any(String) },
        endpoint: { baseUrl: harness.sandbox.oktopostBaseUrl },
      },
    })
    expect(JSON.stringify(session)).not.toContain(apiKey)
    const status = await auth.status()
    expect(status.ok && status.value.oktopost?.account.id).toBe(accountId)
    expect(JSON.stringify(status)).not.toContain(apiKey)
    expect(Buffer.from((await store.read('oktopost')) ?? []).toString('latin1')).not.toContain(apiKey)

    const client = await auth.oktopost()
    if (!client.ok) throw new Error(client.error.message)
    expect((await client.value.conversations.list({ count: 1 })).ok).toBe(true)

    expect(await auth.signOut()).toEqual({ ok: true, value: null })
    expect(await store.read('oktopost')).toBeNull()
    expect(await auth.oktopost()).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
  })

  it('signs in with the printed sandbox URL (no /v2)', async () => {
    const { auth } = authService()
    const { accountId, apiKey } = harness.sandbox.options
    expect((await auth.signIn({ accountId, apiKey, baseUrl: harness.sandbox.url })).ok).toBe(true)
  })

  it('refuses bad credentials and stores nothing', async () => {
    const { auth, store } = authService()
    const result = await auth.signIn({ accountId: harness.sandbox.options.accountId, apiKey: 'wrong-key', baseUrl: harness.sandbox.oktopostBaseUrl })
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
    expect(await store.read('oktopost')).toBeNull()
    expect(await auth.status()).toEqual({ ok: true, value: { oktopost: null, commbox: null } })
  })

  it('reports an unreachable server as a network error and stores nothing', async () => {
    const { auth, store } = authService()
    const port = await closedLoopbackPort()
    const result = await auth.signIn({ accountId: 'acc', apiKey: 'key', baseUrl: `http://127.0.0.1:${port}/v2` })
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } })
    expect(await store.read('oktopost')).toBeNull()
  })

  it('stores a CommBox token, and the client made from it creates tags', async () => {
    const { auth } = authService()
    expect(await auth.setCommboxToken({ token: harness.sandbox.options.commboxToken, baseUrl: harness.sandbox.commboxBaseUrl })).toEqual({
      ok: true,
      value: { baseUrl: harness.sandbox.commboxBaseUrl },
    })
    const commbox = await auth.commbox()
    if (!commbox.ok) throw new Error(commbox.error.message)
    const tag = await commbox.value.createTag({ name: 'Goal', type: 2, tagGroupId: 0, objectTag: true, userTag: false, childTag: false })
    expect(tag.ok).toBe(true)
  })
})
