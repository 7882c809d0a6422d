import { ok } from '../../shared/result'
import type { Handler } from '../ipc/handlers'

export interface AppIdentity {
  name: string
  version: string
  platform: string
}

export function appInfoHandler(identity: AppIdentity): Handler<'app:info'> {
  return async (_request, context) => ok({ ...identity, transport: context.transport })
}
