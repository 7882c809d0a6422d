import { ok } from '../../shared/result'
import type { Clock } from '../api/clock'
import type { AuthService } from '../auth/authService'
import type { Handler } from '../ipc/handlers'

export interface ProbeTarget {
  auth: AuthService
  clock: Clock
}

/**
 * Whether the API answers at all, for the connectivity state: the renderer asks only while
 * it believes it is offline, so the probe's cost in the rate limit stays small. Any HTTP
 * answer, even a refusal, means the network is there.
 */
export function connectivityHandler(target: ProbeTarget): Handler<'connectivity:probe'> {
  return async () => {
    const client = await target.auth.oktopost()
    if (!client.ok) return client
    const startedAt = target.clock.now()
    const me = await client.value.account.me({ lane: 'background' })
    const isReachable = me.ok || !['network', 'timeout', 'unknownOutcome'].includes(me.error.kind)
    return ok({ isReachable, latencyMs: isReachable ? target.clock.now() - startedAt : null })
  }
}
