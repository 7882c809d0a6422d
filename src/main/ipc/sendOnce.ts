import { OUTBOX_CHANNELS, type OutboxChannel } from '../../shared/ipc/contract'
import type { Result } from '../../shared/result'
import type { Handler, Handlers, RequestContext } from './handlers'

/** How long a delivered change is remembered: longer than any retry or resend of it. */
export const DELIVERED_KEPT_MS = 24 * 60 * 60_000
/** The most delivered changes remembered at once; the oldest go first. */
export const MAX_DELIVERED = 2_000

/**
 * Sends each change at most once while main runs, by the sendId the outbox gives it.
 *
 * The renderer can stop (a reload, a crash) while main is still sending one of its changes.
 * On the next start the outbox finds the change mid-send and, when the timeline does not show
 * it yet, sends it again. A repeat that finds its sendId still on its way waits for that send's
 * answer instead of sending; one that finds it delivered gets the answer again. A failed send
 * is not remembered, so it can be tried again.
 *
 * Main itself stopping ends its sends with it; the outbox settles those by reading the API.
 */
export interface SendLedger {
  send(key: string, send: () => Promise<Result<unknown>>): Promise<Result<unknown>>
  /** Changes on their way and delivered ones remembered, for tests and diagnostics. */
  readonly size: { sending: number; delivered: number }
}

export function createSendLedger(options: { now?: () => number; keptMs?: number; maxDelivered?: number } = {}): SendLedger {
  const now = options.now ?? Date.now
  const keptMs = options.keptMs ?? DELIVERED_KEPT_MS
  const maxDelivered = options.maxDelivered ?? MAX_DELIVERED
  const sending = new Map<string, Promise<Result<unknown>>>()
  /** In the order delivered, so the oldest come first. */
  const delivered = new Map<string, { answer: Result<unknown>; at: number }>()

  const forgetOld = () => {
    const oldest = now() - keptMs
    for (const [key, record] of delivered) {
      if (record.at > oldest && delivered.size <= maxDelivered) break
      delivered.delete(key)
    }
  }

  return {
    send(key, send) {
      forgetOld()
      const onItsWay = sending.get(key)
      if (onItsWay) return onItsWay
      const known = delivered.get(key)
      if (known) return Promise.resolve(known.answer)
      const sent = send()
        .then((answer) => {
          if (answer.ok) {
            delivered.set(key, { answer, at: now() })
            forgetOld()
          }
          return answer
        })
        .finally(() => sending.delete(key))
      sending.set(key, sent)
      return sent
    },
    get size() {
      return { sending: sending.size, delivered: delivered.size }
    },
  }
}

/** The handler table with the outbox's channels sending through `ledger`; the handlers never see a sendId. */
export function sendingOnce(handlers: Handlers, ledger: SendLedger): Handlers {
  const wrapped: Partial<Record<OutboxChannel, Handler<OutboxChannel>>> = {}
  for (const channel of OUTBOX_CHANNELS) wrapped[channel] = once(channel, handlers[channel] as Handler<OutboxChannel>, ledger)
  return { ...handlers, ...(wrapped as Pick<Handlers, OutboxChannel>) }
}

function once(channel: OutboxChannel, handler: Handler<OutboxChannel>, ledger: SendLedger): Handler<OutboxChannel> {
  return (request, context: RequestContext) => {
    const { sendId, ...change } = request
    const sendChange = () => handler(change as typeof request, context)
    return (sendId === undefined ? sendChange() : ledger.send(`${channel} ${sendId}`, sendChange)) as ReturnType<Handler<OutboxChannel>>
  }
}
