import { describe, expect, it } from 'vitest'
import { normalizeBaseUrl, oktopostBaseUrl } from '../../../../src/main/api/regions'

describe('Oktopost base URLs', () => {
  it('knows the two data centres', () => {
    expect(oktopostBaseUrl({ region: 'us' })).toEqual({ ok: true, value: 'https://api.oktopost.com/v2' })
    expect(oktopostBaseUrl({ region: 'eu' })).toEqual({ ok: true, value: 'https://eu-api.oktopost.com/v2' })
  })

  it('accepts a custom https URL and drops the trailing slash', () => {
    expect(oktopostBaseUrl({ baseUrl: 'https://proxy.example.com/oktopost/v2/' })).toEqual({
      ok: true,
      value: 'https://proxy.example.com/oktopost/v2',
    })
  })

  it('adds /v2 to a bare origin, such as the sandbox URL it prints', () => {
    expect(oktopostBaseUrl({ baseUrl: 'http://127.0.0.1:4010' })).toEqual({ ok: true, value: 'http://127.0.0.1:4010/v2' })
  })

  it('allows plain http only on this computer, since every request carries the key', () => {
    expect(oktopostBaseUrl({ baseUrl: 'http://localhost:8080/v2' }).ok).toBe(true)
    const remote = oktopostBaseUrl({ baseUrl: 'http://proxy.example.com/v2' })
    expect(remote).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { baseUrl: expect.stringContaining('https') } } })
  })

  it('refuses what is not a plain base URL', () => {
    expect(normalizeBaseUrl('not a url').ok).toBe(false)
    expect(normalizeBaseUrl('ftp://example.com').ok).toBe(false)
    expect(normalizeBaseUrl('https://user:pw@example.com').ok).toBe(false)
    expect(normalizeBaseUrl('https://example.com/v2?x=1').ok).toBe(false)
  })
})
