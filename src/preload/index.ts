import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_COMMAND_EVENT, isMenuCommandId, type InboxDeskApi } from '../shared/ipc/api'
import { IPC_INVOKE_CHANNEL } from '../shared/ipc/transport'

/**
 * The renderer's only way to main. Raw ipcRenderer is never exposed: the page can send a
 * contract channel and a payload, and main validates both; it can hear application-menu
 * choices, and only as command ids, never the event or its sender.
 */
const inboxDesk: InboxDeskApi = {
  invoke: (channel, request) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, channel, request),
  onCommand(listener) {
    const forward = (_event: IpcRendererEvent, commandId: unknown) => {
      if (isMenuCommandId(commandId)) listener(commandId)
    }
    ipcRenderer.on(IPC_COMMAND_EVENT, forward)
    return () => void ipcRenderer.removeListener(IPC_COMMAND_EVENT, forward)
  },
}

contextBridge.exposeInMainWorld('inboxDesk', inboxDesk)
