import { ok } from '../../shared/result'
import type { AuthService } from '../auth/authService'
import type { Handlers } from '../ipc/handlers'
import type { DemoWorkspace } from '../demo/demoWorkspace'

type AuthHandlers = Pick<
  Handlers,
  'auth:signIn' | 'auth:startDemo' | 'auth:status' | 'auth:signOut' | 'auth:setCommboxToken' | 'auth:clearCommboxToken'
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
  }
}
