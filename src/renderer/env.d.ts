/// <reference types="vite/client" />
import type { InboxDeskApi } from '../shared/ipc/api'

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in the browser preview until the bridge installs it. */
    inboxDesk?: InboxDeskApi
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
