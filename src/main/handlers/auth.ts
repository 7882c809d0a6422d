import { ok } from '../../shared/result'
import type { AuthService } from '../auth/authService'
import type { Handlers } from '../ipc/handlers'
import type { DemoWorkspace } from '../demo/demoWorkspace'

type AuthHandlers = Pick<
  Handlers,
  | 'auth:signIn'
  | 'auth:startDemo'
  | 'auth:status'
  | 'auth:signOut'
  | 'auth:setCommboxToken'
  | 'auth:clearCommboxToken'
  | 'auth:accounts'
  | 'auth:switchAccount'
  | 'auth:removeAccount'
>

export function authHandlers(auth: AuthService, demo: DemoWorkspace): AuthHandlers {
  return {
    'auth:signIn': (request) => auth.signIn(request),
    'auth:startDemo': () => demo.start(),
    'auth:status': async () => {
      await demo.settled()
      return auth.status()
    },
    'auth:signOut': async () => {
      const result = await auth.signOut()
      await demo.stop()
      return result.ok ? ok(null) : result
    },
    'auth:setCommboxToken': (input) => auth.setCommboxToken(input),
    'auth:clearCommboxToken': () => auth.clearCommboxToken(),
    'auth:accounts': async () => {
      await demo.settled()
      return auth.accounts()
    },
    'auth:switchAccount': async ({ accountKey }) => {
      const switched = await auth.switchAccount(accountKey)
      if (!switched.ok) return switched
      // The demo's sandbox lives only while the app runs: switching to it starts a fresh one.
      if (switched.value.isDemo) return demo.start()
      const { user, account, endpoint } = switched.value
      return ok({ user, account, endpoint })
    },
    'auth:removeAccount': async ({ accountKey }) => {
      const removed = await auth.removeAccount(accountKey)
      if (!removed.ok) return removed
      if (removed.value.removed?.isDemo) await demo.stop()
      return ok(removed.value.list)
    },
  }
}
