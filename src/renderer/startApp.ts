import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { dismissFirstScreen } from './boot/firstScreen'
import { connectIpc } from './ipc'
import { openLastDatabaseEarly } from './db/earlyOpen'
import { createAppRouter } from './router'
import { useSessionStore } from './stores/sessionStore'

export function startApp(): void {
  connectIpc(window)
  const pinia = createPinia()
  const session = useSessionStore(pinia)
  // Both take a round trip before the list can show; they run while the app mounts.
  void session.load()
  openLastDatabaseEarly(window.localStorage)
  const router = createAppRouter(session)
  // The painted first screen (boot/firstScreen.ts) is the inbox's: sign-in or settings take it away.
  router.afterEach((to) => to.name !== 'view' && dismissFirstScreen())
  createApp(App).use(pinia).use(router).mount('#app')
}
