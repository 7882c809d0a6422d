import { describe, expect, it } from 'vitest'
import { afterSignInRoute, inboxRoute, sessionRedirect } from '../../../../src/renderer/signIn/sessionRoutes'

describe('the session guard', () => {
  it('sends a visitor without a session to sign-in, remembering the page', () => {
    expect(sessionRedirect({ name: 'view', fullPath: '/view/closed' }, false)).toEqual({
      name: 'sign-in',
      query: { redirect: '/view/closed' },
    })
  })

  it('does not bother remembering the default page', () => {
    expect(sessionRedirect({ name: 'view', fullPath: '/view/inbox' }, false)).toEqual({ name: 'sign-in', query: {} })
  })

  it('lets everyone reach sign-in, and a signed-in agent everywhere', () => {
    expect(sessionRedirect({ name: 'sign-in', fullPath: '/sign-in' }, false)).toBe(true)
    expect(sessionRedirect({ name: 'sign-in', fullPath: '/sign-in' }, true)).toBe(true)
    expect(sessionRedirect({ name: 'view', fullPath: '/view/mine' }, true)).toBe(true)
  })

  it('returns to the remembered page after sign-in, or else to the inbox', () => {
    expect(afterSignInRoute({ redirect: '/view/closed' })).toBe('/view/closed')
    expect(afterSignInRoute({})).toEqual(inboxRoute)
    expect(afterSignInRoute({ redirect: 'https://evil.example/' })).toEqual(inboxRoute)
    expect(afterSignInRoute({ redirect: ['/view/mine'] })).toEqual(inboxRoute)
  })
})
