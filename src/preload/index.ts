import { contextBridge, ipcRenderer } from 'electron'
import type { InboxDeskApi } from '../shared/ipc/api'
import { IPC_INVOKE_CHANNEL } from '../shared/ipc/transport'

/**
 * The renderer's only way to main. Raw ipcRenderer is never exposed: the page can send a
 * contract channel and a payload, and main validates both.
 */
const inboxDesk: InboxDeskApi = {
  invoke: (channel, request) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, channel, request),
}

contextBridge.exposeInMainWorld('inboxDesk', inboxDesk)
