import { z } from 'zod'
import type { InboxDeskApi } from '../../shared/ipc/api'
import { contract, type Channel, type RequestOf, type ResponseOf } from '../../shared/ipc/contract'
import type { Result } from '../../shared/result'

const resultEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ kind: z.string(), message: z.string() }).passthrough(),
  }),
])

/**
 * The renderer's side of the contract: whatever comes back over the wire is checked against
 * the channel's response schema before any store sees it.
 */
export interface IpcClient {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>
}

export function createIpcClient(api: InboxDeskApi): IpcClient {
  return {
    async invoke(channel, request) {
      const envelope = resultEnvelopeSchema.safeParse(await api.invoke(channel, request))
      if (!envelope.success) {
        return { ok: false, error: { kind: 'invalidResponse', message: `${channel}: main answered outside the Result shape` } }
      }
      if (!envelope.data.ok) return envelope.data as Result<never>
      const value = contract[channel].response.safeParse(envelope.data.value)
      if (!value.success) {
        const where = value.error.issues[0]?.path.join('.') || 'value'
        return { ok: false, error: { kind: 'invalidResponse', message: `${channel}: unexpected ${where} in the answer` } }
      }
      return { ok: true, value: value.data as ResponseOf<typeof channel> }
    },
  }
}
