import type { AuthService } from '../auth/authService'
import type { DemoWorkspace } from '../demo/demoWorkspace'
import type { Handlers } from '../ipc/handlers'
import { appInfoHandler, type AppIdentity } from './appInfo'
import { authHandlers } from './auth'
import { conversationHandlers } from './conversations'
import { connectivityHandler, type ProbeTarget } from './connectivity'
import { desktopHandlers, type DesktopShell } from './desktop'
import { libraryHandlers } from './library'

export interface HandlerDeps {
  identity: AppIdentity
  auth: AuthService
  demo: DemoWorkspace
  probe: ProbeTarget
  desktop: DesktopShell
}

/** The one handler table; Electron IPC and the HTTP bridge both serve it. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app:info': appInfoHandler(deps.identity),
    ...authHandlers(deps.auth, deps.demo),
    ...conversationHandlers(deps.auth),
    ...libraryHandlers(deps.auth),
    'connectivity:probe': connectivityHandler(deps.probe),
    ...desktopHandlers(deps.desktop),
  }
}
