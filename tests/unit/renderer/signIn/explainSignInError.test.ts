import { describe, expect, it } from 'vitest'
import { explainSignInError } from '../../../../src/renderer/signIn/explainSignInError'

const us = { region: 'us' } as const
const custom = { customUrl: 'https://proxy.example.com:8443/v2' }

describe('explaining a failed sign-in', () => {
  it('puts main’s field messages under their fields', () => {
    const problem = explainSignInError(
      { kind: 'invalid', message: 'Enter the Account ID', fields: { accountId: 'Enter the Account ID', apiKey: 'Enter the API key' } },
      us,
    )
    expect(problem.fields).toEqual({ accountId: 'Enter the Account ID', apiKey: 'Enter the API key' })
    expect(problem.alert).toBeNull()
  })

  it('puts a bad address under the URL field', () => {
    const problem = explainSignInError({ kind: 'invalid', message: 'Use https', fields: { baseUrl: 'Use https' } }, custom)
    expect(problem.fields).toEqual({ baseUrl: 'Use https' })
  })

  it('keeps messages for fields the form does not have in the alert', () => {
    const problem = explainSignInError({ kind: 'invalid', message: 'Refused', fields: { region: 'Unknown region' } }, us)
    expect(problem.alert).toEqual({ title: 'Some details need fixing', detail: 'Unknown region' })
  })

  it('says that Oktopost refused the credentials, and marks both', () => {
    const problem = explainSignInError({ kind: 'unauthorized', message: 'x' }, us)
    expect(problem.alert?.title).toBe('Oktopost didn’t accept this Account ID and API key')
    expect(problem.suspects).toEqual(['accountId', 'apiKey'])
  })

  it('names the host it could not reach', () => {
    expect(explainSignInError({ kind: 'network', message: 'ENOTFOUND' }, us).alert?.title).toBe('Couldn’t reach api.oktopost.com')
    expect(explainSignInError({ kind: 'network', message: 'ENOTFOUND' }, { region: 'eu' }).alert?.title).toBe(
      'Couldn’t reach eu-api.oktopost.com',
    )
    const problem = explainSignInError({ kind: 'timeout', message: 'slow' }, custom)
    expect(problem.alert?.title).toBe('proxy.example.com:8443 didn’t answer in time')
    expect(problem.suspects).toEqual(['baseUrl'])
  })

  it('suspects a custom address that answers but is not the Oktopost API', () => {
    const problem = explainSignInError({ kind: 'notFound', message: 'x' }, custom)
    expect(problem.alert?.title).toBe('No Oktopost API at proxy.example.com:8443')
    expect(problem.suspects).toEqual(['baseUrl'])
  })

  it('says when to try again after being rate limited', () => {
    expect(explainSignInError({ kind: 'rateLimited', message: 'x', retryAfterMs: 4200 }, us).alert?.detail).toContain('5 s')
  })

  it('blames a server error on the server', () => {
    expect(explainSignInError({ kind: 'server', message: 'x', status: 503 }, us).alert?.title).toBe('Oktopost had a problem (HTTP 503)')
  })
})
