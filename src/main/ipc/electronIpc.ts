import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { IPC_INVOKE_CHANNEL } from '../../shared/ipc/transport'
import { err } from '../../shared/result'
import { dispatch } from './dispatch'
import type { Handlers } from './handlers'
import { isTrustedSender } from './senderPolicy'

export interface ElectronIpcOptions {
  handlers: Handlers
  appOrigin: string
  isOwnWebContents: (webContentsId: number) => boolean
}

export function createInvokeListener(options: ElectronIpcOptions) {
  return async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame, options.isOwnWebContents(event.sender.id), options.appOrigin)) {
      console.warn('[ipc] refused a request from an untrusted sender', event.senderFrame?.url)
      return err({ kind: 'forbidden', message: 'Request refused: it did not come from the Inbox Desk window' })
    }
    return dispatch(options.handlers, channel, payload, { transport: 'electron' })
  }
}

export function registerElectronIpc(ipcMain: IpcMain, options: ElectronIpcOptions): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, createInvokeListener(options))
}
