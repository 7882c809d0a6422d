import { describe, expect, it } from 'vitest'
import { INITIAL_CONNECTIVITY, nextConnectivity } from '../../../../src/renderer/sync/connectivity'

describe('connectivity', () => {
  it('goes offline on a network error and back online on the next answer', () => {
    const offline = nextConnectivity(INITIAL_CONNECTIVITY, { type: 'failed', error: { kind: 'network', message: 'x' }, at: 5 })
    expect(offline).toEqual({ kind: 'offline', since: 5 })
    expect(nextConnectivity(offline, { type: 'answered' })).toEqual({ kind: 'online' })
  })

  it('trusts the browser when it says offline, and a probe to say online again', () => {
    const offline = nextConnectivity(INITIAL_CONNECTIVITY, { type: 'browserOffline', at: 1 })
    expect(offline.kind).toBe('offline')
    expect(nextConnectivity(offline, { type: 'probe', isReachable: false, at: 2 })).toBe(offline)
    expect(nextConnectivity(offline, { type: 'probe', isReachable: true, at: 3 })).toEqual({ kind: 'online' })
  })

  it('is rate-limited until Retry-After has passed', () => {
    const limited = nextConnectivity(INITIAL_CONNECTIVITY, { type: 'failed', error: { kind: 'rateLimited', message: 'x', retryAfterMs: 30_000 }, at: 1_000 })
    expect(limited).toEqual({ kind: 'rateLimited', until: 31_000 })
    expect(nextConnectivity(limited, { type: 'tick', at: 30_999 })).toBe(limited)
    expect(nextConnectivity(limited, { type: 'tick', at: 31_000 })).toEqual({ kind: 'online' })
  })

  it('stays signed out whatever answers arrive, until the agent signs in', () => {
    const signedOut = nextConnectivity(INITIAL_CONNECTIVITY, { type: 'failed', error: { kind: 'unauthorized', message: 'x' }, at: 1 })
    expect(nextConnectivity(signedOut, { type: 'answered' })).toEqual({ kind: 'signedOut' })
    expect(nextConnectivity(signedOut, { type: 'signedIn' })).toEqual({ kind: 'online' })
  })

  it('counts a refusal from the server as proof the connection works', () => {
    const offline = { kind: 'offline' as const, since: 1 }
    expect(nextConnectivity(offline, { type: 'failed', error: { kind: 'notFound', message: 'x' }, at: 2 })).toEqual({ kind: 'online' })
  })
})
