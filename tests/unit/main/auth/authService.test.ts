import { describe, expect, it } from 'vitest'
import type { CommboxClient } from '../../../../src/main/api/commbox/client'
import type { OktopostClient } from '../../../../src/main/api/oktopost/client'
import type { OktopostAuth } from '../../../../src/main/api/oktopost/transport'
import { createAuthService } from '../../../../src/main/auth/authService'
import { createMemoryCipher } from '../../../../src/main/auth/secretCipher'
import { createMemorySecretStore } from '../../../../src/main/auth/secretStore'
import { createCredentialVault } from '../../../../src/main/auth/vault'
import { err, ok, type Result } from '../../../../src/shared/result'
import type { Me } from '../../../../src/shared/domain/user'

const me: Me = {
  user: { id: '00A1', name: 'Jane', email: 'jane@example.com', lastLoginAt: null },
  account: { id: '00A0000000DEMO1', name: 'Acme' },
}

/** A client whose `me` answers as scripted; the rest of it is never used by sign-in. */
function fakeClient(answer: Result<Me>): OktopostClient {
  return { account: { me: async () => answer } } as unknown as OktopostClient
}

function service(answer: Result<Me> = ok(me)) {
  const connections: OktopostAuth[] = []
  const vault = createCredentialVault({ cipher: createMemoryCipher(), store: createMemorySecretStore() })
  const auth = createAuthService({
    vault,
    connectOktopost: (connection) => {
      connections.push(connection)
      return fakeClient(answer)
    },
    connectCommbox: () => ({ createTag: async () => ok({ id: '1' }) }) as CommboxClient,
  })
  return { auth, vault, connections }
}

describe('sign-in service', () => {
  it('checks the key, stores it, and answers who signed in without the key', async () => {
    const { auth, vault, connections } = service()
    const session = await auth.signIn({ accountId: ' 00A0000000DEMO1 ', apiKey: ' key ', region: 'eu' })
    expect(session).toEqual({ ok: true, value: { ...me, endpoint: { region: 'eu' } } })
    expect(connections[0]).toEqual({ baseUrl: 'https://eu-api.oktopost.com/v2', accountId: '00A0000000DEMO1', apiKey: 'key' })
    expect(JSON.stringify(session)).not.toContain('key"')
    expect(await vault.accounts.load()).toMatchObject({ ok: true, value: { accounts: [{ apiKey: 'key' }] } })
    const status = await auth.status()
    expect(status).toEqual({ ok: true, value: { oktopost: { ...me, endpoint: { region: 'eu' } }, commbox: null } })
    expect(JSON.stringify(status)).not.toContain('"key"')
  })

  it('stores nothing when Oktopost refuses the key', async () => {
    const { auth, vault } = service(err({ kind: 'unauthorized', message: 'no' }))
    const result = await auth.signIn({ accountId: '00A', apiKey: 'wrong', region: 'us' })
    expect(result).toEqual({ ok: false, error: { kind: 'unauthorized', message: "Oktopost didn't accept this Account ID and API key" } })
    expect(await vault.oktopost.load()).toEqual({ ok: true, value: null })
  })

  it('passes a network failure through unchanged', async () => {
    const { auth } = service(err({ kind: 'network', message: 'ECONNREFUSED' }))
    expect(await auth.signIn({ accountId: '00A', apiKey: 'k', baseUrl: 'http://127.0.0.1:9/v2' })).toEqual({
      ok: false,
      error: { kind: 'network', message: 'ECONNREFUSED' },
    })
  })

  it('names the missing fields and an unsafe base URL without calling Oktopost', async () => {
    const { auth, connections } = service()
    const result = await auth.signIn({ accountId: '', apiKey: ' ', baseUrl: 'http://proxy.example.com/v2' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { accountId: expect.any(String), apiKey: expect.any(String), baseUrl: expect.any(String) } } })
    expect(connections).toHaveLength(0)
  })

  it('hands out the signed-in client, and none after sign-out, which wipes the key', async () => {
    const { auth, vault } = service()
    expect(await auth.oktopost()).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
    await auth.signIn({ accountId: '00A', apiKey: 'k', region: 'us' })
    await auth.setCommboxToken({ token: 'cbx' })
    expect((await auth.oktopost()).ok).toBe(true)
    expect((await auth.commbox()).ok).toBe(true)
    expect(await auth.signOut()).toEqual({ ok: true, value: null })
    expect(await vault.oktopost.load()).toEqual({ ok: true, value: null })
    expect(await vault.commbox.load()).toEqual({ ok: true, value: null })
    expect(await auth.oktopost()).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
    expect(await auth.status()).toEqual({ ok: true, value: { oktopost: null, commbox: null } })
  })

  it('rebuilds the client from the vault after a restart', async () => {
    const store = createMemorySecretStore()
    const cipher = createMemoryCipher()
    const first = createAuthService({
      vault: createCredentialVault({ cipher, store }),
      connectOktopost: () => fakeClient(ok(me)),
      connectCommbox: () => ({}) as CommboxClient,
    })
    await first.signIn({ accountId: '00A', apiKey: 'k', baseUrl: 'http://127.0.0.1:4010' })
    const connections: OktopostAuth[] = []
    const second = createAuthService({
      vault: createCredentialVault({ cipher, store }),
      connectOktopost: (connection) => {
        connections.push(connection)
        return fakeClient(ok(me))
      },
      connectCommbox: () => ({}) as CommboxClient,
    })
    expect((await second.oktopost()).ok).toBe(true)
    expect(connections).toEqual([{ baseUrl: 'http://127.0.0.1:4010/v2', accountId: '00A', apiKey: 'k' }])
  })

  it('stores a CommBox token with the default base URL and never shows it', async () => {
    const { auth } = service()
    expect(await auth.setCommboxToken({ token: ' ' })).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { token: expect.any(String) } } })
    expect(await auth.setCommboxToken({ token: 'cbx-secret' })).toEqual({ ok: true, value: { baseUrl: 'https://api.commbox.io' } })
    const status = await auth.status()
    expect(status).toEqual({ ok: true, value: { oktopost: null, commbox: { baseUrl: 'https://api.commbox.io' } } })
    expect(JSON.stringify(status)).not.toContain('cbx-secret')
  })
})
