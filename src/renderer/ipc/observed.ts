import type { AppError } from '../../shared/result'
import type { IpcClient } from './client'

export type OutcomeListener = (outcome: { ok: true } | { ok: false; error: AppError }) => void

/** Every answer from main also tells the connectivity state whether the API was reachable. */
export function observeIpc(client: IpcClient, listener: OutcomeListener): IpcClient {
  return {
    async invoke(channel, request) {
      const result = await client.invoke(channel, request)
      listener(result.ok ? { ok: true } : { ok: false, error: result.error })
      return result
    },
  }
}
