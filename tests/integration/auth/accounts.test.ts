import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryCipher } from '../../../src/main/auth/secretCipher'
import { createMemorySecretStore } from '../../../src/main/auth/secretStore'
import { createCredentialVault } from '../../../src/main/auth/vault'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createMainServices, type MainServices } from '../../../src/main/services'
import type { Channel, RequestOf } from '../../../src/shared/ipc/contract'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { TEST_IDENTITY } from '../../support/mainServices'

/**
 * Several Oktopost accounts in main, over the IPC handler table and two real sandboxes: sign in
 * to both, switch, sign out of one; the renderer only ever sees sessions and summaries.
 */
let first: RunningSandbox
let second: RunningSandbox
let services: MainServices
const store = createMemorySecretStore()
const cipher = createMemoryCipher()

const call = <C extends Channel>(channel: C, request: RequestOf<C>) => dispatch(services.handlers, channel, request, { transport: 'http' })

async function keyOf(accountId: string): Promise<string> {
  const listed = await services.auth.accounts()
  const summary = listed.ok ? listed.value.accounts.find((candidate) => candidate.account.id === accountId) : undefined
  if (!summary) throw new Error(`${accountId} is not stored`)
  return summary.key
}

beforeAll(async () => {
  first = await startSandbox({ conversations: 5, accountId: '00A0000000FIRST', apiKey: 'first-key' })
  second = await startSandbox({ conversations: 5, accountId: '00A000000SECOND', apiKey: 'second-key', commboxToken: 'second-cbx' })
  services = createMainServices({ identity: TEST_IDENTITY, cipher, store, startSandbox })
})

afterAll(async () => {
  await services.demo.stop()
  await first?.close()
  await second?.close()
})

describe('more than one account', () => {
  it('adds each sign-in and makes it the active one, keeping auth:status about the active account', async () => {
    await call('auth:signIn', { accountId: '00A0000000FIRST', apiKey: 'first-key', baseUrl: first.oktopostBaseUrl })
    await call('auth:signIn', { accountId: '00A000000SECOND', apiKey: 'second-key', baseUrl: second.oktopostBaseUrl })
    const listed = await call('auth:accounts', {})
    expect(listed).toMatchObject({
      ok: true,
      value: { accounts: [{ account: { id: '00A000000SECOND' }, isActive: true }, { account: { id: '00A0000000FIRST' }, isActive: false }] },
    })
    expect(await call('auth:status', {})).toMatchObject({ ok: true, value: { oktopost: { account: { id: '00A000000SECOND' } } } })
    expect(JSON.stringify(listed)).not.toMatch(/first-key|second-key/)
  })

  it('keeps a CommBox token with its own account', async () => {
    await call('auth:setCommboxToken', { token: 'second-cbx', baseUrl: second.commboxBaseUrl })
    expect(await call('auth:status', {})).toMatchObject({ ok: true, value: { commbox: { baseUrl: second.commboxBaseUrl } } })
    await call('auth:switchAccount', { accountKey: await keyOf('00A0000000FIRST') })
    expect(await call('auth:status', {})).toMatchObject({ ok: true, value: { commbox: null } })
  })

  it('talks to the active account only, after a switch', async () => {
    const me = await call('user:me', {})
    expect(me).toMatchObject({ ok: true, value: { account: { id: '00A0000000FIRST' } } })
    expect(await call('auth:switchAccount', { accountKey: await keyOf('00A000000SECOND') })).toMatchObject({ ok: true, value: { account: { id: '00A000000SECOND' } } })
    expect(await call('user:me', {})).toMatchObject({ ok: true, value: { account: { id: '00A000000SECOND' } } })
    expect(await call('commbox:createTag', { name: 'VIP', type: 1, tagGroupId: 0, objectTag: true, userTag: false, childTag: false })).toMatchObject({ ok: true })
  })

  it('remembers every account across a restart of main', async () => {
    const restarted = createMainServices({ identity: TEST_IDENTITY, cipher, store, startSandbox })
    const listed = await restarted.auth.accounts()
    expect(listed.ok && listed.value.accounts.map((summary) => summary.account.id).sort()).toEqual(['00A0000000FIRST', '00A000000SECOND'])
    expect(await dispatch(restarted.handlers, 'user:me', {}, { transport: 'http' })).toMatchObject({ ok: true, value: { account: { id: '00A000000SECOND' } } })
  })

  it('signs out of one account, leaving the other stored and none active', async () => {
    expect(await call('auth:signOut', {})).toEqual({ ok: true, value: null })
    expect(await call('auth:status', {})).toEqual({ ok: true, value: { oktopost: null, commbox: null } })
    expect(await call('user:me', {})).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
    const listed = await call('auth:accounts', {})
    expect(listed).toMatchObject({ ok: true, value: { accounts: [{ account: { id: '00A0000000FIRST' }, isActive: false }] } })
  })

  it('removes an account by its key and refuses a key it does not know', async () => {
    const key = await keyOf('00A0000000FIRST')
    expect(await call('auth:removeAccount', { accountKey: key })).toEqual({ ok: true, value: { accounts: [] } })
    expect(await call('auth:switchAccount', { accountKey: key })).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { accountKey: expect.any(String) } } })
  })

  it('starts a fresh sandbox when switching back to the demo workspace, whose sandbox had stopped', async () => {
    const demo = await call('auth:startDemo', {})
    expect(demo.ok).toBe(true)
    await call('auth:signIn', { accountId: '00A0000000FIRST', apiKey: 'first-key', baseUrl: first.oktopostBaseUrl })
    await call('auth:signOut', {})
    const listed = await services.auth.accounts()
    const demoAccount = listed.ok ? listed.value.accounts.find((summary) => summary.isDemo) : undefined
    expect(demoAccount).toBeDefined()
    const switched = await call('auth:switchAccount', { accountKey: demoAccount!.key })
    expect(switched.ok).toBe(true)
    expect(await call('conversation:list', { count: 1 })).toMatchObject({ ok: true })
  })

  it('moves the single sign-in of an earlier version into the account list', async () => {
    const legacyStore = createMemorySecretStore()
    const vault = createCredentialVault({ cipher, store: legacyStore })
    await vault.oktopost.save({
      accountId: '00A0000000FIRST',
      apiKey: 'first-key',
      endpoint: { baseUrl: 'https://proxy.example.com/v2' },
      user: { id: '00A000000000001', name: 'Jane Smith', email: 'jane@example.com', lastLoginAt: null },
      account: { id: '00A0000000FIRST', name: 'First' },
    })
    await vault.commbox.save({ token: 'legacy-cbx', baseUrl: 'https://api.commbox.io' })
    const upgraded = createMainServices({ identity: TEST_IDENTITY, cipher, store: legacyStore, startSandbox })
    expect(await upgraded.auth.status()).toMatchObject({ ok: true, value: { oktopost: { account: { id: '00A0000000FIRST' } }, commbox: { baseUrl: 'https://api.commbox.io' } } })
    expect(await vault.oktopost.load()).toEqual({ ok: true, value: null })
  })
})
