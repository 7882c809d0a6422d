import type { Channel, RequestOf, ResponseOf } from './contract'
import type { Result } from '../result'

/** The Electron event main sends to the window when an application-menu item is chosen. */
export const IPC_COMMAND_EVENT = 'inbox-desk:command'

/** A command id of the renderer's registry, e.g. 'go.inbox'; nothing else crosses as a menu choice. */
export const MENU_COMMAND_ID_PATTERN = /^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/
export const MENU_COMMAND_ID_MAX_LENGTH = 60

export function isMenuCommandId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MENU_COMMAND_ID_MAX_LENGTH && MENU_COMMAND_ID_PATTERN.test(value)
}

/**
 * The one object the renderer may use to reach main: `window.inboxDesk`. The Electron preload
 * and the browser preview's HTTP bridge both provide exactly this interface.
 */
export interface InboxDeskApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>
  /**
   * Application-menu choices, as command ids. Only the desktop app has a menu, so the browser
   * preview leaves this out. Returns the function that stops listening.
   */
  onCommand?(listener: (commandId: string) => void): () => void
}
