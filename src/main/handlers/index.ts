import type { Handlers } from '../ipc/handlers'
import { appInfoHandler, type AppIdentity } from './appInfo'

export interface HandlerDeps {
  identity: AppIdentity
}

/** The one handler table; Electron IPC and the HTTP bridge both serve it. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app:info': appInfoHandler(deps.identity),
  }
}
