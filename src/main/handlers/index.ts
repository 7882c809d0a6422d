import type { AuthService } from '../auth/authService'
import type { DemoWorkspace } from '../demo/demoWorkspace'
import type { Handlers } from '../ipc/handlers'
import { createSendLedger, sendingOnce } from '../ipc/sendOnce'
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

/** The one handler table; Electron IPC and the HTTP bridge both serve it. The outbox's changes go out once each (ipc/sendOnce.ts). */
export function createHandlers(deps: HandlerDeps): Handlers {
  const handlers: Handlers = {
    'app:info': appInfoHandler(deps.identity),
    ...authHandlers(deps.auth, deps.demo),
    ...conversationHandlers(deps.auth),
    ...libraryHandlers(deps.auth),
    'connectivity:probe': connectivityHandler(deps.probe),
    ...desktopHandlers(deps.desktop),
  }
  return sendingOnce(handlers, createSendLedger())
}
