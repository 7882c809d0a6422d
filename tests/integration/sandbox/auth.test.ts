import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { basicAuth, startClient, type SandboxClient } from './support'

let api: SandboxClient

beforeAll(async () => {
  api = await startClient({ conversations: 20, accountId: '00A0000000TEST1', apiKey: 'k3y' })
})
afterAll(() => api.close())

describe('Oktopost HTTP Basic auth', () => {
  it.each([
    ['no Authorization header', null],
    ['a wrong API key', basicAuth('00A0000000TEST1', 'wrong')],
    ['a wrong account id', basicAuth('00A0000000OTHER', 'k3y')],
    ['a Bearer token', 'Bearer k3y'],
    ['garbage', 'Basic !!!'],
  ])('answers 401 with the Errors envelope for %s', async (_case, auth) => {
    const { status, body, headers } = await api.get('/me', {}, auth)
    expect(status).toBe(401)
    expect(body).toEqual({ Result: false, Errors: { API: { Error: 'Invalid account id or API key' } } })
    expect(headers.get('www-authenticate')).toMatch(/^Basic/)
  })

  it('checks credentials on writes too and changes nothing', async () => {
    const { status } = await api.post('/conversation/eit000000000001', { status: 'closed' }, null)
    expect(status).toBe(401)
    expect((await api.get('/conversation/eit000000000001')).body.Conversation.Status).toBe('open')
    expect(await api.ledger()).toEqual([])
  })

  it('accepts the configured account id and key', async () => {
    expect((await api.get('/me')).body.Account.Id).toBe('00A0000000TEST1')
  })

  it('answers 404 with Result false for an unknown endpoint or method', async () => {
    for (const [method, path] of [['GET', '/nothing'], ['DELETE', '/conversation/eit000000000001'], ['PUT', '/canned-response']] as const) {
      const { status, body } = await api.send(method, path, {}, api.auth)
      expect(status).toBe(404)
      expect(body.Result).toBe(false)
      expect(body.Errors.API.Error).toMatch(/No such endpoint/)
    }
  })
})

describe('CommBox Bearer auth', () => {
  it('answers 401 without the configured token', async () => {
    for (const token of [null, 'nope']) {
      const { status, body } = await api.commbox({ data: { Name: 'x' } }, token)
      expect(status).toBe(401)
      expect(body.status).toBe(401)
    }
  })
})
