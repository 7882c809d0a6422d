import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, contentSecurityPolicyForMeta } from '../../../../src/main/security/csp'

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((part) => {
    const [name = '', ...sources] = part.split(' ')
    return [name, sources]
  }))
}

describe('content security policy', () => {
  const policy = directives(contentSecurityPolicy())

  it('denies by default and allows scripts only from the app itself', () => {
    expect(policy.get('default-src')).toEqual(["'none'"])
    expect(policy.get('script-src')).toEqual(["'self'"])
  })

  it('never allows eval, inline script or remote script sources', () => {
    const all = contentSecurityPolicy()
    expect(all).not.toContain('unsafe-eval')
    expect(all).not.toContain('unsafe-inline')
    expect(policy.get('script-src')?.some((source) => source.includes('http'))).toBe(false)
  })

  it('forbids plugins, frames, form posts, base rewriting and being framed', () => {
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('frame-src')).toEqual(["'none'"])
    expect(policy.get('form-action')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('keeps network requests on the app origin', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"])
  })

  it('relaxes styles and the HMR socket only in development', () => {
    const development = directives(contentSecurityPolicy({ isDevelopment: true }))
    expect(development.get('style-src')).toContain("'unsafe-inline'")
    expect(development.get('script-src')).toEqual(["'self'"])
  })

  it('leaves frame-ancestors out of the meta tag, where browsers ignore it', () => {
    expect(contentSecurityPolicyForMeta()).not.toContain('frame-ancestors')
    expect(contentSecurityPolicyForMeta()).toContain("script-src 'self'")
  })
})
