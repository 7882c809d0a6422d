import type { Channel, RequestOf, ResponseOf } from './contract'
import type { Result } from '../result'

/**
 * The one object the renderer may use to reach main: `window.inboxDesk`. The Electron preload
 * and the browser preview's HTTP bridge both provide exactly this interface.
 */
export interface InboxDeskApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>
}
