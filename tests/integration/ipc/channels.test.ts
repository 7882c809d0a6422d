import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { MainServices } from '../../../src/main/services'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { channels, contract, type Channel, type RequestOf, type ResponseOf } from '../../../src/shared/ipc/contract'
import type { Result } from '../../../src/shared/result'
import { createTestServices } from '../../support/mainServices'

/**
 * Every channel of the contract, through the same dispatch both transports use, against the
 * sandbox: each answers in its response schema, and no answer ever carries a secret.
 */
let sandbox: RunningSandbox
let services: MainServices
const answers: string[] = []

async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  const result = await dispatch(services.handlers, channel, request, { transport: 'electron' })
  answers.push(JSON.stringify(result))
  return result as Result<ResponseOf<C>>
}

beforeAll(async () => {
  sandbox = await startSandbox({ conversations: 30, salesforceIntegrationId: 'sfint-ipc' })
  services = createTestServices()
})

afterAll(async () => {
  await sandbox.close()
})

describe('IPC channels against the sandbox', () => {
  it('answers unauthorized on every API channel before sign-in', async () => {
    expect(await call('conversation:list', {})).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
    expect(await call('auth:status', {})).toEqual({ ok: true, value: { oktopost: null, commbox: null } })
  })

  it('refuses a wrong key at sign-in and stores nothing', async () => {
    const result = await call('auth:signIn', { accountId: sandbox.options.accountId, apiKey: 'wrong', baseUrl: sandbox.url })
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
    expect(await call('auth:status', {})).toMatchObject({ ok: true, value: { oktopost: null } })
  })

  it('reports an unreachable host as a network error', async () => {
    const result = await call('auth:signIn', { accountId: 'a', apiKey: 'b', baseUrl: 'http://127.0.0.1:9/v2' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } })
  })

  it('signs in, says who is signed in, and stores the CommBox token', async () => {
    const session = await call('auth:signIn', { accountId: sandbox.options.accountId, apiKey: sandbox.options.apiKey, baseUrl: sandbox.url })
    expect(session).toMatchObject({ ok: true, value: { user: { id: '00A000000000001' }, endpoint: { baseUrl: sandbox.url } } })
    expect(await call('auth:setCommboxToken', { token: sandbox.options.commboxToken, baseUrl: sandbox.commboxBaseUrl })).toMatchObject({ ok: true })
    expect(await call('auth:status', {})).toMatchObject({ ok: true, value: { oktopost: { account: { id: expect.any(String) } }, commbox: { baseUrl: sandbox.commboxBaseUrl } } })
  })

  it('answers every read channel within its schema', async () => {
    const conversations = await call('conversation:list', { statuses: ['open'], count: 5, lane: 'background' })
    expect(conversations.ok && conversations.value.items.length).toBe(5)
    for (const [channel, request] of [
      ['conversation:get', { conversationId: 'eit000000000001' }],
      ['conversation:timeline', { conversationId: 'eit000000000002' }],
      ['tag:list', { count: 20 }],
      ['tag:get', { tagId: 'etg000000000001' }],
      ['cannedResponse:list', { search: 'Welcome' }],
      ['cannedResponse:get', { cannedResponseId: 'cnr000000000001' }],
      ['user:me', {}],
      ['user:list', {}],
      ['credential:list', { network: 'Facebook' }],
      ['connectivity:probe', {}],
    ] as const) {
      const result = await call(channel, request as never)
      expect(result, channel).toMatchObject({ ok: true })
      if (result.ok) expect(contract[channel].response.safeParse(result.value).success, channel).toBe(true)
    }
  })

  it('carries every write channel to the sandbox', async () => {
    expect(await call('conversation:addNote', { conversationId: 'eit000000000001', note: 'ipc note' })).toMatchObject({ ok: true, value: { content: 'ipc note' } })
    expect(await call('conversation:replaceTags', { conversationId: 'eit000000000001', tags: ['Support', 'VIP'] })).toMatchObject({ ok: true })
    expect(await call('conversation:assign', { conversationId: 'eit000000000001', assigneeId: '00A000000000002' })).toMatchObject({ ok: true })
    expect(await call('conversation:reply', {
      conversation: { id: 'eit000000000001', network: 'Facebook', itemType: 'Conversation', status: 'open' },
      message: 'ipc reply',
    })).toEqual({ ok: true, value: null })
    expect(await call('conversation:setStatus', { conversationId: 'eit000000000001', status: 'closed' })).toEqual({ ok: true, value: null })
    expect(await call('conversation:createCase', { conversationId: 'eit000000000001', integrationId: 'sfint-ipc' })).toEqual({ ok: true, value: null })
    expect(await call('tag:rename', { tagId: 'etg000000000003', name: 'Invoices' })).toEqual({ ok: true, value: null })
    expect(await call('tag:delete', { tagId: 'etg000000000004' })).toEqual({ ok: true, value: null })
    expect(await call('cannedResponse:create', { name: 'IPC', content: 'hello', visibility: 'private' })).toMatchObject({ ok: true, value: { name: 'IPC' } })
    expect(await call('commbox:createTag', { name: 'IPC tag', type: 2, tagGroupId: 0, objectTag: true, userTag: false, childTag: false })).toMatchObject({ ok: true, value: { id: expect.any(String) } })
  })

  it('refuses a request the API documents as invalid before sending it', async () => {
    const result = await call('conversation:addNote', { conversationId: 'eit000000000001', note: 'x'.repeat(10_001) })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { note: expect.any(String) } } })
  })

  it('never answers with the API key or the CommBox token on any channel', () => {
    expect(channels.length).toBeGreaterThan(20)
    const everything = answers.join('\n')
    expect(everything).not.toContain(sandbox.options.apiKey)
    expect(everything).not.toContain(sandbox.options.commboxToken)
  })

  it('wipes both secrets on sign-out', async () => {
    expect(await call('auth:signOut', {})).toEqual({ ok: true, value: null })
    expect(await call('auth:status', {})).toEqual({ ok: true, value: { oktopost: null, commbox: null } })
    expect(await call('conversation:get', { conversationId: 'eit000000000001' })).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
  })
})
