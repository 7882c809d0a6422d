import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { connectIpc } from './ipc'
import { createAppRouter } from './router'
import './styles/theme.css'
import './styles/base.css'

connectIpc(window)
createApp(App).use(createPinia()).use(createAppRouter()).mount('#app')
