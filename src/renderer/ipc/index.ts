import { createHttpBridgeApi, readBridgeToken } from './httpBridgeApi'
import { createIpcClient, type IpcClient } from './client'

let client: IpcClient | null = null

/** Picks the transport once at start-up: the preload's object in Electron, the HTTP bridge in a browser. */
export function connectIpc(target: Window): IpcClient {
  const api = target.inboxDesk ?? createHttpBridgeApi(readBridgeToken(target.document) ?? '')
  client = createIpcClient(api)
  return client
}

/** For tests and stores: the client in use. */
export function useIpc(): IpcClient {
  if (!client) throw new Error('connectIpc() must run before the app mounts')
  return client
}

export function setIpcClient(next: IpcClient): void {
  client = next
}
