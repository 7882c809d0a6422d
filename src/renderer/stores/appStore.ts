import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '../../shared/ipc/contract'
import type { AppError } from '../../shared/result'
import { useIpc } from '../ipc'

export type ConnectionState = 'connecting' | 'ready' | 'failed'

/** What the shell knows about itself: which app, which transport, whether main answers. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const state = ref<ConnectionState>('connecting')
  const lastError = ref<AppError | null>(null)

  async function load(): Promise<void> {
    state.value = 'connecting'
    const result = await useIpc().invoke('app:info', {})
    if (result.ok) {
      info.value = result.value
      state.value = 'ready'
      lastError.value = null
    } else {
      state.value = 'failed'
      lastError.value = result.error
    }
  }

  return { info, state, lastError, load }
})
