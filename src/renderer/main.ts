import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { connectIpc } from './ipc'
import { openLastDatabaseEarly } from './db/earlyOpen'
import { createAppRouter } from './router'
import { useSessionStore } from './stores/sessionStore'
import './styles/theme.css'
import './styles/base.css'

connectIpc(window)
const pinia = createPinia()
const session = useSessionStore(pinia)
// Both take a round trip before the list can show; they run while the app mounts.
void session.load()
openLastDatabaseEarly(window.localStorage)
createApp(App).use(pinia).use(createAppRouter(session)).mount('#app')
