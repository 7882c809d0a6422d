import type { LocationQuery, RouteLocationNormalized, RouteLocationRaw } from 'vue-router'

export const inboxRoute = { name: 'view', params: { view: 'inbox' } } as const

/** Nobody signed in: every page but sign-in sends there, remembering where the agent was going. */
export function sessionRedirect(to: Pick<RouteLocationNormalized, 'name' | 'fullPath'>, isSignedIn: boolean): RouteLocationRaw | true {
  if (isSignedIn || to.name === 'sign-in') return true
  const isDefault = to.fullPath === '/' || to.fullPath === '/view/inbox'
  return { name: 'sign-in', query: isDefault ? {} : { redirect: to.fullPath } }
}

/** Where to go after signing in: back to the page that sent the agent here, if it is one of ours. */
export function afterSignInRoute(query: LocationQuery): RouteLocationRaw {
  const redirect = query['redirect']
  return typeof redirect === 'string' && redirect.startsWith('/view/') ? redirect : inboxRoute
}
