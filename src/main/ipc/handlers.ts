import type { Channel, ResponseOf, Transport, ValidRequestOf } from '../../shared/ipc/contract'
import type { Result } from '../../shared/result'

/** What a handler knows about the request besides its payload. */
export interface RequestContext {
  transport: Transport
}

export type Handler<C extends Channel> = (
  request: ValidRequestOf<C>,
  context: RequestContext,
) => Promise<Result<ResponseOf<C>>>

/** Exactly one handler per channel of the contract: a missing one fails to compile. */
export type Handlers = { [C in Channel]: Handler<C> }
