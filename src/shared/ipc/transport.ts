/** Names both ends of each transport must agree on. */

/** The single Electron IPC channel that carries every contract request. */
export const IPC_INVOKE_CHANNEL = 'inbox-desk:invoke'

/** The loopback HTTP bridge of the browser preview. */
export const BRIDGE_INVOKE_PATH = '/__bridge/invoke'
export const BRIDGE_TOKEN_HEADER = 'x-inbox-desk-token'
/** The preview server writes the per-run token into this meta tag of the page it serves. */
export const BRIDGE_TOKEN_META = 'inbox-desk-bridge-token'
