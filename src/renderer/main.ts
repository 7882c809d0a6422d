import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { connectIpc } from './ipc'
import { createAppRouter } from './router'
import { useSessionStore } from './stores/sessionStore'
import './styles/theme.css'
import './styles/base.css'

connectIpc(window)
const pinia = createPinia()
createApp(App).use(pinia).use(createAppRouter(useSessionStore(pinia))).mount('#app')
